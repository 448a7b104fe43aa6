import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { OpenedFiles } from '../../src/core/profiles/openedFiles'
import { useTempDirs } from '../support/tempDir'

/** What the OS hands the app when an admin opens a bundle with it, on each platform. */
describe('files the OS opens with the app', () => {
  const tempDir = useTempDirs()

  async function bundleFile(name: string): Promise<string> {
    const path = join(await tempDir(), name)
    await writeFile(path, '{"format":"dialpad-sso-bundle"}')
    return path
  }

  it('takes a bundle a Linux file manager passes as a file:// URL (the .desktop entry’s %U), spaces and all', async () => {
    const path = await bundleFile('Acme Corp.dialpad-sso.json')
    const opened = new OpenedFiles()
    opened.add(['/opt/Dialpad SSO Assistant/dialpad-sso-assistant', pathToFileURL(path).href])
    expect(await opened.take()).toMatchObject({ fileName: 'Acme Corp.dialpad-sso.json' })
    expect(await opened.take()).toBeNull()
  })

  it('takes any .json file "Open with" hands over, such as a second download a browser renamed', async () => {
    const renamed = await bundleFile('acme.dialpad-sso (1).json')
    const plain = await bundleFile('ACME.JSON')
    const opened = new OpenedFiles()
    opened.add([renamed])
    opened.add([plain])
    expect(await opened.take()).toMatchObject({ fileName: 'acme.dialpad-sso (1).json' })
    expect(await opened.take()).toMatchObject({ fileName: 'ACME.JSON' })
  })

  it('ignores the executable, command-line switches, other files and URLs that are not local files', () => {
    const opened = new OpenedFiles()
    opened.add(['C:\\Program Files\\Dialpad SSO Assistant\\Dialpad SSO Assistant.exe', '--inspect=0', '--config=x.json', '.', 'notes.txt', 'https://example.com/a.json'])
    expect((opened as unknown as { paths: string[] }).paths).toEqual([])
  })

  it('offers the same file once, however it was named', async () => {
    const path = await bundleFile('acme.dialpad-sso.json')
    const opened = new OpenedFiles()
    opened.add([path, pathToFileURL(path).href])
    opened.add([path])
    expect(await opened.take()).toMatchObject({ fileName: 'acme.dialpad-sso.json' })
    expect(await opened.take()).toBeNull()
  })
})
