import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { formatBytes } from '../../shared/byteSize'
import { oneLine } from '../../shared/displayText'
import { UserFacingError } from '../userFacingError'

/**
 * Reading a file the admin named (a certificate, metadata, a bundle, a CA file): only regular files, and never more
 * than the limit plus one byte, so neither a FIFO nor /dev/zero nor a 300 MB file can hang the app or fill memory.
 *
 * A named pipe would block open(2) until a writer appears, so the path is stat()ed first and refused unless it is a
 * regular file; it is then opened with O_NONBLOCK (which opens a FIFO at once) and checked again with fstat on the
 * open descriptor, so a file swapped for a FIFO in between is refused too.
 */

export interface ReadLimit {
  maxBytes: number
  /** What the input should be, after "too large for": "a certificate", "a configuration bundle". */
  what: string
  /** What to do about an oversized input: "An IdP certificate is 1–3 KiB: check you picked the right file." */
  hint?: string
}

export type InputFileProblem = 'missing' | 'permission' | 'not-a-file' | 'too-large' | 'unreadable'

/** A file (or standard input) the app will not read; the message names it, says why and what to do. */
export class InputFileError extends UserFacingError {
  override name = 'InputFileError'
  constructor(
    readonly problem: InputFileProblem,
    message: string,
    /** For 'too-large': the size when known, else null (only more than the limit was seen). */
    readonly size: number | null = null,
  ) {
    super(message, { code: 'invalid-input' })
  }
}

/** Why one of the app's own files could not be opened, in a few words for a longer message ("permission denied"). */
export function unreadableReason(error: InputFileError): string {
  return error.problem === 'not-a-file' ? 'it is not a regular file' : error.problem === 'permission' ? 'permission denied' : 'read error'
}

/** The path as shown in messages: on one line, control characters visible, not endless. */
export function shownPath(path: string): string {
  return oneLine(path, 200)
}

/**
 * "big.pem is too large for a certificate: 300 MiB; the limit is 64 KiB." `size` is the real size when known; null
 * when only `atLeast` bytes were seen (a pipe is not read past the limit).
 */
export function tooLargeMessage(name: string, limit: ReadLimit, size: number | null, atLeast = limit.maxBytes + 1): string {
  const actual = size === null ? `more than ${formatBytes(atLeast - 1)} (reading stopped there)` : formatBytes(size)
  return `${name} is too large for ${limit.what}: ${actual}; the limit is ${formatBytes(limit.maxBytes)}.${limit.hint ? ` ${limit.hint}` : ''}`
}

const O_NONBLOCK = constants.O_NONBLOCK ?? 0
const OPEN_FLAGS = constants.O_RDONLY | O_NONBLOCK | (constants.O_NOCTTY ?? 0)

/** Reads a regular file of at most `limit.maxBytes`, synchronously (the CLI). */
export function readRegularFileSync(path: string, limit: ReadLimit): Buffer {
  const name = shownPath(path)
  let fd: number
  try {
    refuseUnlessRegular(statSync(path), name)
    fd = openSync(path, OPEN_FLAGS)
  } catch (error) {
    throw asInputError(error, name)
  }
  try {
    const info = fstatSync(fd)
    refuseUnlessRegular(info, name)
    if (info.size > limit.maxBytes) throw new InputFileError('too-large', tooLargeMessage(name, limit, info.size), info.size)
    const buffer = Buffer.alloc(limit.maxBytes + 1)
    let length = 0
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
    }
    // The file grew after fstat: its size is at least what was read.
    if (length > limit.maxBytes) throw new InputFileError('too-large', tooLargeMessage(name, limit, null, length))
    return buffer.subarray(0, length)
  } catch (error) {
    throw asInputError(error, name)
  } finally {
    closeSync(fd)
  }
}

/** Reads a regular file of at most `limit.maxBytes` (main and core). */
export async function readRegularFile(path: string, limit: ReadLimit): Promise<Buffer> {
  const name = shownPath(path)
  let handle: Awaited<ReturnType<typeof open>>
  try {
    refuseUnlessRegular(await stat(path), name)
    handle = await open(path, OPEN_FLAGS)
  } catch (error) {
    throw asInputError(error, name)
  }
  try {
    const info = await handle.stat()
    refuseUnlessRegular(info, name)
    if (info.size > limit.maxBytes) throw new InputFileError('too-large', tooLargeMessage(name, limit, info.size), info.size)
    const buffer = Buffer.alloc(limit.maxBytes + 1)
    let length = 0
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null)
      if (bytesRead === 0) break
      length += bytesRead
    }
    if (length > limit.maxBytes) throw new InputFileError('too-large', tooLargeMessage(name, limit, null, length))
    return buffer.subarray(0, length)
  } catch (error) {
    throw asInputError(error, name)
  } finally {
    await handle.close()
  }
}

/** What a path is when it is not an ordinary file ("a named pipe (FIFO)"), or null for an ordinary file. */
export function notAFileKind(info: Stats): string | null {
  if (info.isFile()) return null
  if (info.isDirectory()) return 'a folder'
  if (info.isFIFO()) return 'a named pipe (FIFO)'
  if (info.isSocket()) return 'a socket'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  return 'something other than a file'
}

function refuseUnlessRegular(info: Stats, name: string): void {
  const what = notAFileKind(info)
  if (what === null) return
  // /dev/stdin and /dev/fd/N are pipes or devices too: the CLI reads standard input when given "-".
  const stdinHint = info.isDirectory() ? '' : ' (the command line reads standard input when given - as the file name)'
  throw new InputFileError(
    'not-a-file',
    `${name} is ${what}, not a file. The app reads only ordinary files (never waiting on a pipe or a device): save the content to a file and give that file instead${stdinHint}.`,
  )
}

function asInputError(error: unknown, name: string): Error {
  if (error instanceof InputFileError) return error
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputFileError('missing', `Cannot read ${name}: there is no such file.`)
  if (code === 'EACCES' || code === 'EPERM') return new InputFileError('permission', `Cannot read ${name}: permission denied. Check that you can open the file.`)
  if (code === 'EISDIR') return new InputFileError('not-a-file', `Cannot read ${name}: it is a folder, not a file.`)
  return new InputFileError('unreadable', `Cannot read ${name} (${code ?? 'read error'}). Check that the file exists and that you can open it.`)
}
