import { join } from 'node:path'
import { type BrowserWindow, app, clipboard, ipcMain, protocol, session, shell } from 'electron'
import { createFileErrorLog } from '../core/log/errorLog'
import { OpenedFiles } from '../core/profiles/openedFiles'
import { createServices } from '../core/services'
import { registerAppProtocol, registerAppSchemePrivileges } from './appProtocol'
import { registerIpcHandlers } from './ipc'
import { applyNavigationPolicy } from './navigationPolicy'
import { hardenSession } from './sessionPolicy'
import { createLoginWindowCapture, isLoginWindowContents } from './ssoLoginWindow'
import { createMainWindow } from './window'

// The thin shell: every decision lives in core, every security setting in the modules above.
app.enableSandbox()
registerAppSchemePrivileges(protocol)
app.on('web-contents-created', (_event, contents) => {
  // The test-login window has its own policy (JumpCloud and Dialpad hosts only); every other page never navigates.
  if (isLoginWindowContents(contents)) return
  applyNavigationPolicy(contents, (url) => shell.openExternal(url))
})

let mainWindow: BrowserWindow | null = null
// Bundles the OS asks us to open: on the command line, from a second launch, or (macOS) as open-file events,
// which can arrive before ready. The renderer takes them and shows the import preview.
const openedFiles = new OpenedFiles()
openedFiles.add(process.argv.slice(1))

function showMainWindow(): void {
  // macOS can deliver 'activate' (a Dock click) before 'ready'; the whenReady path below opens the window.
  if (!app.isReady()) return
  const existing = mainWindow
  if (existing && !existing.isDestroyed()) {
    if (existing.isMinimized()) existing.restore()
    existing.focus()
    return
  }
  mainWindow = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.js'),
    iconPath: join(__dirname, '../../resources/icon.png'),
  })
}

// One instance at a time: two would race on the same saved setup.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', (_event, argv: string[] = []) => {
    openedFiles.add(argv.slice(1))
    showMainWindow()
  })
  app.on('open-file', (event, path: string) => {
    event.preventDefault()
    openedFiles.add([path])
    showMainWindow()
  })
  // A quit (Cmd+Q) waits while the window saves before closing; once it has closed, the quit goes on, on macOS too.
  let quitting = false
  app.on('before-quit', () => {
    quitting = true
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit()
  })
  app.on('activate', showMainWindow)
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession)
    registerAppProtocol(protocol, join(__dirname, '../renderer'))
    const handlers = createServices({
      dataDir: app.getPath('userData'),
      clipboard: { writeText: (text) => clipboard.writeText(text), readText: () => clipboard.readText() },
      loginCapture: createLoginWindowCapture({ parentWindow: () => mainWindow }),
      openedFiles,
      // Live checks go through the proxy this computer's settings (or PAC file) name for each URL, as the admin's
      // browser does; HTTPS_PROXY, HTTP_PROXY and NO_PROXY still come first when set.
      http: { resolveProxy: (url) => session.defaultSession.resolveProxy(url) },
    })
    registerIpcHandlers(ipcMain, handlers, createFileErrorLog(app.getPath('logs')))
    showMainWindow()
  })
}
