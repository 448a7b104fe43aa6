import type { WebContents } from 'electron'
import { isAllowedExternalUrl } from './externalLinks'

/**
 * Applied to every WebContents the app creates: it never navigates away from the bundle,
 * never opens windows, never attaches webviews. Allowlisted https links go to the OS browser.
 */
export function applyNavigationPolicy(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-frame-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      openExternal(url).catch(() => undefined)
    }
    return { action: 'deny' }
  })
}
