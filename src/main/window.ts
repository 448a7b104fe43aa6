import { BrowserWindow, nativeTheme } from 'electron'
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
  void window.loadURL(APP_ENTRY_URL)
  return window
}
