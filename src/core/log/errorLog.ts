import { appendFile, mkdir, rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { redactKnownSecrets } from '../secrets/redact'

/**
 * Where unexpected errors go. `location` is shown to the admin so they can send it to support. Every entry passes
 * through `redactKnownSecrets` first, so an API key the app has seen never reaches the log.
 */
export interface ErrorLog {
  write(message: string): void
  readonly location?: string
}

export const consoleErrorLog: ErrorLog = { write: (message) => console.error(redactKnownSecrets(message)) }

const MAX_LOG_BYTES = 1024 * 1024

/**
 * Appends timestamped entries to <dir>/main.log, keeping one previous file (main.1.log) once it passes 1 MiB.
 * Writing never throws: a log that cannot be written must not turn one error into two.
 */
export function createFileErrorLog(dir: string, now: () => Date = () => new Date()): ErrorLog & { flushed(): Promise<void> } {
  const file = join(dir, 'main.log')
  let queue: Promise<void> = Promise.resolve()
  const append = async (entry: string) => {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const size = await stat(file).then((s) => s.size, () => 0)
    if (size > MAX_LOG_BYTES) await rename(file, join(dir, 'main.1.log'))
    await appendFile(file, entry, { mode: 0o600 })
  }
  return {
    location: file,
    write(message) {
      const entry = `${now().toISOString()} ${redactKnownSecrets(message)}\n`
      queue = queue.then(() => append(entry)).catch(() => undefined)
    },
    flushed: () => queue,
  }
}
