import { fstatSync } from 'node:fs'
import type { Readable } from 'node:stream'
import { InputFileError, type ReadLimit, readRegularFileSync, shownPath, tooLargeMessage } from '../core/files/boundedRead'
import { type CliIo, UsageError } from './io'

export { InputFileError, type ReadLimit }
/** The name runCli knows input problems by (exit 1 with the message). */
export { InputFileError as UnreadableInputError }

/** At most limit + 1 bytes of standard input, and its whole size when it is known (stdin redirected from a file). */
export interface BoundedInput {
  bytes: Buffer
  size: number | null
}

/** A file named on the command line as messages name it ("-" is standard input). */
export function inputName(path: string): string {
  return path === '-' ? 'Standard input' : shownPath(path)
}

/**
 * Reads a file named on the command line ("-" = standard input): only a regular file, and at most `limit.maxBytes`.
 * An oversized input is refused here, with its real size when known, before any importer sees it.
 */
export async function readInputFile(path: string, limit: ReadLimit, io: CliIo): Promise<Buffer> {
  if (path !== '-') return readRegularFileSync(path, limit)
  if (!io.readStdin) throw new UsageError('Reading from standard input ("-") is not available here; give a file name.')
  const { bytes, size } = await io.readStdin(limit.maxBytes)
  if ((size ?? 0) > limit.maxBytes) throw new InputFileError('too-large', tooLargeMessage('Standard input', limit, size))
  if (bytes.length > limit.maxBytes) throw new InputFileError('too-large', tooLargeMessage('Standard input', limit, null, bytes.length))
  return bytes
}

/**
 * Standard input, read until `maxBytes + 1` bytes arrived or it ended, then closed: memory stays flat whatever is
 * piped in (300 MB, /dev/zero). Redirected from a regular file, its size is known and an oversized one is not read.
 */
export function readStandardInput(maxBytes: number, stream: Readable = process.stdin, fd = 0): Promise<BoundedInput> {
  let size: number | null = null
  try {
    const info = fstatSync(fd)
    if (info.isFile()) size = info.size
  } catch {
    // Not a descriptor we can look at (closed, or a test's stream): read it and count.
  }
  if (size !== null && size > maxBytes) {
    stream.destroy()
    return Promise.resolve({ bytes: Buffer.alloc(0), size })
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let length = 0
    const finish = () => {
      stream.off('data', onData)
      stream.off('end', finish)
      stream.off('error', onError)
      resolve({ bytes: Buffer.concat(chunks, Math.min(length, maxBytes + 1)), size: null })
    }
    const onData = (chunk: Buffer | string) => {
      const piece = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      chunks.push(piece.subarray(0, maxBytes + 1 - length))
      length += Math.min(piece.length, maxBytes + 1 - length)
      if (length > maxBytes) {
        stream.pause()
        stream.destroy()
        finish()
      }
    }
    const onError = (error: Error) => {
      stream.off('data', onData)
      stream.off('end', finish)
      reject(new InputFileError('unreadable', `Cannot read standard input (${(error as NodeJS.ErrnoException).code ?? error.message}).`))
    }
    stream.on('data', onData)
    stream.once('end', finish)
    stream.once('error', onError)
  })
}
