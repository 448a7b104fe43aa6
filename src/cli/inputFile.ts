import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { type CliIo, UsageError } from './io'

/** Thrown when the input cannot be read: exit 1 with this message (the command line itself was fine). */
export class UnreadableInputError extends Error {
  override name = 'UnreadableInputError'
}

/**
 * Reads a file named on the command line ("-" = standard input). Reads at most `maxBytes + 1` bytes,
 * so the importer can refuse an oversized file with its limit without the whole file being loaded.
 */
export function readInputFile(path: string, maxBytes: number, io: CliIo): Buffer {
  if (path === '-') {
    if (!io.readStdin) throw new UsageError('Reading from standard input ("-") is not available here; give a file name.')
    return io.readStdin()
  }
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    throw new UnreadableInputError(`Cannot read ${path}: ${describeReadError(error)}.`)
  }
  try {
    if (!fstatSync(fd).isFile()) throw new UnreadableInputError(`Cannot read ${path}: it is not a file.`)
    const buffer = Buffer.alloc(maxBytes + 1)
    let length = 0
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
    }
    return buffer.subarray(0, length)
  } catch (error) {
    if (error instanceof UnreadableInputError) throw error
    throw new UnreadableInputError(`Cannot read ${path}: ${describeReadError(error)}.`)
  } finally {
    closeSync(fd)
  }
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'there is no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'it is a folder, not a file'
  return code ?? 'read error'
}
