import type { Api } from '../../../shared/contract'
import type { Envelope } from '../../../shared/envelope'
import { METHOD_NAMES } from '../../../shared/methods'

const UNREACHABLE: Envelope<never> = {
  ok: false,
  error: { code: 'failed', message: 'The preview server did not answer. Check that `npm run preview:web` is still running, then reload.' },
}

/** In a browser the clipboard the person wants is the browser's own; best effort (it needs a click). */
async function mirrorToBrowserClipboard(input: unknown): Promise<void> {
  const text = (input as { text?: unknown } | null)?.text
  if (typeof text === 'string') await navigator.clipboard?.writeText(text).catch(() => undefined)
}

/** The same Api over the loopback bridge (browser preview and end-to-end tests). The bridge's cookie carries the token. */
export function createHttpApi(): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const method of METHOD_NAMES) {
    api[method] = async (input: unknown) => {
      try {
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        })
        if (!response.ok) return UNREACHABLE
        const envelope = (await response.json()) as Envelope<unknown>
        if (method === 'clipboard.copy' && envelope.ok) await mirrorToBrowserClipboard(input)
        return envelope
      } catch {
        return UNREACHABLE
      }
    }
  }
  return api as unknown as Api
}
