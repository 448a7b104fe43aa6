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

/**
 * A WebContents: events the shell listens to, the window-open handler it sets, and the messages main sends its page
 * (webContents.send), which reach the fake ipcRenderer's listeners as they would reach the page's preload.
 */
export class FakeWebContents extends EventEmitter {
  private windowOpenHandler: WindowOpenHandler | null = null
  /** The session the page runs in: the window's webPreferences.session, else the default session. */
  session: FakeSession | null = null
  /** The page's top frame (what the sender check reads); our own page unless a test navigates it elsewhere. */
  mainFrame: FakeFrame = fakeFrame('app://bundle/index.html')
  destroyed = false

  /** Every webContents.send(channel, ...args), in order. */
  readonly sent: Array<{ channel: string; args: unknown[] }> = []
  readonly send = vi.fn((channel: string, ...args: unknown[]) => {
    if (this.destroyed) throw new Error('Object has been destroyed')
    this.sent.push({ channel, args })
    ipcRenderer.deliver(channel, ...args)
  })

  isDestroyed(): boolean {
    return this.destroyed
  }

  /** What the page answers to main's executeJavaScript(code); by default every script resolves to undefined. */
  pageScript: (code: string) => Promise<unknown> = async () => undefined
  readonly executeJavaScript = vi.fn((code: string) => this.pageScript(code))

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
/** One piece of a request body, as Electron's UploadData. */
export interface FakeUploadData {
  bytes?: Buffer
  file?: string
  blobUUID?: string
}
/** What onBeforeRequest listeners receive (the fields the shell reads). */
export interface FakeRequestDetails {
  url: string
  method: string
  resourceType: string
  uploadData: FakeUploadData[]
}
type BeforeRequestListener = (details: FakeRequestDetails, callback: (response: { cancel?: boolean }) => void) => void
interface FakeRequestFilter {
  urls?: string[]
  types?: string[]
}

/** Chromium's URL match patterns as Electron's request filter uses them: "*" matches anything, "<all_urls>" everything. */
function matchesUrlPattern(url: string, pattern: string): boolean {
  if (pattern === '<all_urls>') return true
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`)
  return regex.test(url)
}

/**
 * A Session: the permission handlers and the request filter the shell installs, the events it listens
 * to ('will-download'), and the storage it clears.
 */
export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null
  permissionCheckHandler: PermissionCheckHandler | null = null
  devicePermissionHandler: DevicePermissionHandler | null = null
  beforeRequest: BeforeRequestListener | null = null
  /** The URL filter passed to onBeforeRequest, if any (none means: every request is checked). */
  beforeRequestFilter: unknown = null

  /** The partition name given to session.fromPartition(), and its options; null for the default session. */
  constructor(
    readonly partition: string | null = null,
    readonly partitionOptions: { cache?: boolean } | undefined = undefined,
  ) {
    super()
  }

  /** What the system's proxy settings answer for every URL, PAC style (Electron's session.resolveProxy). */
  proxyAnswer = 'DIRECT'
  readonly resolveProxy = vi.fn(async (_url: string) => this.proxyAnswer)

  readonly clearStorageData = vi.fn(async (_options?: unknown) => undefined)
  readonly clearCache = vi.fn(async () => undefined)

  /** Forgets every handler (for the shared default session between tests). */
  clear(): void {
    this.removeAllListeners()
    this.permissionRequestHandler = null
    this.permissionCheckHandler = null
    this.devicePermissionHandler = null
    this.beforeRequest = null
    this.beforeRequestFilter = null
    this.proxyAnswer = 'DIRECT'
    this.resolveProxy.mockClear()
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

  /**
   * Chromium is about to load url; returns every response the listener gave. As in Electron, a listener
   * installed with a filter only sees requests that match it (an empty array means: not seen, goes on).
   */
  request(url: string, details: Partial<Omit<FakeRequestDetails, 'url'>> = {}): Array<{ cancel?: boolean }> {
    const responses: Array<{ cancel?: boolean }> = []
    const full: FakeRequestDetails = { url, method: 'GET', resourceType: 'mainFrame', uploadData: [], ...details }
    if (this.beforeRequest && this.passesFilter(full)) this.beforeRequest(full, (response) => responses.push(response))
    return responses
  }

  /** A form posted as application/x-www-form-urlencoded, the way a browser submits it. */
  postForm(url: string, fields: Record<string, string>): Array<{ cancel?: boolean }> {
    const body = new URLSearchParams(fields).toString()
    return this.request(url, { method: 'POST', uploadData: [{ bytes: Buffer.from(body, 'utf8') }] })
  }

  private passesFilter(details: FakeRequestDetails): boolean {
    const filter = this.beforeRequestFilter as FakeRequestFilter | null
    if (!filter) return true
    if (filter.types && !filter.types.includes(details.resourceType)) return false
    return (filter.urls ?? []).some((pattern) => matchesUrlPattern(details.url, pattern))
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
  /** Open windows only, as in Electron (fakeElectron.windows keeps every window ever created). */
  static getAllWindows(): FakeBrowserWindow[] {
    return windows.filter((window) => !window.destroyed)
  }

  readonly webContents = new FakeWebContents()
  readonly loadURL = vi.fn(async (_url: string) => undefined)
  readonly loadFile = vi.fn(async (_file: string) => undefined)
  readonly show = vi.fn<() => void>()
  readonly focus = vi.fn<() => void>()
  readonly restore = vi.fn<() => void>()
  readonly setTitle = vi.fn<(title: string) => void>()
  minimized = false
  destroyed = false

  /** Closes at once: no 'close' event, only 'closed' (as Electron's destroy()). */
  readonly destroy = vi.fn(() => {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('closed')
  })

  /** The close button or close(): 'close' (cancellable), then 'closed'. */
  readonly close = vi.fn(() => {
    if (this.destroyed) return
    let prevented = false
    this.emit('close', { preventDefault: () => void (prevented = true) })
    if (prevented) return
    this.destroyed = true
    this.emit('closed')
  })

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
    mustBeReady('new BrowserWindow()')
    this.webContents.session = (options.webPreferences?.session as unknown as FakeSession | undefined) ?? defaultSession
    windows.push(this)
    // As in Electron, every new WebContents is announced on the app.
    app.emit('web-contents-created', { preventDefault: () => undefined }, this.webContents)
  }

  isMinimized(): boolean {
    return this.minimized
  }

  isDestroyed(): boolean {
    return this.destroyed
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
/** Sessions made by session.fromPartition(), by partition name, in creation order. */
const partitionSessions = new Map<string, FakeSession>()
const session = {
  get defaultSession(): FakeSession {
    mustBeReady('session.defaultSession')
    return defaultSession
  },
  /** As Electron: one Session per partition name, the same object when the name is asked for again. */
  fromPartition: vi.fn((partition: string, options?: { cache?: boolean }): FakeSession => {
    mustBeReady('session.fromPartition()')
    let found = partitionSessions.get(partition)
    if (!found) {
      found = new FakeSession(partition, options)
      partitionSessions.set(partition, found)
    }
    return found
  }),
}

/** The frame an IPC message came from (the part of WebFrameMain the shell reads). */
export interface FakeFrame {
  url: string
  parent: FakeFrame | null
}

export function fakeFrame(url: string, parent: FakeFrame | null = null): FakeFrame {
  return { url, parent }
}

export type IpcHandler = (event: { senderFrame: FakeFrame | null; sender: FakeWebContents }, ...args: unknown[]) => unknown

const ipcMain = {
  handlers: new Map<string, IpcHandler>(),
  handle: vi.fn((channel: string, handler: IpcHandler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    ipcMain.handlers.set(channel, handler)
  }),
  on: vi.fn<(channel: string, listener: unknown) => void>(),
  /**
   * A renderer frame calls ipcRenderer.invoke(channel, ...args); resolves with the handler's reply. The event's
   * sender is a fresh page showing that frame (give `sender` to call from a particular page and hear its events).
   */
  async invokeFrom(senderFrame: FakeFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const sender = new FakeWebContents()
    sender.mainFrame = senderFrame ?? sender.mainFrame
    return ipcMain.invokeAs(sender, senderFrame, channel, ...args)
  },
  /** As invokeFrom, from the frame `senderFrame` of the page `sender`. */
  async invokeAs(sender: FakeWebContents, senderFrame: FakeFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = ipcMain.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler({ senderFrame, sender }, ...args)
  },
}

type RendererListener = (event: { sender: unknown }, ...args: unknown[]) => void
/** The preload's listeners by channel; webContents.send delivers to them. */
const rendererListeners = new Map<string, RendererListener[]>()

const ipcRenderer = {
  invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
  send: vi.fn<(channel: string, ...args: unknown[]) => unknown>(),
  sendSync: vi.fn<(channel: string, ...args: unknown[]) => unknown>(),
  on: vi.fn((channel: string, listener: RendererListener) => {
    rendererListeners.set(channel, [...(rendererListeners.get(channel) ?? []), listener])
    return ipcRenderer
  }),
  removeListener: vi.fn((channel: string, listener: RendererListener) => {
    const remaining = (rendererListeners.get(channel) ?? []).filter((candidate) => candidate !== listener)
    if (remaining.length) rendererListeners.set(channel, remaining)
    else rendererListeners.delete(channel)
    return ipcRenderer
  }),
  once: vi.fn<(channel: string, ...args: unknown[]) => unknown>(),
  postMessage: vi.fn<(channel: string, ...args: unknown[]) => unknown>(),
  /** Test control (main's webContents.send): calls the channel's listeners with Electron's event object first. */
  deliver(channel: string, ...args: unknown[]): void {
    const event = { sender: ipcRenderer }
    for (const listener of rendererListeners.get(channel) ?? []) listener(event, ...args)
  },
  /** How many listeners the page has on a channel. */
  listenerCount(channel: string): number {
    return rendererListeners.get(channel)?.length ?? 0
  },
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
  /** Every session.fromPartition() session, by partition name. */
  partitionSessions,

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
    partitionSessions.clear()
    ipcMain.handlers.clear()
    rendererListeners.clear()
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
