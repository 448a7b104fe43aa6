import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CSP_HEADER } from '../../src/shared/csp'
import type { LiveCheckProgress } from '../../src/shared/liveCheck'
import { METHOD_NAMES } from '../../src/shared/methods'
import { closedPort } from '../support/scimNetFixtures'
import { type FakeSession, FakeWebContents, fakeFrame, mockedElectron } from './fakeElectron'

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)
const fakeElectron = await mockedElectron()

const OUR_PAGE = fakeFrame('app://bundle/index.html')
let userData: string

beforeAll(() => {
  userData = mkdtempSync(join(tmpdir(), 'main-entry-userdata-'))
})
afterAll(() => rmSync(userData, { recursive: true, force: true }))

beforeEach(() => {
  fakeElectron.reset()
  fakeElectron.app.userDataDir = userData
})

/** Starts src/main/index.ts afresh, as Electron does when it loads the main bundle. */
async function startMain(): Promise<void> {
  vi.resetModules()
  await import('../../src/main/index')
}

describe('src/main/index.ts before ready', () => {
  it('enables the sandbox for every renderer and registers the app scheme', async () => {
    await startMain()

    expect(fakeElectron.app.enableSandbox).toHaveBeenCalledTimes(1)
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1)
    expect(fakeElectron.protocol.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })])
  })

  it('installs the navigation policy for every web contents', async () => {
    await startMain()
    expect(fakeElectron.app.listenerCount('web-contents-created')).toBe(1)

    const contents = new FakeWebContents()
    fakeElectron.app.emit('web-contents-created', {}, contents)

    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.attempt('will-attach-webview', 'https://evil.example/')).toBe(true)
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' })
    expect(contents.openWindow('https://help.dialpad.com/')).toEqual({ action: 'deny' })
    expect(fakeElectron.shell.openExternal.mock.calls).toEqual([['https://help.dialpad.com/']])
  })

  it('leaves the test-login window to its own policy, so JumpCloud can redirect inside it', async () => {
    await startMain()
    await fakeElectron.app.becomeReady()
    const { createLoginSession } = await import('../../src/main/ssoLoginSession')
    const loginPage = new FakeWebContents()
    loginPage.session = createLoginSession() as unknown as FakeSession
    fakeElectron.app.emit('web-contents-created', {}, loginPage)
    expect(loginPage.attempt('will-navigate', 'https://console.jumpcloud.com/login')).toBe(false)

    const otherPage = new FakeWebContents()
    fakeElectron.app.emit('web-contents-created', {}, otherPage)
    expect(otherPage.attempt('will-navigate', 'https://console.jumpcloud.com/login')).toBe(true)
  })

  it('ignores a Dock click (activate) or second instance that arrives before ready', async () => {
    // macOS can deliver 'activate' before 'ready' (electron/electron#23476); Electron then throws
    // "Cannot create BrowserWindow before app is ready", as the fake does.
    await startMain()

    expect(() => fakeElectron.app.emit('activate')).not.toThrow()
    expect(() => fakeElectron.app.emit('second-instance')).not.toThrow()
    expect(fakeElectron.windows).toHaveLength(0)

    await fakeElectron.app.becomeReady()
    expect(fakeElectron.windows).toHaveLength(1)
  })

  it('asks for the single-instance lock and waits for ready before doing anything else', async () => {
    await startMain()

    expect(fakeElectron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1)
    expect(fakeElectron.app.quit).not.toHaveBeenCalled()
    expect(fakeElectron.app.whenReady).toHaveBeenCalled()
    expect(fakeElectron.windows).toHaveLength(0)
    expect(fakeElectron.protocol.handlers.size).toBe(0)
    expect(fakeElectron.ipcMain.handlers.size).toBe(0)
    expect(fakeElectron.defaultSession.permissionRequestHandler).toBeNull()
  })
})

