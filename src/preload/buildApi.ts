import type { Api } from '../shared/contract'
import { METHOD_NAMES, ipcChannel } from '../shared/methods'

export type Invoke = (channel: string, input: unknown) => Promise<unknown>

/** window.api: exactly one function per contract method, each bound to its own channel. */
export function buildApi(invoke: Invoke): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const method of METHOD_NAMES) {
    const channel = ipcChannel(method)
    api[method] = (input: unknown) => invoke(channel, input)
  }
  return Object.freeze(api) as unknown as Api
}
