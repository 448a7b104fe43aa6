import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { expect, test } from '@playwright/test'
import { packagedAppPath } from './packagedApp'

/** What the installers register with the operating system, checked where the installer put it. */

const BUNDLE_MIME_TYPE = 'application/vnd.dialpad-sso-bundle+json'
const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' }).trim()

test('Linux (.deb): bundles are their own file type, opened by the app, and the AppArmor profile lets it start sandboxed', () => {
  test.skip(process.platform !== 'linux', 'Linux desktop integration')
  const folder = mkdtempSync(join(tmpdir(), 'dpsso-smoke-'))
  try {
    const bundle = join(folder, 'acme.dialpad-sso.json')
    writeFileSync(bundle, readFileSync(join(__dirname, '../../examples/example.dialpad-sso.json')))
    expect(run('xdg-mime', ['query', 'filetype', bundle])).toBe(BUNDLE_MIME_TYPE)
    expect(run('xdg-mime', ['query', 'default', BUNDLE_MIME_TYPE])).toBe('dialpad-sso-assistant.desktop')
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
  const profile = readFileSync('/etc/apparmor.d/dialpad-sso-assistant', 'utf8')
  expect(profile).toContain(`"${packagedAppPath()}"`)
  expect(profile).toMatch(/^\s*userns,$/m)
})

test('Windows (NSIS, per machine): the app is under "Open with" for .json files without becoming their default', () => {
  test.skip(process.platform !== 'win32', 'Windows desktop integration')
  const openWith = run('reg', ['query', 'HKLM\\Software\\Classes\\.json\\OpenWithProgids', '/v', 'DialpadSSOAssistant.Bundle'])
  expect(openWith).toContain('DialpadSSOAssistant.Bundle')
  const command = run('reg', ['query', 'HKLM\\Software\\Classes\\DialpadSSOAssistant.Bundle\\shell\\open\\command', '/ve'])
  expect(command).toContain(`"${packagedAppPath()}" "%1"`)
  // The default program for .json stays whatever it was (reg exits 1 when .json has no default value at all).
  const jsonDefault = spawnSync('reg', ['query', 'HKLM\\Software\\Classes\\.json', '/ve'], { encoding: 'utf8' })
  expect(jsonDefault.stdout).not.toContain('DialpadSSOAssistant.Bundle')
})

test('macOS: the app declares bundles and JSON documents it can open; its signature holds (Developer ID with the hardened runtime, else ad-hoc)', () => {
  test.skip(process.platform !== 'darwin', 'macOS desktop integration')
  const contents = dirname(dirname(packagedAppPath()))
  const plist = JSON.parse(run('plutil', ['-convert', 'json', '-o', '-', join(contents, 'Info.plist')])) as {
    CFBundleDocumentTypes: Array<{ CFBundleTypeExtensions?: string[]; LSItemContentTypes?: string[]; LSHandlerRank?: string; CFBundleTypeRole?: string }>
  }
  expect(plist.CFBundleDocumentTypes).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ CFBundleTypeExtensions: ['dialpad-sso.json'], CFBundleTypeRole: 'Viewer' }),
      expect.objectContaining({ LSItemContentTypes: ['public.json'], LSHandlerRank: 'Alternate' }),
    ]),
  )
  // A signature that does not verify makes a downloaded app "damaged", with no Open Anyway (scripts/packaging/macSigning.ts).
  const app = dirname(contents)
  const verify = spawnSync('codesign', ['--verify', '--deep', '--strict', '--verbose=2', app], { encoding: 'utf8' })
  expect(verify.status, verify.stderr).toBe(0)
  const codesign = spawnSync('codesign', ['--display', '--verbose=2', app], { encoding: 'utf8' })
  if (process.env.DPSSO_EXPECT_SIGNED === 'true') {
    // A signed release (the workflow had a certificate) must carry the hardened runtime notarization requires.
    expect(codesign.stderr).toMatch(/flags=0x[0-9a-f]*\(runtime\)/)
    expect(codesign.stderr).toContain('Authority=Developer ID Application')
  } else {
    expect(codesign.stderr).toContain('Signature=adhoc')
  }
})
