import { existsSync } from 'node:fs'
import { _electron as electron, type ElectronApplication } from '@playwright/test'

/** The installed app's executable, as the release workflow passes it. */
export function packagedAppPath(): string {
  const path = process.env.DPSSO_PACKAGED_APP
  if (!path) throw new Error('Set DPSSO_PACKAGED_APP to the packaged app’s executable (see .github/workflows/release.yml).')
  if (!existsSync(path)) throw new Error(`DPSSO_PACKAGED_APP points at ${path}, which does not exist.`)
  return path
}

/**
 * Starts the packaged app as a user would, with `args` as the OS passes an opened file. chromiumSandbox keeps
 * Chromium's sandbox on: Playwright would otherwise add --no-sandbox on Linux, and the point on Ubuntu 24.04 is that
 * the installed AppArmor profile lets the app start with it.
 */
export function launchPackagedApp(args: string[] = []): Promise<ElectronApplication> {
  return electron.launch({ executablePath: packagedAppPath(), args, chromiumSandbox: true, timeout: 60_000 })
}
