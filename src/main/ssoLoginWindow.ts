import { BrowserWindow, type Event, type OnBeforeRequestListenerDetails, type Session } from 'electron'
import {
  type CapturedLogin,
  LoginCancelledError,
  type LoginCaptureError,
  type LoginCapturePort,
  type LoginCaptureRequest,
  LoginPageFailedError,
  LoginResponseUnreadableError,
  LoginWindowClosedError,
} from '../core/sso/loginCapture'
import { classifyDialpadRequest, frameRequestFilter } from '../core/sso/loginCaptureAcs'
import { MAX_HOPS, type ObservedAuthnRequest, readHop } from '../core/sso/loginCaptureHops'
import type { RedirectHop } from '../shared/liveCheck'
import { describeNavigationTarget, isAllowedNavigation } from '../core/sso/loginCaptureHosts'
import { createLoginSession, disposeLoginSession } from './ssoLoginSession'

export { isLoginWindowContents } from './ssoLoginSession'

export const LOGIN_WINDOW_TITLE = 'Test SSO login: sign in at JumpCloud as the test user (Dialpad SSO Assistant)'
export const DIALPAD_ANSWER_TITLE = "Dialpad's answer to the test login: this window closes by itself (Dialpad SSO Assistant)"
/** Once the response went on to Dialpad: how long Dialpad's page stays on screen, and the longest wait for it. */
export const SHOW_DIALPAD_ANSWER_MS = 10_000
export const MAX_CONTINUE_MS = 30_000
/** Chromium net errors that belong to a normal login: a load replaced by a scripted redirect, and our own refusals. */
const ERR_ABORTED = -3
const ERR_BLOCKED_BY_CLIENT = -20

export interface LoginWindowOptions {
  /** The window the login window belongs to (it stays above it). */
  parentWindow?: () => BrowserWindow | null | undefined
}

/** The LoginCapturePort core uses: each capture opens its own isolated login window. */
export function createLoginWindowCapture(options: LoginWindowOptions = {}): LoginCapturePort {
  return {
    capture: async (request) => {
      if (request.signal.aborted) throw new LoginCancelledError()
      refuseUnlistedAddress(request.startUrl, 'the first login page', request.allowedHosts)
      refuseUnlistedAddress(request.acsUrl, "Dialpad's ACS URL", request.allowedHosts)
      const loginSession = createLoginSession()
      return new LoginWindowRun(request, loginSession, openLoginWindow(loginSession, options.parentWindow?.(), request.windowTitle ?? LOGIN_WINDOW_TITLE)).result
    },
  }
}

function refuseUnlistedAddress(url: string, what: string, allowedHosts: string[]): void {
  if (isAllowedNavigation(url, allowedHosts)) return
  throw new LoginPageFailedError(
    `The login window will not open ${what} (${describeNavigationTarget(url)}): it opens only https addresses on ${allowedHosts.join(', ')}. Check the IDP URL copied from JumpCloud → Dialpad app → SSO tab, then run the test again.`,
  )
}

function openLoginWindow(loginSession: Session, parent: BrowserWindow | null | undefined, windowTitle: string): BrowserWindow {
  return new BrowserWindow({
    width: 900,
    height: 760,
    title: windowTitle,
    parent: parent && !parent.isDestroyed() ? parent : undefined,
    autoHideMenuBar: true,
    webPreferences: {
      session: loginSession,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
      // Middle-click opens links in new windows; the window-open handler refuses them anyway, this stops them earlier.
      disableBlinkFeatures: 'Auxclick',
    },
  })
}

type Listener = Parameters<NodeJS.EventEmitter['on']>[1]

/**
 * One login window from opening to cleanup. It settles exactly once (response read, window closed by
 * the admin, cancelled, page failure) and always ends the same way: listeners off, window destroyed,
 * session wiped. With continueToDialpad it resolves as soon as the response is read, lets it go on to
 * Dialpad, and closes a little after Dialpad answers.
 */
