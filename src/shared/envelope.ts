/**
 * What a failed call is, as a stable code the window acts on; the message says the same in the admin's words.
 * Kept small on purpose: a code exists when the window does something different for it.
 */
export const ERROR_CODES = [
  // The request never reached a handler.
  'invalid-input', // the input was refused (the contract's checks, or what the admin typed or chose); nothing changed
  'untrusted-sender', // the call did not come from the app's own window
  'unknown-method', // the contract has no such method
  // The admin's situation, each with its own way forward in the window (renderer/src/store/failures.ts).
  'keychain-unavailable', // this computer has no usable keychain: the key can be kept for the session only
  'keychain-locked', // the keychain is there but locked or refused access: unlock it and try again
  'no-api-key', // no API key is stored for the open profile: store one first
  'profile-not-found', // the profile was deleted (or its file is gone): back to the profile list
  'no-open-profile', // main has no profile open (it restarted): back to the profile list
  // Everything else: the message says what happened and what to do next.
  'failed',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** The codes a handler's UserFacingError may carry (the others belong to the transports and the contract check). */
export type HandlerErrorCode = Exclude<ErrorCode, 'untrusted-sender' | 'unknown-method'>

export interface ApiFailure {
  code: ErrorCode
  message: string
}

/** What every contract call returns over any transport: a value, or an error meant for the admin. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiFailure }

export function failure(message: string, code: ErrorCode = 'failed'): Envelope<never> {
  return { ok: false, error: { code, message } }
}

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES)

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/**
 * An envelope as it arrived over a transport (IPC's structured clone, the bridge's JSON), checked before the window
 * trusts it: anything else becomes `notAnEnvelope`. A code this window does not know reads as 'failed', so its
 * message is still shown. Plain checks rather than zod: zod stays out of the window's first load
 * (test/unit/rendererFirstLoad.test.ts), and this runs on every call.
 */
export function readEnvelope(raw: unknown, notAnEnvelope: Envelope<never>): Envelope<unknown> {
  if (!isRecord(raw)) return notAnEnvelope
  if (raw.ok === true) return { ok: true, value: raw.value }
  if (raw.ok !== false || !isRecord(raw.error) || typeof raw.error.message !== 'string') return notAnEnvelope
  const code = typeof raw.error.code === 'string' && KNOWN_CODES.has(raw.error.code) ? (raw.error.code as ErrorCode) : 'failed'
  return { ok: false, error: { code, message: raw.error.message } }
}
