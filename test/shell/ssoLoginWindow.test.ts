import type { BrowserWindow, WebContents } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  type CapturedLogin,
  LoginCancelledError,
  type LoginCaptureRequest,
  LoginPageFailedError,
  LoginResponseUnreadableError,
  LoginWindowClosedError,
} from '../../src/core/sso/loginCapture'
import { buildAuthnRequest } from '../../src/core/sso/authnRequest'
import { loginAllowedHosts } from '../../src/core/sso/loginCaptureHosts'
import {
  createLoginWindowCapture,
  DIALPAD_ANSWER_TITLE,
  isLoginWindowContents,
  LOGIN_WINDOW_TITLE,
  MAX_CONTINUE_MS,
  SHOW_DIALPAD_ANSWER_MS,
} from '../../src/main/ssoLoginWindow'
import { createMainWindow } from '../../src/main/window'
import { deriveSpValues } from '../../src/shared/spValues'
import { type FakeSession, FakeWebContents, mockedElectron } from './fakeElectron'
import { DIALPAD_RELAY_STATE, DIALPAD_REQUEST_ID, TEST_USER_PASSWORD, dialpadAuthnRequest, dialpadLoginFlow } from '../support/dialpadLoginFlow'

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)
const fakeElectron = await mockedElectron()

const { acsUrl: ACS_URL, spEntityId: SP_ENTITY_ID } = deriveSpValues('example.com', 'production')
const IDP_SSO_URL = 'https://sso.jumpcloud.com/saml2/dialpad'
const START_URL = buildAuthnRequest({ spEntityId: SP_ENTITY_ID, acsUrl: ACS_URL, idpSsoUrl: IDP_SSO_URL, now: new Date() }).url
const SAML_RESPONSE = Buffer.from('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r1" InResponseTo="_a1"/>').toString('base64')
const ALLOWED_HOSTS = loginAllowedHosts({ idpSsoUrl: IDP_SSO_URL, acsUrl: ACS_URL })

/** Exactly these preferences: the app's baseline, its own session, no preload, devtools, spellchecker or middle-click. */
const SECURE_WEB_PREFERENCES = {
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
  disableBlinkFeatures: 'Auxclick',
}
/** The events the window listens to on its page; none may stay attached once the capture is over. */
const PAGE_EVENTS = [
  'will-navigate',
  'will-frame-navigate',
  'will-redirect',
  'will-attach-webview',
  'will-prevent-unload',
  'did-finish-load',
  'did-fail-load',
  'render-process-gone',
]

type FakeWindow = (typeof fakeElectron.windows)[number]

interface Started {
  result: Promise<CapturedLogin>
  window: FakeWindow
  session: FakeSession
  controller: AbortController
}

function start(overrides: Partial<LoginCaptureRequest> = {}, parent?: FakeWindow): Started {
  const controller = new AbortController()
  const windowsBefore = fakeElectron.windows.length
  const capture = createLoginWindowCapture({ parentWindow: () => (parent ?? null) as unknown as BrowserWindow | null })
  const result = capture.capture({
    startUrl: START_URL,
    acsUrl: ACS_URL,
    allowedHosts: ALLOWED_HOSTS,
    continueToDialpad: false,
    signal: controller.signal,
    ...overrides,
  })
  // Keep an unobserved rejection from failing the run; each test awaits the result itself.
  result.catch(() => undefined)
  expect(fakeElectron.windows).toHaveLength(windowsBefore + 1)
  const window = fakeElectron.windows[windowsBefore]
  return { result, window, session: window.webContents.session!, controller }
}

/** JumpCloud's auto-submitting form arrives at the ACS URL. */
function postResponse(session: FakeSession, fields: Record<string, string> = { SAMLResponse: SAML_RESPONSE, RelayState: 'r3lay' }, url = ACS_URL): Array<{ cancel?: boolean }> {
  return session.postForm(url, fields)
}

