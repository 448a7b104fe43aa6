import type { SecretStore } from '../core/secrets/keychain'
import { redactKnownSecrets } from '../core/secrets/redact'
import { displayText } from '../shared/displayText'
import type { BoundedInput } from './inputFile'

export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /**
   * Standard input, for commands given "-" as their file: at most `maxBytes + 1` bytes (reading stops there), and
   * its whole size when known. See readStandardInput.
   */
  readStdin?(maxBytes: number): Promise<BoundedInput>
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

/**
 * The last line of defence for everything the CLI prints: any API key the process has seen is redacted, and no
 * control character, escape sequence, bidi override or zero-width character reaches the terminal raw (only the line
 * breaks of the CLI's own layout stay). Values from outside are also put on one line where they are printed
 * (see oneLine), so they cannot start a line of their own; --json output is already escaped (safeJson) and passes
 * unchanged.
 */
export function safeOutput(io: CliIo): CliIo {
  // The CLI's own layout uses line breaks only, so a tab can only come from outside: shown as its code too.
  const safe = (text: string) => displayText(redactKnownSecrets(text), { multiline: true }).replace(/\t/g, '\\u0009')
  return { ...io, stdout: (text) => io.stdout(safe(text)), stderr: (text) => io.stderr(safe(text)) }
}
