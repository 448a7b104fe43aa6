import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

const TEMP_SUFFIX = '.tmp'

/** True for a temp file writeFileAtomic made for `fileName` (left behind only if the process died mid-write). */
export function isTempFileOf(fileName: string, candidate: string): boolean {
  return candidate.startsWith(`.${fileName}.`) && candidate.endsWith(TEMP_SUFFIX)
}

/**
 * Replaces `file` so that a crash at any moment leaves either the old or the new content:
 * write a temp file beside it, fsync it, rename over the target, then fsync the folder.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = dirname(file)
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`)
  const handle = await open(temp, 'wx', 0o600)
  try {
    await handle.writeFile(content, 'utf8')
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temp, { force: true })
    throw error
  }
  await handle.close()
  try {
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  await syncFolder(dir)
}

export async function syncFolder(dir: string): Promise<void> {
  // Makes the rename itself durable. Not supported on Windows, where rename is already journaled.
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