describe('src/main/index.ts once ready', () => {
  /** What was already in place when the first web contents (the main window's) was created. */
  let atFirstWebContents: { sessionHardened: boolean; protocols: string[]; ipcChannels: number } | undefined

  beforeEach(async () => {
    atFirstWebContents = undefined
    await startMain()
    fakeElectron.app.on('web-contents-created', () => {
      atFirstWebContents ??= {
        sessionHardened: fakeElectron.defaultSession.permissionRequestHandler !== null && fakeElectron.defaultSession.beforeRequest !== null,
        protocols: [...fakeElectron.protocol.handlers.keys()],
        ipcChannels: fakeElectron.ipcMain.handlers.size,
      }
    })
    await fakeElectron.app.becomeReady()
  })

  it('opens the window only after the session, the protocol and IPC are in place', () => {
    expect(atFirstWebContents).toEqual({ sessionHardened: true, protocols: ['app'], ipcChannels: METHOD_NAMES.length })
  })

  it('hardens the default session', () => {
    const session = fakeElectron.defaultSession
    expect(session.requestPermission('media')).toEqual([false])
    expect(session.checkPermission('clipboard-read')).toBe(false)
    expect(session.checkDevice('usb')).toBe(false)
    expect(session.request('https://example.com/x.js')).toEqual([{ cancel: true }])
    expect(session.request('app://bundle/index.html')).toEqual([{ cancel: false }])
  })

  it('serves the renderer folder next to main over app:// with the CSP header', async () => {
    expect([...fakeElectron.protocol.handlers.keys()]).toEqual(['app'])
    const response = await fakeElectron.protocol.handlers.get('app')!(new Request('app://bundle/index.html'))

    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER)
    expect(await response.text()).toBe(readFileSync(join(__dirname, '../../src/renderer/index.html'), 'utf8'))
  })

  it('registers one IPC handler per contract method, wired to core and sender-checked', async () => {
    expect([...fakeElectron.ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((method) => `api:${method}`).sort())

    expect(await fakeElectron.ipcMain.invokeFrom(OUR_PAGE, 'api:profiles.list', {})).toEqual({ ok: true, value: { profiles: [], problems: [] } })
    expect(fakeElectron.app.getPath).toHaveBeenCalledWith('userData')

    expect(await fakeElectron.ipcMain.invokeFrom(OUR_PAGE, 'api:clipboard.copy', { text: 'https://dialpad.com/sso/x' })).toEqual({ ok: true, value: { copied: true } })
    expect(fakeElectron.clipboard.writeText.mock.calls).toEqual([['https://dialpad.com/sso/x']])

    const refused = await fakeElectron.ipcMain.invokeFrom(fakeFrame('https://evil.example/'), 'api:clipboard.copy', { text: 'x' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } })
    expect(fakeElectron.clipboard.writeText).toHaveBeenCalledTimes(1)
  })

  it('creates exactly one window: sandboxed, with the built preload, on the app:// entry', () => {
    expect(fakeElectron.windows).toHaveLength(1)
    const [window] = fakeElectron.windows
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true })
    expect(window.options.webPreferences?.preload).toBe(resolve(__dirname, '../../src/preload/index.js'))
    expect(window.loadURL.mock.calls).toEqual([['app://bundle/index.html']])
  })

  it("puts the navigation policy on the main window's own web contents", () => {
    const [window] = fakeElectron.windows
    expect(window.webContents.attempt('will-navigate', 'https://evil.example/')).toBe(true)
    expect(window.webContents.attempt('will-redirect', 'https://evil.example/')).toBe(true)
    expect(window.webContents.openWindow('https://evil.example/')).toEqual({ action: 'deny' })
  })

  it('brings the existing window forward instead of opening another', () => {
    const [window] = fakeElectron.windows
    window.minimized = true

    fakeElectron.app.emit('second-instance')
    fakeElectron.app.emit('activate')

    expect(fakeElectron.windows).toHaveLength(1)
    expect(window.restore).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalledTimes(2)
  })

  it('offers a bundle the OS opened with the app (a second launch or macOS open-file) to the renderer, once', async () => {
    const bundle = join(userData, 'acme.dialpad-sso.json')
    writeFileSync(bundle, '{"format":"dialpad-sso-bundle"}')
    fakeElectron.app.emit('second-instance', {}, ['/opt/dialpad-sso/app', '--some-flag', bundle])
    const other = join(userData, 'globex.dialpad-sso.json')
    writeFileSync(other, '{}')
    fakeElectron.app.emit('open-file', { preventDefault: () => undefined }, other)
    fakeElectron.app.emit('open-file', { preventDefault: () => undefined }, join(userData, 'notes.txt'))

    const take = () => fakeElectron.ipcMain.invokeFrom(OUR_PAGE, 'api:bundle.takeOpened', {})
    expect(await take()).toEqual({ ok: true, value: { fileName: 'acme.dialpad-sso.json', base64: Buffer.from('{"format":"dialpad-sso-bundle"}').toString('base64') } })
    expect(await take()).toMatchObject({ ok: true, value: { fileName: 'globex.dialpad-sso.json' } })
    expect(await take()).toEqual({ ok: true, value: null })
  })

  it("sends live checks through the proxy the system's settings name for each URL (session.resolveProxy)", async () => {
    const proxyEnv = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']
    const saved = proxyEnv.map((name) => [name, process.env[name]] as const)
    for (const name of proxyEnv) delete process.env[name]
    const proxyPort = await closedPort()
    // Only the proxy: with "; DIRECT" the check would go on to Dialpad itself once the proxy refused (systemProxy.test.ts).
    fakeElectron.defaultSession.proxyAnswer = `PROXY 127.0.0.1:${proxyPort}`
    try {
      // The progress arrives as events, sent to the window that started the check.
      const page = fakeElectron.windows[0].webContents
      const started = await fakeElectron.ipcMain.invokeAs(page, OUR_PAGE, 'api:sso.checkServices', { domain: 'example.com', env: 'production', idpSsoUrl: null, extraCaPem: null })
      const { runId } = (started as { ok: true; value: { runId: string } }).value
      const finished = () =>
        page.sent.map(({ channel, args }) => (channel === 'event:liveCheck.progress' ? (args[0] as LiveCheckProgress) : null)).find((sent) => sent?.runId === runId && sent.done)
      await expect.poll(finished).toBeDefined()
      const progress = finished() as LiveCheckProgress

      expect(fakeElectron.defaultSession.resolveProxy.mock.calls).toEqual([['https://dialpad.com/']])
      // The system's proxy is used: it refused (closed), so the check names the proxy's address, not Dialpad's.
      expect(JSON.stringify(progress.run)).toContain(`127.0.0.1:${proxyPort}`)
      // Dialpad's metadata step is informational (service-facts.md), so the refused proxy shows as its warning.
      expect(progress.run?.steps.find((step) => step.id === 'sp-metadata')?.status).toBe('warn')
    } finally {
      for (const [name, value] of saved) if (value !== undefined) process.env[name] = value
    }
  })

  it.skipIf(process.platform === 'darwin')('quits when the last window closes (outside macOS)', () => {
    fakeElectron.app.emit('window-all-closed')
    expect(fakeElectron.app.quit).toHaveBeenCalledTimes(1)
  })

  it('on macOS, stays open when the window closes, but goes on quitting once a window held to save closes (Cmd+Q)', () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!
    Object.defineProperty(process, 'platform', { ...platform, value: 'darwin' })
    try {
      fakeElectron.app.emit('window-all-closed')
      expect(fakeElectron.app.quit).not.toHaveBeenCalled()
      // The quit is held while the window saves; when the window then closes, the quit the admin asked for goes on.
      fakeElectron.app.emit('before-quit')
      fakeElectron.app.emit('window-all-closed')
      expect(fakeElectron.app.quit).toHaveBeenCalledTimes(1)
    } finally {
      Object.defineProperty(process, 'platform', platform)
    }
  })
})

describe('src/main/index.ts as a second instance', () => {
  it('quits at once and never opens a window, a protocol or IPC', async () => {
    fakeElectron.app.singleInstanceLockGranted = false
    await startMain()
    await fakeElectron.app.becomeReady()

    expect(fakeElectron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1)
    expect(fakeElectron.app.quit).toHaveBeenCalledTimes(1)
    expect(fakeElectron.windows).toHaveLength(0)
    expect(fakeElectron.protocol.handlers.size).toBe(0)
    expect(fakeElectron.ipcMain.handlers.size).toBe(0)
    expect(fakeElectron.app.listenerCount('second-instance')).toBe(0)
  })
})
