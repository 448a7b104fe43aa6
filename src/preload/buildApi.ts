import type { Api } from '../shared/contract'
import { type Listen, apiFrom, eventChannel, ipcChannel } from '../shared/methods'

export type Invoke = (channel: string, input: unknown) => Promise<unknown>
/** Adds a listener for one IPC channel (its payload only); returns the function that removes it. */
export type ListenChannel = (channel: string, listener: (payload: unknown) => void) => () => void

/**
 * window.api: exactly one function per contract method, each bound to its own channel, and `on` for the contract's
 * events, each on its own channel.
 */
export function buildApi(invoke: Invoke, listenChannel: ListenChannel): Api {
  const listen: Listen = (event, listener) => listenChannel(eventChannel(event), listener)
  return apiFrom((method, input) => invoke(ipcChannel(method), input), listen)
}
