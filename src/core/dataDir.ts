import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

/** Electron names the app's data folder after package.json's productName. */
export const PRODUCT_NAME = 'Dialpad SSO Assistant'

export interface DataDirContext {
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  home: string
}

/**
 * The folder Electron's app.getPath('userData') gives the app on this computer, so the CLI works on the same
 * profiles as the app: %APPDATA%\Dialpad SSO Assistant on Windows, ~/Library/Application Support/Dialpad SSO
 * Assistant on macOS, $XDG_CONFIG_HOME (or ~/.config)/Dialpad SSO Assistant elsewhere.
 */
export function defaultDataDir(context: DataDirContext = { platform: process.platform, env: process.env, home: homedir() }): string {
  const { platform, env, home } = context
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', PRODUCT_NAME)
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), PRODUCT_NAME)
}
