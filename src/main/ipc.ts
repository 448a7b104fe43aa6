import type { IpcMain, WebContents, WebFrameMain } from 'electron'
import type { Caller, Handlers } from '../shared/contract'
import type { Envelope } from '../shared/envelope'
import { METHOD_NAMES, eventChannel, ipcChannel } from '../shared/methods'
import { dispatch } from '../core/dispatch'
import { type ErrorLog, consoleErrorLog } from '../core/log/errorLog'
import { isAppUrl } from './appProtocol'

const UNTRUSTED: Envelope<never> = {
  ok: false,
  error: { code: 'untrusted-sender', message: 'This request did not come from the Dialpad SSO Assistant window and was refused.' },
}

/** Only the top-level frame of our own bundle may call main. */
export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url)
}

/**
 * The events a call causes go back to the window that made it (webContents.send), never to another window, and
 * only while that window still shows our own page: a closed window, or one whose page is not ours, hears nothing.
 */
export function callerFor(sender: WebContents): Caller {
  return {
    emit: (event, payload) => {
      if (sender.isDestroyed() || !isTrustedSender(sender.mainFrame)) return
      sender.send(eventChannel(event), payload)
    },
  }
}

/** One handler per contract method, each behind the sender check and the contract's input schema. */
export function registerIpcHandlers(ipcMain: IpcMain, handlers: Handlers, log: ErrorLog = consoleErrorLog): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return UNTRUSTED
      return dispatch(handlers, method, input, log, callerFor(event.sender))
    })
  }
}
