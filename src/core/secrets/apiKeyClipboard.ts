import type { ClipboardPort } from '../clipboard'
import type { SecretStore } from './keychain'

export const CLEAR_CLIPBOARD_AFTER_MS = 60_000

/**
 * Puts the API key on the clipboard straight from the keychain (it never passes through the renderer) and
 * empties the clipboard after a minute, unless the admin has copied something else since.
 */
export async function copyApiKeyToClipboard(
  secrets: SecretStore,
  account: string,
  clipboard: ClipboardPort,
  clearAfterMs: number = CLEAR_CLIPBOARD_AFTER_MS,
): Promise<{ clearsAfterSeconds: number }> {
  await secrets.use(account, async (key) => {
    clipboard.writeText(key)
    setTimeout(async () => {
      if ((await clipboard.readText()) === key) clipboard.writeText('')
    }, clearAfterMs).unref()
  })
  return { clearsAfterSeconds: Math.round(clearAfterMs / 1000) }
}
