import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from './buildApi'

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
)
