/**
 * A small stand-in for the `electron` module: just the parts src/main and src/preload touch,
 * recording what the shell asks of them. Every shell test file installs it, so the real package
 * (which would look for, or try to download, an Electron binary) is never loaded:
 *
 *   vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)
 *   const fakeElectron = await mockedElectron()
 *
 * vitest runs that factory once per test file and keeps its result across vi.resetModules(),
 * so it is one shared object: call fakeElectron.reset() in beforeEach.
 *
 * It keeps the Electron rules that shape the shell's start-up order: app.enableSandbox() and
 * protocol.registerSchemesAsPrivileged() only before ready; windows, protocol.handle() and
 * session.defaultSession only after. Breaking that order throws here, as it does in Electron.
 */
import { EventEmitter } from 'node:events'
import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron'
import { vi } from 'vitest'

// ---------------------------------------------------------------- web contents

export type WindowOpenHandler = (details: { url: string }) => { action: string }

/** A WebContents: events the shell listens to, and the window-open handler it sets. */
export class FakeWebContents extends EventEmitter {
  private windowOpenHandler: WindowOpenHandler | null = null

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }

  /** What window.open(url) or a target=_blank link gets back; null when no handler was set. */
  openWindow(url: string): { action: string } | null {
    return this.windowOpenHandler ? this.windowOpenHandler({ url }) : null
  }

  /** Fires a will-* event (event object, then the URL) and reports whether a listener cancelled it. */
  attempt(eventName: string, url: string): boolean {
    let prevented = false
    const event = { url, preventDefault: () => void (prevented = true) }
    this.emit(eventName, event, url)
    return prevented
  }
}

// ---------------------------------------------------------------- session

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean
type DevicePermissionHandler = (details: { deviceType: string; origin: string }) => boolean
type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void

/** A Session: the permission handlers and the request filter the shell installs. */
export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null
  permissionCheckHandler: PermissionCheckHandler | null = null
  devicePermissionHandler: DevicePermissionHandler | null = null
  beforeRequest: BeforeRequestListener | null = null
  /** The URL filter passed to onBeforeRequest, if any (none means: every request is checked). */
  beforeRequestFilter: unknown = null

  /** Forgets every handler (for the shared default session between tests). */
  clear(): void {
    this.permissionRequestHandler = null
    this.permissionCheckHandler = null
    this.devicePermissionHandler = null
    this.beforeRequest = null
    this.beforeRequestFilter = null
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler
  }
  setDevicePermissionHandler(handler: DevicePermissionHandler | null): void {
    this.devicePermissionHandler = handler
  }

  readonly webRequest = {
    onBeforeRequest: (...args: unknown[]): void => {
      this.beforeRequestFilter = args.length > 1 ? args[0] : null
      this.beforeRequest = args[args.length - 1] as BeforeRequestListener
    },
  }

  /** A page asks for a permission; returns every answer the handler gave (Electron expects exactly one). */
  requestPermission(permission: string, requestingUrl = 'app://bundle/index.html'): boolean[] {
    const answers: boolean[] = []
    this.permissionRequestHandler?.(null, permission, (granted) => answers.push(granted), { requestingUrl, isMainFrame: true })
    return answers
  }

  /** Chromium checks a permission synchronously; null when no handler was set. */
  checkPermission(permission: string, origin = 'app://bundle'): boolean | null {
    return this.permissionCheckHandler ? this.permissionCheckHandler(null, permission, origin, { isMainFrame: true }) : null
  }

  /** A page asks for a HID/serial/USB device; null when no handler was set. */
  checkDevice(deviceType: string, origin = 'app://bundle'): boolean | null {
    return this.devicePermissionHandler ? this.devicePermissionHandler({ deviceType, origin }) : null
  }

  /** Chromium is about to load url; returns every response the listener gave. */
  request(url: string): Array<{ cancel?: boolean }> {
    const responses: Array<{ cancel?: boolean }> = []
    this.beforeRequest?.({ url }, (response) => responses.push(response))
    return responses
  }
}

// ---------------------------------------------------------------- app and readiness

let ready = false
let markReady: () => void = () => undefined
let readyPromise = new Promise<void>((resolve) => (markReady = resolve))

function mustBeReady(what: string): void {
  if (!ready) throw new Error(`${what} can only be used after the app is ready`)
}
function mustNotBeReady(what: string): void {
  if (ready) throw new Error(`${what} must be called before the app is ready`)
}

const app = Object.assign(new EventEmitter(), {
  enableSandbox: vi.fn(() => mustNotBeReady('app.enableSandbox()')),
  /** What requestSingleInstanceLock() answers; a test sets false to play the second instance. */
  singleInstanceLockGranted: true,
  requestSingleInstanceLock: vi.fn((): boolean => app.singleInstanceLockGranted),
  quit: vi.fn<() => void>(),
  whenReady: vi.fn((): Promise<void> => readyPromise),
  isReady: (): boolean => ready,
  /** Where getPath('userData') points (and getPath('logs'), as <userData>/logs); tests set a temp folder. */
  userDataDir: '',
  getPath: vi.fn((name: string): string => {
    if (name !== 'userData' && name !== 'logs') throw new Error(`fake app.getPath does not know "${name}"`)
    if (!app.userDataDir) throw new Error('set fakeElectron.app.userDataDir first')
    return name === 'logs' ? `${app.userDataDir}/logs` : app.userDataDir
  }),
  /** Test control: finish start-up, then let everything chained on whenReady() run. */
  async becomeReady(): Promise<void> {
    ready = true
    markReady()
    await new Promise((resolve) => setImmediate(resolve))
  },
})