/** The shell's check, asked about a fake page. */
const isLoginContents = (contents: FakeWebContents): boolean => isLoginWindowContents(contents as unknown as WebContents)

async function state(promise: Promise<unknown>): Promise<'pending' | 'settled'> {
  const pending = Symbol('pending')
  const first = await Promise.race([promise.then(() => null, () => null), new Promise((resolve) => setTimeout(() => resolve(pending), 20))])
  return first === pending ? 'pending' : 'settled'
}

function expectCleanedUp({ window, session }: Started): void {
  expect(window.isDestroyed()).toBe(true)
  expect(session.clearStorageData).toHaveBeenCalledTimes(1)
  expect(session.clearCache).toHaveBeenCalledTimes(1)
  expect(session.beforeRequest).toBeNull()
  expect(session.listenerCount('will-download')).toBe(0)
  for (const event of PAGE_EVENTS) expect(window.webContents.listenerCount(event), event).toBe(0)
  expect(window.listenerCount('closed')).toBe(0)
  expect(window.listenerCount('page-title-updated')).toBe(0)
  expect(isLoginContents(window.webContents)).toBe(false)
}

beforeEach(async () => {
  fakeElectron.reset()
  await fakeElectron.app.becomeReady()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('login window: isolation and hardening', () => {
  it('opens one window with exactly the secure webPreferences, its own session and no preload', () => {
    const { window, session } = start()

    const { session: given, ...rest } = window.options.webPreferences ?? {}
    expect(rest).toEqual(SECURE_WEB_PREFERENCES)
    expect(given).toBe(session)
    expect(window.options.webPreferences).not.toHaveProperty('preload')
    expect(window.options.webPreferences).not.toHaveProperty('partition')
  })

  it('uses a new in-memory partition for every capture, never the app session', () => {
    const first = start()
    const second = start()

    const partitions = fakeElectron.session.fromPartition.mock.calls.map(([name]) => name)
    expect(partitions).toHaveLength(2)
    for (const name of partitions) expect(name).toMatch(/^sso-login-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(partitions[0]).not.toBe(partitions[1])
    expect(fakeElectron.session.fromPartition.mock.calls.map(([, options]) => options)).toEqual([{ cache: false }, { cache: false }])
    expect(first.session).not.toBe(second.session)
    expect(first.session).not.toBe(fakeElectron.defaultSession)
    expect(first.window.webContents.session).toBe(first.session)
  })

  it('leaves the app session alone', () => {
    start()
    expect(fakeElectron.defaultSession.permissionRequestHandler).toBeNull()
    expect(fakeElectron.defaultSession.beforeRequest).toBeNull()
  })

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'display-capture', 'unknown'])('denies the %s permission', (permission) => {
    const { session } = start()
    expect(session.requestPermission(permission, 'https://console.jumpcloud.com/login')).toEqual([false])
    expect(session.checkPermission(permission, 'https://console.jumpcloud.com')).toBe(false)
  })

  it.each(['hid', 'serial', 'usb'])('denies %s devices', (deviceType) => {
    expect(start().session.checkDevice(deviceType, 'https://console.jumpcloud.com')).toBe(false)
  })

  it('refuses downloads', () => {
    const { session } = start()
    let prevented = false
    session.emit('will-download', { preventDefault: () => void (prevented = true) }, {}, null)
    expect(prevented).toBe(true)
  })

  it('loads the start page, under a title saying what the window is for, which pages cannot change', () => {
    const { window } = start()
    expect(window.loadURL.mock.calls).toEqual([[START_URL]])
    expect(window.options.title).toBe(LOGIN_WINDOW_TITLE)
    expect(window.options.title).toContain('sign in at JumpCloud as the test user')
    let prevented = false
    window.emit('page-title-updated', { preventDefault: () => void (prevented = true) }, 'JumpCloud User Console', true)
    expect(prevented).toBe(true)
  })

  it('stays above the window it belongs to', () => {
    const main = createMainWindow({ preloadPath: '/p.js', iconPath: '/i.png' }) as unknown as FakeWindow
    const { window } = start({}, main)
    expect(window.options.parent).toBe(main)
  })

  it('prevents webviews and lets no page keep the window from closing', () => {
    const { window } = start()
    expect(window.webContents.attempt('will-attach-webview', 'https://console.jumpcloud.com/')).toBe(true)
    expect(window.webContents.attempt('will-prevent-unload', 'https://console.jumpcloud.com/')).toBe(true)
  })

  it('is recognised as a login window from the moment its page exists, so the app policy can skip it', () => {
    const seen: boolean[] = []
    fakeElectron.app.on('web-contents-created', (_event: unknown, contents: FakeWebContents) => seen.push(isLoginContents(contents)))
    const login = start()
    createMainWindow({ preloadPath: '/p.js', iconPath: '/i.png' })

    expect(seen).toEqual([true, false])
    expect(isLoginContents(login.window.webContents)).toBe(true)
    expect(isLoginContents(new FakeWebContents())).toBe(false)
  })
})

describe('login window: navigation limits', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: allows JumpCloud and Dialpad over https', (event) => {
    const { window } = start()
    for (const url of [`${IDP_SSO_URL}?SAMLRequest=x`, 'https://console.jumpcloud.com/login?context=sso', ACS_URL, 'https://dialpad.com/app']) {
      expect(window.webContents.attempt(event, url), url).toBe(false)
    }
  })

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: blocks other hosts, http and other schemes', (event) => {
    const { window } = start()
    for (const url of ['https://accounts.google.com/o/saml2', 'http://console.jumpcloud.com/login', 'https://evil.dialpad.com/', 'file:///etc/passwd']) {
      expect(window.webContents.attempt(event, url), url).toBe(true)
    }
  })

  it('reports each blocked origin once, in order, with the captured login', async () => {
    const started = start()
    const { window, session } = started
    window.webContents.attempt('will-navigate', 'https://accounts.google.com/o/saml2?SAMLRequest=secret')
    window.webContents.attempt('will-frame-navigate', 'https://accounts.google.com/other')
    window.webContents.attempt('will-redirect', 'https://api-1.duosecurity.com/frame')
    postResponse(session)

    const login = await started.result
    expect(login.blockedNavigations).toEqual(['https://accounts.google.com', 'https://api-1.duosecurity.com'])
  })

  it('opens no new window; an allowed address (a JumpCloud portal tile) loads in the login window instead', () => {
    const { window } = start()
    expect(window.webContents.openWindow(IDP_SSO_URL)).toEqual({ action: 'deny' })
    expect(window.loadURL.mock.calls).toEqual([[START_URL], [IDP_SSO_URL]])
    expect(fakeElectron.windows).toHaveLength(1)
  })

  it('drops and reports a new window to another host', async () => {
    const started = start()
    expect(started.window.webContents.openWindow('https://evil.example/phish')).toEqual({ action: 'deny' })
    expect(started.window.loadURL.mock.calls).toEqual([[START_URL]])
    expect(fakeElectron.windows).toHaveLength(1)

    started.window.close()
    const error = await started.result.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(LoginWindowClosedError)
    expect((error as LoginWindowClosedError).blockedNavigations).toEqual(['https://evil.example'])
    expect((error as Error).message).toContain('https://evil.example')
  })

  it('refuses to start on an address outside the allowed hosts, without opening a window', async () => {
    const capture = createLoginWindowCapture()
    const request = { acsUrl: ACS_URL, allowedHosts: ALLOWED_HOSTS, continueToDialpad: false, signal: new AbortController().signal }
    await expect(capture.capture({ ...request, startUrl: 'https://evil.example/saml2' })).rejects.toThrow(LoginPageFailedError)
    await expect(capture.capture({ ...request, startUrl: 'http://sso.jumpcloud.com/saml2/dialpad' })).rejects.toThrow(/opens only https addresses on sso\.jumpcloud\.com/)
    expect(fakeElectron.windows).toHaveLength(0)
    expect(fakeElectron.session.fromPartition).not.toHaveBeenCalled()
  })
})

