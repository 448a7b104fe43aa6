import type { Dispatcher } from 'undici'
import { sendStepRequest } from '../checks/stepRequest'
import type { HttpOutcome } from '../net/sendRequest'
import type { StepOutcome } from '../../shared/checkOutcome'
import type { ClockObservation } from './clockSkew'

/** What each request of the SSO services check shares. */
export interface ServiceRequestOptions {
  /** From createHttpDispatcher (proxy, corporate CA, timeouts); never closed here. */
  dispatcher: Dispatcher
  /** The admin's cancel button. */
  signal?: AbortSignal
  /** This computer's clock, read when an answer arrives (for the clock step). */
  now: () => Date
  /** Per request: everything, including the whole body, must arrive by then. Default 30 s. */
  deadlineMs?: number
  /** Told the HTTP status of the answer (the step records it). */
  onHttpStatus?: (status: number) => void
}

/** One service step's result, plus what its answer said about the time. */
export interface ServiceCheckResult {
  outcome: StepOutcome
  /** Null when the service was not asked at all (nothing to compare, nothing to explain). */
  clock: ClockObservation | null
}

/** One GET of the services check, with the step's dispatcher, cancel and deadline; the answer's status goes to the step. */
export function sendServiceRequest(options: ServiceRequestOptions, url: URL, accept: string, maxBodyBytes: number): Promise<HttpOutcome> {
  return sendStepRequest(
    { url, method: 'GET', headers: { accept }, dispatcher: options.dispatcher, signal: options.signal, deadlineMs: options.deadlineMs, maxBodyBytes },
    options.onHttpStatus,
  )
}
