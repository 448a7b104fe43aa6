import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MAX_BUNDLE_BYTES } from '../../shared/bundle'
import { oneLine } from '../../shared/displayText'
import { InputFileError, readRegularFile } from '../files/boundedRead'
import { UserFacingError } from '../userFacingError'

/**
 * Bundle files the OS asked the app to open ("Open with", a double-click, a file dropped on the Dock icon). Main adds
 * paths as they arrive; the renderer takes them one at a time and shows the import preview.
 */
export class OpenedFiles {
  private readonly paths: string[] = []

  /**
   * Keeps the files among a command line or an open-file event that may be bundles; other arguments are ignored.
   * Any .json file counts, not only *.dialpad-sso.json: the installers list the app under "Open with" for JSON files
   * (Windows and macOS see a bundle as .json), and a browser saves a second download as "acme.dialpad-sso (1).json".
   * The import preview then says whether it is a bundle. Linux file managers pass the .desktop entry's %U as file://
   * URLs, which are read as the path they name.
   */
  add(candidates: readonly string[]): void {
    for (const candidate of candidates) {
      const path = localPath(candidate)
      if (path && path.toLowerCase().endsWith('.json') && !this.paths.includes(path)) this.paths.push(path)
    }
  }

  /**
   * The next opened file's name and bytes (base64), or null when there is none. Only a regular file is read, and no
   * more of it than a bundle can be (a FIFO or a huge file named *.dialpad-sso.json cannot hang or flood the app).
   */
  async take(): Promise<{ fileName: string; base64: string } | null> {
    const path = this.paths.shift()
    if (path === undefined) return null
    const fileName = basename(path)
    try {
      const bytes = await readRegularFile(path, {
        maxBytes: MAX_BUNDLE_BYTES,
        what: 'a configuration bundle',
        hint: 'Check that it is the right file.',
      })
      return { fileName, base64: bytes.toString('base64') }
    } catch (error) {
      if (!(error instanceof InputFileError) || error.problem === 'too-large' || error.problem === 'not-a-file') throw error
      throw new UserFacingError(
        `${oneLine(fileName, 200)} could not be opened. ${error.message} Check that the file still exists and that you can read it, then open it again.`,
      )
    }
  }
}

/** The local path an argument names: itself, or the path of a file:// URL; null for switches and other URLs. */
function localPath(argument: string): string | null {
  if (argument.startsWith('-')) return null
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(argument)) return argument
  try {
    return fileURLToPath(argument)
  } catch {
    return null
  }
}
