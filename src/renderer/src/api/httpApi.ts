import type { Api } from '../../../shared/contract'
import { BRIDGE_TOKEN_FRAGMENT } from '../../../shared/bridgeToken'
import { type Envelope, failure } from '../../../shared/envelope'
import { apiFrom } from '../../../shared/methods'

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
  })
}
