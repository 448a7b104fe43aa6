import { randomUUID } from 'node:crypto'
import { type Event, type Session, type WebContents, session } from 'electron'

/** The sessions of open login windows, so the app-wide navigation policy can leave their pages alone. */
const loginSessions = new WeakSet<Session>()

const refuseDownload = (event: Event): void => event.preventDefault()

/**
 * A browser session for one test login, shared with nothing: not with the app, not with earlier logins.
 * No "persist:" prefix, so cookies and storage live in memory only; a new partition name each time.
 * Every permission and every download is refused.
 */
export function createLoginSession(): Session {
  const loginSession = session.fromPartition(`sso-login-${randomUUID()}`, { cache: false })
  loginSessions.add(loginSession)
  loginSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  loginSession.setPermissionCheckHandler(() => false)
  loginSession.setDevicePermissionHandler(() => false)
  loginSession.on('will-download', refuseDownload)
  return loginSession
}

/** Wipes what the login left behind (cookies, storage, cache). The permission refusals stay in place. */
export async function disposeLoginSession(loginSession: Session): Promise<void> {
  loginSession.webRequest.onBeforeRequest(null)
  loginSession.off('will-download', refuseDownload)
  await Promise.allSettled([loginSession.clearStorageData(), loginSession.clearCache()])
  loginSessions.delete(loginSession)
}

/**
 * Whether contents belong to a login window. The app applies its own navigation policy (never navigate)
 * to every new WebContents; a login window must be left out there, since it has its own host limits and
 * JumpCloud's sign-in needs redirects. The session is registered before its window exists, so this
 * already answers inside app 'web-contents-created'.
 */
export function isLoginWindowContents(contents: WebContents): boolean {
  return loginSessions.has(contents.session)
}
