export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** All of standard input, for commands given "-" as their file. */
  readStdin?(): Buffer
}

export const EXIT_OK = 0
export const EXIT_INVALID_INPUT = 1
export const EXIT_USAGE = 2

/** Thrown for a command line we cannot understand; printed with the usage text, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