describe('login window: the response at the ACS URL', () => {
  it('sees page and frame loads only, lets every non-Dialpad one through untouched, and reads responses only on Dialpad', async () => {
    const started = start()
    const { session } = started
    expect(session.request('https://dialpad.com/saml/sso/custom/example.com', { resourceType: 'image' })).toEqual([])
    // JumpCloud's pages go on as they are, even a form that looks like a SAML response.
    expect(session.postForm('https://console.jumpcloud.com/login', { SAMLResponse: SAML_RESPONSE })).toEqual([{ cancel: false }])
    expect(await state(started.result)).toBe('pending')
  })

  it('takes SAMLResponse and RelayState from the POST, cancels it, and resolves', async () => {
    const started = start()
    expect(postResponse(started.session)).toEqual([{ cancel: true }])

    await expect(started.result).resolves.toEqual({
      samlResponse: SAML_RESPONSE,
      relayState: 'r3lay',
      postedTo: ACS_URL,
      blockedNavigations: [],
      hops: [{ host: 'dialpad.com', method: 'POST', saml: 'SAMLResponse', binding: 'HTTP-POST', blocked: false }],
      authnRequest: null,
    })
  })

  it('works for an IdP-initiated login: no RelayState', async () => {
    const started = start({ startUrl: IDP_SSO_URL })
    postResponse(started.session, { SAMLResponse: SAML_RESPONSE })
    await expect(started.result).resolves.toMatchObject({ samlResponse: SAML_RESPONSE, relayState: null })
  })

  it('catches a response JumpCloud posts to the wrong Dialpad address, saying where it went', async () => {
    const started = start()
    expect(postResponse(started.session, { SAMLResponse: SAML_RESPONSE }, SP_ENTITY_ID)).toEqual([{ cancel: true }])
    await expect(started.result).resolves.toMatchObject({ postedTo: SP_ENTITY_ID })
  })

  it('lets a GET to the ACS URL through and keeps waiting for the POST', async () => {
    const started = start()
    expect(started.session.request(ACS_URL)).toEqual([{ cancel: false }])
    expect(await state(started.result)).toBe('pending')
    expect(started.window.isDestroyed()).toBe(false)

    postResponse(started.session)
    await expect(started.result).resolves.toMatchObject({ samlResponse: SAML_RESPONSE })
  })

  it('rejects a POST to the ACS URL without SAMLResponse as unreadable, and cancels it', async () => {
    const started = start()
    expect(postResponse(started.session, { RelayState: 'r3lay' })).toEqual([{ cancel: true }])
    await expect(started.result).rejects.toThrow(LoginResponseUnreadableError)
    await expect(started.result).rejects.toThrow(`the ACS URL is exactly ${ACS_URL}`)
  })

  it('rejects an oversize POST without reading it', async () => {
    const started = start()
    const bytes = Buffer.alloc(1024 * 1024 + 1, 0x41)
    expect(started.session.request(ACS_URL, { method: 'POST', uploadData: [{ bytes }] })).toEqual([{ cancel: true }])
    await expect(started.result).rejects.toThrow(/over the 1 MiB the app reads/)
  })

  it('settles exactly once: later posts, closes and aborts change nothing', async () => {
    const started = start()
    postResponse(started.session)
    const login = await started.result

    expect(postResponse(started.session, { SAMLResponse: 'QkJCQg==' })).toEqual([])
    started.window.close()
    started.controller.abort()
    await expect(started.result).resolves.toBe(login)
    expect(started.session.clearStorageData).toHaveBeenCalledTimes(1)
  })
})

