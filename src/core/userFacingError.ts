/** An error whose message is written for the admin: what happened and what to do next. */
export class UserFacingError extends Error {
  override name = 'UserFacingError'
}
