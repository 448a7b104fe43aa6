import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { BUNDLE_FILE_SUFFIX, MAX_BUNDLE_BYTES } from '../../shared/bundle'
import { UserFacingError } from '../userFacingError'

/**
 * Bundle files the OS asked the app to open ("Open with", a double-click, a file dropped on the Dock icon). Main adds
 * paths as they arrive; the renderer takes them one at a time and shows the import preview.
 */
export class OpenedFiles {
  private readonly paths: string[] = []

  /** Keeps the bundle files among a command line or an open-file event; other arguments are ignored. */
  add(candidates: readonly string[]): void {
    for (const path of candidates) {
      if (path.toLowerCase().endsWith(BUNDLE_FILE_SUFFIX) && !this.paths.includes(path)) this.paths.push(path)
    }
  }

  /** The next opened file's name and bytes (base64), or null when there is none. */
  async take(): Promise<{ fileName: string; base64: string } | null> {
    const path = this.paths.shift()
    if (path === undefined) return null
    const fileName = basename(path)
    try {
      const { size } = await stat(path)
      if (size > MAX_BUNDLE_BYTES) {
        throw new UserFacingError(`${fileName} is ${Math.ceil(size / 1024)} KiB, far larger than a configuration bundle can be. Check that it is the right file.`)
      }
      return { fileName, base64: (await readFile(path)).toString('base64') }
    } catch (error) {
      if (error instanceof UserFacingError) throw error
      const code = (error as NodeJS.ErrnoException).code ?? 'read error'
      throw new UserFacingError(`${fileName} could not be opened (${code}). Check that the file still exists and that you can read it, then open it again.`)
    }
  }
}
