/**
 * `npm run dist` (after `electron-vite build`): this computer's installers in dist/, with electron-builder.json.
 *   Linux: AppImage and .deb    macOS: .dmg and .zip (arm64 and x64)    Windows: NSIS installer (.exe)
 *
 * Draws the icons from resources/icon.svg first (scripts/packaging/icons.ts). Signing and notarization use the
 * credentials electron-builder reads from the environment when they are set; without them the Windows and Linux builds
 * are unsigned and the macOS app is ad-hoc signed (scripts/packaging/macSigning.ts says why):
 *   macOS    CSC_LINK + CSC_KEY_PASSWORD (Developer ID Application .p12), then notarization with
 *            APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER, or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID
 *   Windows  WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD (or CSC_LINK + CSC_KEY_PASSWORD), an Authenticode .pfx
 * Extra arguments go to electron-builder, e.g. `npm run dist -- --dir`.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildIcons } from './packaging/icons'
import { macSigningArgs } from './packaging/macSigning'

const ROOT = join(__dirname, '..')
const ICONS_DIR = join(ROOT, 'out/icons')

/**
 * The page a Linux package names as the app's homepage (required in a .deb): package.json's homepage when set, or the
 * repository the release workflow builds from. There is no other page to name yet, and none is made up here.
 */
function homepage(): string | null {
  const declared = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage?: string }).homepage
  if (declared) return declared
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = process.env
  return server && repository ? `${server}/${repository}` : null
}

async function main(): Promise<void> {
  await buildIcons(join(ROOT, 'resources/icon.svg'), ICONS_DIR)
  const args = ['--publish', 'never', ...process.argv.slice(2)]
  const page = homepage()
  if (page) args.push(`-c.extraMetadata.homepage=${page}`)
  else if (process.platform === 'linux' && !args.includes('--dir') && !args.includes('dir')) {
    console.error('A .deb needs the app\'s homepage: set "homepage" in package.json to the page where admins get this app (the release workflow uses its repository).')
    process.exitCode = 1
    return
  }
  if (process.platform === 'darwin') {
    const signing = macSigningArgs(process.env, () => {
      try {
        return execFileSync('/usr/bin/security', ['find-identity', '-v', '-p', 'codesigning'], { encoding: 'utf8' })
      } catch {
        return '' // no keychain to search: nothing to sign with
      }
    })
    if (signing.length > 0) console.log('No Developer ID to sign with: the macOS app is ad-hoc signed (not notarized; admins allow it in Privacy & Security).')
    args.push(...signing)
  }
  execFileSync(process.execPath, [require.resolve('electron-builder/cli.js'), ...args], { cwd: ROOT, stdio: 'inherit' })
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