describe('login window: starting at Dialpad’s login page (a stand-in page flow)', () => {
  const flow = dialpadLoginFlow({ env: 'production', domain: 'example.com', spEntityId: SP_ENTITY_ID, acsUrl: ACS_URL, idpSsoUrl: IDP_SSO_URL })

  /** Plays the stand-in Dialpad login page and JumpCloud in the window: every navigation, then each page load. */
  function walk(started: Started): void {
    for (const request of flow) {
      expect(started.window.webContents.attempt('will-navigate', request.url), request.url).toBe(false)
      const answers = request.form ? started.session.postForm(request.url, request.form) : started.session.request(request.url)
      expect(answers, request.url).toEqual([{ cancel: false }])
    }
  }

  it('opens Dialpad’s login page under a title saying what to do, and follows Dialpad’s redirect to JumpCloud', async () => {
    const title = 'Test SSO login: choose “Login with Another Provider”, enter example.com, then sign in at JumpCloud as the test user (Dialpad SSO Assistant)'
    const started = start({ startUrl: 'https://dialpad.com/login', windowTitle: title })
    expect(started.window.loadURL.mock.calls).toEqual([['https://dialpad.com/login']])
    expect(started.window.options.title).toBe(title)
    walk(started)
    postResponse(started.session, { SAMLResponse: SAML_RESPONSE, RelayState: DIALPAD_RELAY_STATE })

    const login = await started.result
    expect(login.authnRequest).toEqual({ id: DIALPAD_REQUEST_ID, issuer: SP_ENTITY_ID, relayState: DIALPAD_RELAY_STATE, host: 'sso.jumpcloud.com', binding: 'HTTP-Redirect' })
    expect(login.hops.map((hop) => `${hop.method} ${hop.host} ${hop.saml ?? '-'}`)).toEqual([
      'GET dialpad.com -',
      'GET dialpad.com -',
      'POST dialpad.com -',
      'GET sso.jumpcloud.com SAMLRequest',
      'GET console.jumpcloud.com -',
      'POST console.jumpcloud.com -',
      'GET sso.jumpcloud.com -',
      'POST dialpad.com SAMLResponse',
    ])
    // The test user's password went through the window but nowhere into the result.
    expect(JSON.stringify(login)).not.toContain(TEST_USER_PASSWORD)
    expectCleanedUp(started)
  })

  it('matches the request of a login started over in the window: the latest AuthnRequest Dialpad sent, not the first', async () => {
    const started = start({ startUrl: 'https://dialpad.com/login' })
    walk(started)
    // The test user goes back to Dialpad's login page and starts again: Dialpad sends a new request.
    const again = dialpadAuthnRequest(SP_ENTITY_ID, ACS_URL, IDP_SSO_URL, '_dialpad-authn-second')
    for (const url of ['https://dialpad.com/login', `${IDP_SSO_URL}?SAMLRequest=${encodeURIComponent(again)}&RelayState=second-relay`]) {
      expect(started.window.webContents.attempt('will-navigate', url)).toBe(false)
      expect(started.session.request(url)).toEqual([{ cancel: false }])
    }
    postResponse(started.session, { SAMLResponse: SAML_RESPONSE, RelayState: 'second-relay' })
    const login = await started.result
    expect(login.authnRequest).toEqual({ id: '_dialpad-authn-second', issuer: SP_ENTITY_ID, relayState: 'second-relay', host: 'sso.jumpcloud.com', binding: 'HTTP-Redirect' })
    expect(login.hops.filter((hop) => hop.saml === 'SAMLRequest')).toHaveLength(2)
  })

  it('reads Dialpad’s AuthnRequest posted to JumpCloud (HTTP-POST binding) as the request to answer', async () => {
    const started = start({ startUrl: 'https://dialpad.com/login' })
    const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_dialpad-posted" Version="2.0"><saml:Issuer>${SP_ENTITY_ID}</saml:Issuer></samlp:AuthnRequest>`
    started.session.request('https://dialpad.com/login')
    // Dialpad's page submits a form to JumpCloud: a navigation the window allows, then the POST itself.
    expect(started.window.webContents.attempt('will-navigate', IDP_SSO_URL)).toBe(false)
    expect(started.session.postForm(IDP_SSO_URL, { SAMLRequest: Buffer.from(xml).toString('base64'), RelayState: 'posted-relay' })).toEqual([{ cancel: false }])
    postResponse(started.session, { SAMLResponse: SAML_RESPONSE, RelayState: 'posted-relay' })
    const login = await started.result
    expect(login.authnRequest).toEqual({ id: '_dialpad-posted', issuer: SP_ENTITY_ID, relayState: 'posted-relay', host: 'sso.jumpcloud.com', binding: 'HTTP-POST' })
    expect(login.hops.map((hop) => `${hop.method} ${hop.host} ${hop.saml ?? '-'} ${hop.binding ?? '-'}`)).toEqual([
      'GET dialpad.com - -',
      'POST sso.jumpcloud.com SAMLRequest HTTP-POST',
      'POST dialpad.com SAMLResponse HTTP-POST',
    ])
  })

  it('keeps navigation to Dialpad’s and JumpCloud’s hosts, and lists a refused hop in the chain', async () => {
    const started = start({ startUrl: 'https://dialpad.com/login' })
    expect(started.window.webContents.attempt('will-navigate', 'https://accounts.google.com/o/oauth2/auth')).toBe(true)
    expect(started.window.webContents.attempt('will-navigate', 'https://login.dialpad.com/')).toBe(true)
    walk(started)
    postResponse(started.session)
    const login = await started.result
    expect(login.blockedNavigations).toEqual(['https://accounts.google.com', 'https://login.dialpad.com'])
    expect(login.hops.slice(0, 2)).toEqual([
      { host: 'accounts.google.com', method: '—', saml: null, binding: null, blocked: true },
      { host: 'login.dialpad.com', method: '—', saml: null, binding: null, blocked: true },
    ])
  })
})