class LoginWindowRun {
  readonly result: Promise<CapturedLogin>
  private resolve: (login: CapturedLogin) => void = () => undefined
  private reject: (error: LoginCaptureError) => void = () => undefined
  private settled = false
  private cleanup: Promise<void> | null = null
  private answerShown = false
  private readonly blocked: string[] = []
  /** Every page load so far (host, method, SAML kind), and the latest AuthnRequest seen going out. */
  private readonly hops: RedirectHop[] = []
  private authnRequest: ObservedAuthnRequest | null = null
  private readonly acsOrigin: string
  private readonly timers: NodeJS.Timeout[] = []
  /** Typed as a plain emitter so one list of listeners can be attached and detached alike. */
  private readonly contents: NodeJS.EventEmitter
  private readonly contentsListeners: Array<[string, Listener]>

  constructor(
    private readonly request: LoginCaptureRequest,
    private readonly loginSession: Session,
    private readonly window: BrowserWindow,
  ) {
    this.result = new Promise<CapturedLogin>((resolve, reject) => {
      this.resolve = resolve
      this.reject = reject
    })
    this.contents = window.webContents
    this.acsOrigin = new URL(request.acsUrl).origin
    this.contentsListeners = [
      ['will-navigate', this.guardNavigation],
      ['will-frame-navigate', this.guardNavigation],
      ['will-redirect', this.guardNavigation],
      ['will-attach-webview', this.preventDefault],
      // A page's beforeunload must not keep the admin, or the app, from closing the window.
      ['will-prevent-unload', this.preventDefault],
      ['did-finish-load', this.onFinishLoad],
      ['did-fail-load', this.onFailLoad],
      ['render-process-gone', this.onRenderProcessGone],
    ]
    for (const [name, listener] of this.contentsListeners) this.contents.on(name, listener)
    // Opening a window is never allowed. JumpCloud's user portal opens apps in a new tab, so an allowed
    // address is shown in this window instead: that is what makes an IdP-initiated login work here.
    window.webContents.setWindowOpenHandler(({ url }) => {
      if (isAllowedNavigation(url, request.allowedHosts)) window.loadURL(url).catch(() => undefined)
      else this.refuse(url)
      return { action: 'deny' }
    })
    // The title says what this window is for, whatever the login pages call themselves.
    window.on('page-title-updated', this.preventDefault)
    window.on('closed', this.onClosed)
    request.signal.addEventListener('abort', this.onAbort, { once: true })
    loginSession.webRequest.onBeforeRequest(frameRequestFilter(), this.onBeforeRequest)
    // A failed first load is reported through did-fail-load, with the page's address.
    window.loadURL(request.startUrl).catch(() => undefined)
  }

  private readonly onBeforeRequest = (details: OnBeforeRequestListenerDetails, callback: (response: { cancel: boolean }) => void): void => {
    if (this.settled) return callback({ cancel: false })
    this.record(details)
    // Only Dialpad's answers are inspected for the SAML response; other pages only ever give a hop.
    if (URL.parse(details.url)?.origin !== this.acsOrigin) return callback({ cancel: false })
    const decision = classifyDialpadRequest(details, this.request.acsUrl)
    if (decision.action === 'ignore') return callback({ cancel: false })
    if (decision.action === 'unreadable') {
      callback({ cancel: true })
      return this.finish({ error: new LoginResponseUnreadableError(decision.message) })
    }
    const login: CapturedLogin = {
      samlResponse: decision.samlResponse,
      relayState: decision.relayState,
      postedTo: decision.postedTo,
      blockedNavigations: [...this.blocked],
      hops: [...this.hops],
      authnRequest: this.authnRequest,
    }
    if (!this.request.continueToDialpad) {
      callback({ cancel: true })
      return this.finish({ login })
    }
    callback({ cancel: false })
    this.settled = true
    this.window.setTitle(DIALPAD_ANSWER_TITLE)
    this.closeAfter(MAX_CONTINUE_MS)
    this.resolve(login)
  }

