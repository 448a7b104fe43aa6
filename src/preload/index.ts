import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from './buildApi'

contextBridge.exposeInMainWorld(
  'api',
  buildApi(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (channel, listener) => {
      // The page gets the payload only, never Electron's event object (it reaches ipcRenderer through `sender`).
      const forward = (_event: unknown, payload: unknown) => listener(payload)
      ipcRenderer.on(channel, forward)
      return () => void ipcRenderer.removeListener(channel, forward)
    },
  ),
)