describe('login window: endings', () => {
  it('the admin closing the window rejects with the closed error', async () => {
    const started = start()
    started.window.close()
    const error = await started.result.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(LoginWindowClosedError)
    expect((error as Error).message).toContain('The login window was closed before JumpCloud sent the SAML response')
  })

  it('the abort signal closes the window and rejects as cancelled', async () => {
    const started = start()
    started.controller.abort()
    await expect(started.result).rejects.toThrow(LoginCancelledError)
    expect(started.window.destroy).toHaveBeenCalledTimes(1)
  })

  it('an already-aborted signal opens no window', async () => {
    const controller = new AbortController()
    controller.abort()
    const request = { startUrl: START_URL, acsUrl: ACS_URL, allowedHosts: ALLOWED_HOSTS, continueToDialpad: false, signal: controller.signal }
    await expect(createLoginWindowCapture().capture(request)).rejects.toThrow(LoginCancelledError)
    expect(fakeElectron.windows).toHaveLength(0)
  })

  it('a login page that cannot load rejects, naming the site and what to check', async () => {
    const started = start()
    started.window.webContents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', START_URL, true, 1, 1)
    const error = await started.result.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(LoginPageFailedError)
    expect((error as Error).message).toContain('could not load https://sso.jumpcloud.com (ERR_NAME_NOT_RESOLVED)')
    expect((error as Error).message).not.toContain('SAMLRequest')
  })

  it('ignores load failures that are part of a normal login: replaced loads, refused requests, frames', async () => {
    const started = start()
    started.window.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', START_URL, true, 1, 1)
    started.window.webContents.emit('did-fail-load', {}, -20, 'ERR_BLOCKED_BY_CLIENT', ACS_URL, true, 1, 1)
    started.window.webContents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'https://cdn.example/', false, 1, 2)
    expect(await state(started.result)).toBe('pending')
  })

  it('a crashed login page rejects', async () => {
    const started = start()
    started.window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
    await expect(started.result).rejects.toThrow('The login page stopped unexpectedly (crashed)')
  })

  const endings: Array<[string, (started: Started) => void]> = [
    ['the response arrived', ({ session }) => void postResponse(session)],
    ['the admin closed the window', ({ window }) => window.close()],
    ['the check was cancelled', ({ controller }) => controller.abort()],
    ['the POST had no response', ({ session }) => void postResponse(session, { RelayState: 'x' })],
    ['the page failed to load', ({ window }) => void window.webContents.emit('did-fail-load', {}, -106, 'ERR_INTERNET_DISCONNECTED', START_URL, true, 1, 1)],
    ['the page crashed', ({ window }) => void window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 })],
  ]

  it.each(endings)('when %s: the window is gone, its session wiped and every listener removed', async (_name, end) => {
    const started = start()
    const removeAbortListener = vi.spyOn(started.controller.signal, 'removeEventListener')
    for (const event of PAGE_EVENTS) expect(started.window.webContents.listenerCount(event), event).toBe(1)

    end(started)
    await started.result.catch(() => undefined)

    expectCleanedUp(started)
    expect(removeAbortListener).toHaveBeenCalledWith('abort', expect.any(Function))
    expect(fakeElectron.BrowserWindow.getAllWindows()).toEqual([])
  })

  it('wipes the session before the result is delivered', async () => {
    const started = start()
    let wipedWhenDelivered = false
    const delivered = started.result.then(() => (wipedWhenDelivered = started.session.clearStorageData.mock.calls.length === 1))
    postResponse(started.session)
    await delivered
    expect(wipedWhenDelivered).toBe(true)
  })
})

