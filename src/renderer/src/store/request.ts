import type { Method, MethodInput, MethodOutput } from '../../../shared/contract'
import { call } from '../api/client'
import { failureOf } from './failures'
import type { WizardStore } from './wizardStore'

export type Request = <M extends Method>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>

/**
 * How the store's actions call main: as `call` does, and when the failure's code means the open profile is gone
 * (store/failures.ts), the store takes the admin back to the profile list before the error reaches the screen.
 */
export function requestFor(get: () => WizardStore): Request {
  return async (method, input) => {
    try {
      return await call(method, input)
    } catch (error) {
      const failure = failureOf(error)
      if (failure.action.kind === 'leave-profile') await get().leaveGoneProfile(failure.message)
      throw error
    }
  }
}