// ---------------------------------------------------------------- windows

const windows: FakeBrowserWindow[] = []

class FakeBrowserWindow extends EventEmitter {
  static getAllWindows(): FakeBrowserWindow[] {
    return [...windows]
  }

  readonly webContents = new FakeWebContents()
  readonly loadURL = vi.fn(async (_url: string) => undefined)
  readonly loadFile = vi.fn(async (_file: string) => undefined)
  readonly show = vi.fn<() => void>()
  readonly focus = vi.fn<() => void>()
  readonly restore = vi.fn<() => void>()
  minimized = false

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
    mustBeReady('new BrowserWindow()')
    windows.push(this)
    // As in Electron, every new WebContents is announced on the app.
    app.emit('web-contents-created', { preventDefault: () => undefined }, this.webContents)
  }

  isMinimized(): boolean {
    return this.minimized
  }
}

// ---------------------------------------------------------------- protocol, session, IPC, preload APIs

export type ProtocolHandler = (request: Request) => Response | Promise<Response>

const protocol = {
  privilegedSchemes: [] as CustomScheme[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged: vi.fn((schemes: CustomScheme[]) => {
    mustNotBeReady('protocol.registerSchemesAsPrivileged()')
    protocol.privilegedSchemes.push(...schemes)
  }),
  handle: vi.fn((scheme: string, handler: ProtocolHandler) => {
    mustBeReady('protocol.handle()')
    protocol.handlers.set(scheme, handler)
  }),
}

const defaultSession = new FakeSession()
const session = {
  get defaultSession(): FakeSession {
    mustBeReady('session.defaultSession')
    return defaultSession
  },
}

/** The frame an IPC message came from (the part of WebFrameMain the shell reads). */
export interface FakeFrame {
  url: string
  parent: FakeFrame | null
}

export function fakeFrame(url: string, parent: FakeFrame | null = null): FakeFrame {
  return { url, parent }
}

export type IpcHandler = (event: { senderFrame: FakeFrame | null }, ...args: unknown[]) => unknown

const ipcMain = {
  handlers: new Map<string, IpcHandler>(),
  handle: vi.fn((channel: string, handler: IpcHandler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    ipcMain.handlers.set(channel, handler)
  }),
  on: vi.fn<(channel: string, listener: unknown) => void>(),
  /** A renderer frame calls ipcRenderer.invoke(channel, ...args); resolves with the handler's reply. */
  async invokeFrom(senderFrame: FakeFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = ipcMain.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler({ senderFrame }, ...args)
  },
}

const ipcRenderer = {
  invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
  send: vi.fn<(channel: string, ...args: unknown[]) => unknown>(),
  sendSync: vi.fn<(channel: string, ...args: unknown[]) => unknown>(),
  on: vi.fn<(channel: string, ...args: unknown[]) => unknown>(),
  once: vi.fn<(channel: string, ...args: unknown[]) => unknown>(),
  postMessage: vi.fn<(channel: string, ...args: unknown[]) => unknown>(),
}

const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    if (key in contextBridge.exposed) throw new Error(`Cannot bind an API on top of an existing property on the window object`)
    contextBridge.exposed[key] = api
  }),
}

// ---------------------------------------------------------------- the module

export const fakeElectron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  protocol,
  session,
  ipcMain,
  ipcRenderer,
  contextBridge,
  shell: { openExternal: vi.fn(async (_url: string) => undefined) },
  clipboard: { writeText: vi.fn((_text: string) => undefined), readText: vi.fn(() => '') },
  nativeTheme: { shouldUseDarkColors: false },

  /** The windows created so far, oldest first. */
  windows,
  /** The session behind session.defaultSession, readable here before ready (the shell's view is guarded). */
  defaultSession,

  /** Back to a not-yet-ready app with nothing registered. Clears every vi.fn's calls (implementations stay). */
  reset(): void {
    vi.clearAllMocks()
    ready = false
    readyPromise = new Promise<void>((resolve) => (markReady = resolve))
    app.removeAllListeners()
    app.singleInstanceLockGranted = true
    app.userDataDir = ''
    windows.length = 0
    protocol.privilegedSchemes.length = 0
    protocol.handlers.clear()
    defaultSession.clear()
    ipcMain.handlers.clear()
    for (const key of Object.keys(contextBridge.exposed)) delete contextBridge.exposed[key]
    fakeElectron.nativeTheme.shouldUseDarkColors = false
  },
}

export type FakeElectron = typeof fakeElectron

/**
 * The fake exactly as the code under test receives it from `import ... from 'electron'`.
 * Use this rather than importing `fakeElectron` directly: after vi.resetModules() a direct
 * import can be a second copy of this file, while the mocked 'electron' stays the same object.
 */
export async function mockedElectron(): Promise<FakeElectron> {
  return (await import('electron')) as unknown as FakeElectron
}
