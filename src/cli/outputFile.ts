import { mkdir, realpath, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { notAFileKind, shownPath } from '../core/files/boundedRead'
import { writeFileAtomic } from '../core/storage/atomicWrite'
import { UserFacingError } from '../core/userFacingError'

/** What a command writes, for its messages: "the setup report", and a file name to suggest. */
export interface OutputKind {
  what: string
  example: string
}

/**
 * Writes a file the command made (--out), creating its folder. The content goes to a temporary file beside the target,
 * which is then renamed over it (a crash never leaves half a file), so the target must be a new file or an ordinary
 * one: renaming over a device (/dev/null, /dev/stdout), a named pipe or a socket would replace that special file
 * itself, for every program on the computer when run with the rights to. A link to an ordinary file is followed, so
 * the file it points to is replaced and the link stays.
 */
export async function writeOutput(path: string, content: string, kind: OutputKind): Promise<void> {
  const target = await outputTarget(path, kind)
  try {
    await mkdir(dirname(target), { recursive: true })
    await writeFileAtomic(target, content)
  } catch (error) {
    throw new UserFacingError(`Cannot write ${shownPath(path)} (${(error as NodeJS.ErrnoException).code ?? 'write error'}). Check the folder exists and you can write to it.`)
  }
}

async function outputTarget(path: string, { what, example }: OutputKind): Promise<string> {
  const info = await stat(path).catch(() => null)
  // Nothing there yet (or nothing we may look at): the write itself says what is wrong.
  if (info === null) return path
  const kind = notAFileKind(info)
  if (kind !== null) {
    throw new UserFacingError(
      `${shownPath(path)} is ${kind}, not a file. ${capitalize(what)} is written as an ordinary file, never into a device, a pipe or a folder: give the name of a new file, for example --out ${example}.`,
    )
  }
  return realpath(path)
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
