// The rule lives in shared so the wizard can refuse an address as it is typed; core keeps importing it from here.
export { insecureUrlReason, isLoopbackHost } from '../../shared/loopback'
