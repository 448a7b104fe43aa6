import type { HandlerErrorCode } from '../shared/envelope'

export interface UserFacingErrorOptions extends ErrorOptions {
  /** What kind of failure this is (shared/envelope.ts); 'failed' when the message alone tells the admin what to do. */
  code?: HandlerErrorCode
}

/**
 * An error whose message is written for the admin: what happened and what to do next. Its code crosses to the window
 * with the message (core/dispatch.ts), so the window can act on it without asking again.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError'
  readonly code: HandlerErrorCode

  constructor(message: string, { code = 'failed', ...options }: UserFacingErrorOptions = {}) {
    super(message, options)
    this.code = code
  }
}