describe('login window: continuing to Dialpad', () => {
  it('lets the POST through, resolves at once, and shows Dialpad’s answer before closing', async () => {
    vi.useFakeTimers()
    const started = start({ continueToDialpad: true })

    expect(postResponse(started.session)).toEqual([{ cancel: false }])
    await expect(started.result).resolves.toMatchObject({ samlResponse: SAML_RESPONSE, relayState: 'r3lay' })
    expect(started.window.isDestroyed()).toBe(false)
    expect(started.window.setTitle).toHaveBeenCalledWith(DIALPAD_ANSWER_TITLE)
    // Dialpad's own pages load normally now.
    expect(started.session.request('https://dialpad.com/app', { method: 'POST' })).toEqual([{ cancel: false }])

    started.window.webContents.emit('did-finish-load')
    await vi.advanceTimersByTimeAsync(SHOW_DIALPAD_ANSWER_MS - 1)
    expect(started.window.isDestroyed()).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expectCleanedUp(started)
  })

  it('closes after a while even when Dialpad never answers', async () => {
    vi.useFakeTimers()
    const started = start({ continueToDialpad: true })
    postResponse(started.session)
    await started.result

    await vi.advanceTimersByTimeAsync(MAX_CONTINUE_MS)
    expectCleanedUp(started)
  })

  it('closing the window early, or cancelling, only cleans up: the response was already delivered', async () => {
    const closed = start({ continueToDialpad: true })
    postResponse(closed.session)
    closed.window.close()
    await expect(closed.result).resolves.toMatchObject({ samlResponse: SAML_RESPONSE })
    await vi.waitFor(() => expectCleanedUp(closed))

    const aborted = start({ continueToDialpad: true })
    postResponse(aborted.session)
    aborted.controller.abort()
    await expect(aborted.result).resolves.toMatchObject({ samlResponse: SAML_RESPONSE })
    await vi.waitFor(() => expectCleanedUp(aborted))
  })

  it('still rejects when the window is closed before the response arrived', async () => {
    const started = start({ continueToDialpad: true })
    started.window.close()
    await expect(started.result).rejects.toThrow(LoginWindowClosedError)
  })
})
