import type { Api } from '../shared/contract'
import { apiFrom, ipcChannel } from '../shared/methods'

export type Invoke = (channel: string, input: unknown) => Promise<unknown>

/** window.api: exactly one function per contract method, each bound to its own channel. */
export function buildApi(invoke: Invoke): Api {
  return apiFrom((method, input) => invoke(ipcChannel(method), input))
}
