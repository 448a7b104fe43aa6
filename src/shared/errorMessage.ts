/** The one way to get text out of a thrown value of unknown type (an Error's message, or the value as text). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The same with the stack trace when there is one: for logs and bug reports, never for the admin's screen. */
export function errorDetails(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}