  private readonly guardNavigation = (event: { url: string; preventDefault: () => void }): void => {
    if (isAllowedNavigation(event.url, this.request.allowedHosts)) return
    event.preventDefault()
    this.refuse(event.url)
  }

  private readonly preventDefault = (event: { preventDefault: () => void }): void => event.preventDefault()

  private readonly onFinishLoad = (): void => {
    if (!this.settled || !this.request.continueToDialpad || this.answerShown) return
    this.answerShown = true
    this.closeAfter(SHOW_DIALPAD_ANSWER_MS)
  }

  private readonly onFailLoad = (_event: Event, errorCode: number, errorDescription: string, validatedUrl: string, isMainFrame: boolean): void => {
    if (!isMainFrame || errorCode === ERR_ABORTED || errorCode === ERR_BLOCKED_BY_CLIENT) return
    this.finish({
      error: new LoginPageFailedError(
        `The login window could not load ${describeNavigationTarget(validatedUrl)} (${errorDescription}). Check that this computer can reach JumpCloud and Dialpad (a proxy or firewall may block them) and that the IDP URL in JumpCloud → Dialpad app → SSO tab is right, then run the test again.`,
      ),
    })
  }

  private readonly onRenderProcessGone = (_event: Event, details: { reason: string }): void => {
    this.finish({ error: new LoginPageFailedError(`The login page stopped unexpectedly (${details.reason}). Run the test again.`) })
  }

  /** Only the admin closes the window while this listens: the app's own close removes it first. */
  private readonly onClosed = (): void => {
    if (this.settled) void this.closeAndClear()
    else this.finish({ error: new LoginWindowClosedError([...this.blocked]) })
  }

  private readonly onAbort = (): void => {
    if (this.settled) void this.closeAndClear()
    else this.finish({ error: new LoginCancelledError() })
  }

  private refuse(url: string): void {
    const target = describeNavigationTarget(url)
    // Bounded like the hops: a page that tries address after address cannot grow the list without end.
    if (this.blocked.length < MAX_HOPS && !this.blocked.includes(target)) this.blocked.push(target)
    // Navigation events do not say how the page would have been loaded.
    this.addHop(readHop({ method: '—', url }, true).hop)
  }

  /**
   * A page or frame load: its hop, and the AuthnRequest it carries, if any. The latest one wins: when the test user
   * starts over in the window (back to Dialpad's login page, the domain typed again), Dialpad sends a new request with
   * a new ID, and the response JumpCloud finally posts answers that one, not the first.
   */
  private record(details: OnBeforeRequestListenerDetails): void {
    const { hop, authnRequest } = readHop(details)
    this.addHop(hop)
    if (authnRequest) this.authnRequest = authnRequest
  }

  private addHop(hop: RedirectHop): void {
    if (this.hops.length < MAX_HOPS) this.hops.push(hop)
  }

  /** Settles once, after the window is gone and the session wiped, so no login state outlives the result. */
  private finish(outcome: { login: CapturedLogin } | { error: LoginCaptureError }): void {
    if (this.settled) return
    this.settled = true
    void this.closeAndClear().then(() => ('login' in outcome ? this.resolve(outcome.login) : this.reject(outcome.error)))
  }

  private closeAfter(ms: number): void {
    this.timers.push(setTimeout(() => void this.closeAndClear(), ms))
  }

  private closeAndClear(): Promise<void> {
    this.cleanup ??= (async () => {
      for (const timer of this.timers) clearTimeout(timer)
      this.request.signal.removeEventListener('abort', this.onAbort)
      for (const [name, listener] of this.contentsListeners) this.contents.off(name, listener)
      this.window.off('closed', this.onClosed)
      this.window.off('page-title-updated', this.preventDefault)
      if (!this.window.isDestroyed()) this.window.destroy()
      await disposeLoginSession(this.loginSession)
    })()
    return this.cleanup
  }
}
