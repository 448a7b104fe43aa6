import { runCli } from '../../../src/cli/runCli'
import type { CliIo } from '../../../src/cli/io'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI in this process with stdout and stderr captured; `io` adds what a test needs (env, stdin, keychain). */
export async function runCliCaptured(argv: string[], io: Omit<Partial<CliIo>, 'stdout' | 'stderr'> = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { ...io, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

/** Standard input holding these bytes, for commands given "-". */
export const stdinOf = (bytes: Buffer): CliIo['readStdin'] => async () => ({ bytes, size: null })
