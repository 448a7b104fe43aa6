import { errorMessage } from '../../shared/errorMessage'
import { UserFacingError } from '../userFacingError'

/** Why the OS keychain could not be used. Decided from keytar's error text, which is never shown or kept. */
export type KeychainProblem = 'no-session-bus' | 'no-secret-service' | 'locked' | 'failed-to-load' | 'refused'
export type KeychainAction = 'save' | 'read' | 'delete'

// First match wins: "locked" is checked before the others because a locked collection's error also names D-Bus objects.
const PROBLEM_PATTERNS: ReadonlyArray<readonly [KeychainProblem, RegExp]> = [
  // Linux: "Cannot create an item in a locked collection"; macOS: "User interaction is not allowed", "User canceled the operation".
  ['locked', /\b(un)?lock(ed)?\b|interaction is not allowed|cancel+ed|dismissed/i],
  // Linux: "The name org.freedesktop.secrets was not provided by any .service files",
  // "Object does not exist at path “/org/freedesktop/secrets/collection/login”"; macOS: "No keychain could be found".
  ['no-secret-service', /org[./]freedesktop[./]secrets|\.service files|secret service|ServiceUnknown|keychain could not be found|no keychain/i],
  // Linux: "Cannot autolaunch D-Bus without X11 $DISPLAY", "Could not connect: No such file or directory".
  ['no-session-bus', /d-?bus|could not connect|failed to connect/i],
]

export function classifyKeychainFailure(error: unknown): KeychainProblem {
  const text = errorMessage(error)
  return PROBLEM_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'refused'
}

const WHAT_HAPPENED: Record<KeychainAction, string> = {
  save: 'The API key could not be saved in the system keychain',
  read: 'The saved API key could not be read from the system keychain',
  delete: 'The saved API key could not be removed from the system keychain',
}

const BECAUSE: Record<KeychainProblem, string> = {
  'no-session-bus': 'this session has no D-Bus connection, which the keychain needs (common over SSH or on a minimal desktop)',
  'no-secret-service': 'no keychain service is running on this computer',
  locked: 'the keychain is locked or access to it was not allowed',
  'failed-to-load': "the app's keychain component could not be loaded",
  refused: 'the keychain reported an error',
}

function howToFix(problem: KeychainProblem, platform: NodeJS.Platform): string {
  if (platform === 'darwin') {
    if (problem === 'failed-to-load') return 'Reinstall the app, then try again.'
    return 'The app uses the macOS Keychain automatically: make sure your login keychain is unlocked (in Keychain Access) and allow the app when macOS asks, then try again.'
  }
  if (platform === 'win32') {
    if (problem === 'failed-to-load') return 'Reinstall the app, then try again.'
    return 'The app uses Windows Credential Manager automatically: make sure you are signed in to Windows with your own account, then try again.'
  }
  if (problem === 'failed-to-load') return 'Make sure libsecret is installed (package libsecret-1-0 on Debian and Ubuntu), or reinstall the app, then try again.'
  if (problem === 'locked') return 'Unlock your keyring (GNOME Keyring or KWallet; signing out and in again usually unlocks it), then try again.'
  return 'Install and unlock GNOME Keyring or KWallet (any Secret Service provider), sign out and in again, then try again.'
}

const SESSION_ONLY: Record<KeychainAction, string> = {
  save: ' Until then you can keep the key for this session only: it stays in memory and is forgotten when the app closes.',
  read: ' Until then you can enter the key again and keep it for this session only.',
  delete: '',
}

export function keychainProblemMessage(problem: KeychainProblem, action: KeychainAction, platform: NodeJS.Platform): string {
  return `${WHAT_HAPPENED[action]} because ${BECAUSE[problem]}. ${howToFix(problem, platform)}${SESSION_ONLY[action]}`
}

/** Problems after which nothing can be in the keychain: there is no keychain to hold it (a locked one may hold the key). */
export function meansNoKeychain(problem: KeychainProblem): boolean {
  return problem !== 'locked' && problem !== 'refused'
}

/**
 * The OS keychain cannot be used. The message never contains keytar's own text, which could quote its input. Its code
 * tells the window whether there is no keychain at all (keep the key for the session only) or a locked one (unlock it).
 */
export class KeychainUnavailableError extends UserFacingError {
  override name = 'KeychainUnavailableError'

  constructor(
    readonly problem: KeychainProblem,
    readonly action: KeychainAction,
    platform: NodeJS.Platform = process.platform,
  ) {
    super(keychainProblemMessage(problem, action, platform), { code: meansNoKeychain(problem) ? 'keychain-unavailable' : 'keychain-locked' })
  }
}

export class NoApiKeyError extends UserFacingError {
  override name = 'NoApiKeyError'

  constructor() {
    super(
      'No Dialpad API key is saved for this setup yet. Store it in the “Store the API key” step, ' +
        'then run the check again.',
      { code: 'no-api-key' },
    )
  }
}
