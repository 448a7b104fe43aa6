/** What every contract call returns over any transport: a value, or an error meant for the admin. */
export type ErrorCode = 'invalid-input' | 'untrusted-sender' | 'unknown-method' | 'failed'

export interface ApiFailure {
  code: ErrorCode
  message: string
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiFailure }

export function failure(message: string): Envelope<never> {
  return { ok: false, error: { code: 'failed', message } }
}
