import type { SecretStore } from '../core/secrets/keychain'

export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** All of standard input, for commands given "-" as their file. */
  readStdin?(): Buffer
  /** Where the API key (--token-env) and proxy settings are read; defaults to process.env. */
  env?: NodeJS.ProcessEnv
  /**
   * Calls `listener` on the first Ctrl-C (SIGINT) and returns a function that stops listening. Only commands that
   * can be cancelled ask, so Ctrl-C keeps its default meaning everywhere else.
   */
  onInterrupt?(listener: () => void): () => void
  /** The keychain --profile reads; defaults to the OS keychain. */
  secretStore?: SecretStore
}

export const EXIT_OK = 0
export const EXIT_INVALID_INPUT = 1
export const EXIT_USAGE = 2

/** Thrown for a command line we cannot understand; printed with the usage text, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
