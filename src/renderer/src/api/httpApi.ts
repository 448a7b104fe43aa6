import type { Api } from '../../../shared/contract'
import { BRIDGE_TOKEN_FRAGMENT } from '../../../shared/bridgeToken'
import { type Envelope, failure } from '../../../shared/envelope'
import { type EventName, type Listen, apiFrom } from '../../../shared/methods'

const TOKEN_STORAGE_KEY = 'dpsso.bridgeToken'

const UNREACHABLE = failure('The preview server did not answer. Check that `npm run preview:web` is still running, then reload.')
const NO_TOKEN = failure('This page was opened without its access token. Open the address `npm run preview:web` printed.')

/** Takes the API token from the login redirect's fragment once, then keeps it for this tab only. */
function bridgeToken(): string | null {
  const fragment = new URLSearchParams(location.hash.slice(1)).get(BRIDGE_TOKEN_FRAGMENT)
  if (fragment) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fragment)
    history.replaceState(null, '', location.pathname + location.search)
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY)
}

/** In a browser the clipboard the person wants is the browser's own; best effort (it needs a click). */
async function mirrorToBrowserClipboard(input: unknown): Promise<void> {
  const text = (input as { text?: unknown } | null)?.text
  if (typeof text === 'string') await navigator.clipboard?.writeText(text).catch(() => undefined)
}

/** Waits before connecting the event stream again: a little at first, at most a few seconds. */
const RECONNECT_MS = [100, 500, 2000, 5000]

/**
 * The bridge's Server-Sent Events (GET /events with the Bearer token; EventSource cannot send one, so fetch reads the
 * stream), opened with the first listener and kept open, reconnecting when it drops. The bridge holds events while
 * no stream is open, so nothing is lost across a reconnect.
 */
function eventStream(token: string | null): Listen {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  let opened = false

  function deliver(block: string): void {
    let event = ''
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim()
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart())
    }
    if (!event || data.length === 0) return
    let payload: unknown
    try {
      payload = JSON.parse(data.join('\n'))
    } catch {
      return
    }
    for (const listener of listeners.get(event as EventName) ?? []) listener(payload)
  }

  async function connect(attempt: number): Promise<void> {
    try {
      const response = await fetch('/events', { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` }, cache: 'no-store' })
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`)
      attempt = 0
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffered = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffered += value
        let end: number
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          deliver(buffered.slice(0, end))
          buffered = buffered.slice(end + 2)
        }
      }
    } catch {
      // Reconnect below: the preview server restarted, or the page is unloading.
    }
    setTimeout(() => void connect(attempt + 1), RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)])
  }

  return (event, listener) => {
    if (!token) return () => undefined
    let forEvent = listeners.get(event)
    if (!forEvent) listeners.set(event, (forEvent = new Set()))
    forEvent.add(listener)
    if (!opened) {
      opened = true
      void connect(0)
    }
    return () => void forEvent.delete(listener)
  }
}

/** The same Api over the loopback bridge (browser preview and end-to-end tests). */
export function createHttpApi(): Api {
  const token = bridgeToken()
  return apiFrom(async (method, input) => {
    if (!token) return NO_TOKEN
    try {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
        // The last save may be sent while the page unloads (reload, tab closed); let it finish.
        keepalive: method === 'setup.save',
      })
      if (!response.ok) return UNREACHABLE
      const envelope = (await response.json()) as Envelope<unknown>
      if (method === 'clipboard.copy' && envelope.ok) await mirrorToBrowserClipboard(input)
      return envelope
    } catch {
      return UNREACHABLE
    }
  }, eventStream(token))
}
