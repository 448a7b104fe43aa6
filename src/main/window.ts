import { BrowserWindow, nativeTheme } from 'electron'
import { SAVE_BEFORE_CLOSE_HOOK, SAVE_BEFORE_CLOSE_TIMEOUT_MS } from '../shared/saveBeforeClose'
import { APP_ENTRY_URL } from './appProtocol'

export interface MainWindowOptions {
  preloadPath: string
  iconPath: string
}

/** The wizard window. Its webPreferences are the security baseline; tests assert each one. */
export function createMainWindow({ preloadPath, iconPath }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1120,
    height: 780,
    minWidth: 760,
    minHeight: 560,
    show: false,
    title: 'Dialpad SSO Assistant',
    icon: iconPath,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171c' : '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
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
    },
  })
  window.once('ready-to-show', () => window.show())
  saveBeforeClosing(window)
  void window.loadURL(APP_ENTRY_URL)
  return window
}

/** Holds the window's close until the page has saved its pending change (shared/saveBeforeClose.ts says why). */
export function saveBeforeClosing(window: BrowserWindow, timeoutMs = SAVE_BEFORE_CLOSE_TIMEOUT_MS): void {
  let state: 'open' | 'saving' | 'saved' = 'open'
  window.on('close', (event) => {
    if (state === 'saved') return
    event.preventDefault()
    if (state === 'saving') return
    state = 'saving'
    const saved = window.webContents.executeJavaScript(`globalThis.${SAVE_BEFORE_CLOSE_HOOK}?.()`).catch(() => undefined)
    let timer: ReturnType<typeof setTimeout> | undefined
    const waited = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))
    void Promise.race([saved, waited]).then(() => {
      clearTimeout(timer)
      state = 'saved'
      if (!window.isDestroyed()) window.close()
    })
  })
}
