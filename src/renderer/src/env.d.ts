import type { Api } from '../../shared/contract'

declare global {
  interface Window {
    /** Present in the Electron app (exposed by the preload); absent in the browser preview. */
    readonly api?: Api
  }
}

export {}
