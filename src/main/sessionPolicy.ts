import type { Session } from 'electron'
import { APP_SCHEME } from './appProtocol'

const LOCAL_SCHEMES = new Set([`${APP_SCHEME}:`, 'devtools:', 'data:', 'blob:'])

/** Denies every permission (camera, notifications, clipboard-read, ...) and blocks any remote request. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isLocalRequest(details.url) })
  })
}

export function isLocalRequest(raw: string): boolean {
  try {
    return LOCAL_SCHEMES.has(new URL(raw).protocol)
  } catch {
    return false
  }
}
