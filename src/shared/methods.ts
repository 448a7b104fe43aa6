import type { Api, Subscribe } from './contract'

/**
 * The contract's method names, kept free of zod so the sandboxed preload bundle stays tiny.
 * contract.ts checks at compile time that its keys are exactly these.
 */
export const METHOD_NAMES = [
  'sp.derive',
  'profiles.list',
  'profiles.create',
  'profiles.rename',
  'profiles.setNotes',
  'profiles.duplicate',
  'profiles.delete',
  'profiles.open',
  'setup.save',
  'bundle.export',
  'bundle.preview',
  'bundle.import',
  'bundle.takeOpened',
  'report.build',
  'report.html',
  'clipboard.copy',
  'certificate.import',
  'metadata.import',
  'apiKey.status',
  'apiKey.store',
  'apiKey.keepForSession',
  'apiKey.delete',
  'apiKey.copyToClipboard',
  'scim.start',
  'scim.findUser',
  'sso.checkServices',
  'sso.startLogin',
  'sso.validateResponse',
  'liveCheck.cancel',
] as const
export type MethodName = (typeof METHOD_NAMES)[number]

/** The contract's event names, zod-free like METHOD_NAMES; contract.ts checks they match its events. */
export const EVENT_NAMES = ['liveCheck.progress'] as const
export type EventName = (typeof EVENT_NAMES)[number]

export function ipcChannel(method: MethodName): string {
  return `api:${method}`
}

/** The IPC channel main sends an event on (webContents.send) and the preload listens to. */
export function eventChannel(event: EventName): string {
  return `event:${event}`
}

function isEventName(name: unknown): name is EventName {
  return (EVENT_NAMES as readonly unknown[]).includes(name)
}

/** How a transport delivers one event's payloads to a listener; returns the function that stops it. */
export type Listen = (event: EventName, listener: (payload: unknown) => void) => () => void

/**
 * An Api (window.api's shape) whose every method forwards to `call`: one function per contract method, taking only
 * its input, and `on`, which listens through `listen` to contract events only (anything else is refused), handing
 * the listener the payload alone. Frozen. The preload, the browser-preview transport and the renderer's fallback all
 * build theirs with this.
 */
export function apiFrom(call: (method: MethodName, input: unknown) => Promise<unknown>, listen: Listen): Api {
  const api: Record<string, unknown> = {}
  for (const method of METHOD_NAMES) api[method] = (input: unknown) => call(method, input)
  const on = (event: unknown, listener: unknown): (() => void) => {
    if (!isEventName(event)) throw new TypeError(`The app has no event named ${JSON.stringify(String(event)).slice(0, 80)}.`)
    if (typeof listener !== 'function') throw new TypeError('Give a function to call for each event.')
    return listen(event, (payload) => (listener as (payload: unknown) => void)(payload))
  }
  api.on = on as Subscribe
  return Object.freeze(api) as unknown as Api
}
