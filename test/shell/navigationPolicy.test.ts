import type { WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { EXTERNAL_LINK_HOSTS, isAllowedExternalUrl } from '../../src/main/externalLinks'
import { applyNavigationPolicy } from '../../src/main/navigationPolicy'
import { FakeWebContents } from './fakeElectron'

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)

const ALLOWED = [
  'https://dialpad.com/',
  'https://sandbox.dialpad.com/settings',
  'https://help.dialpad.com/docs/saml',
  'https://console.jumpcloud.com/#/sso',
  'https://jumpcloud.com/support',
  'https://support.jumpcloud.com/s/article/x?lang=en',
]

const REFUSED = [
  'http://dialpad.com/',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'app://bundle/index.html',
  'mailto:admin@dialpad.com',
  'ftp://dialpad.com/',
  'https://evil.com/',
  'https://dialpad.com.evil.com/',
  'https://evil.com/dialpad.com',
  'https://evil.com/?next=https://dialpad.com/',
  'https://evil.com#dialpad.com',
  'https://notdialpad.com/',
  'https://dialpad.com@evil.com/',
  'https://user:pass@dialpad.com/',
  'https://user@help.dialpad.com/',
  'https://dialpad.com:8443/',
  'https://console.jumpcloud.com:444/',
  'https://dialpad.com./',
  'https://xn--dialpad-9za.com/',
  '//dialpad.com/',
  'dialpad.com',
  'not a url',
  '',
]

let contents: FakeWebContents
let openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<void>>>

beforeEach(() => {
  contents = new FakeWebContents()
  openExternal = vi.fn(async (_url: string) => undefined)
  applyNavigationPolicy(contents as unknown as WebContents, openExternal)
})

describe('applyNavigationPolicy', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('cancels every %s', (eventName) => {
    expect(contents.listenerCount(eventName)).toBeGreaterThan(0)
    for (const url of ['https://evil.example/', 'app://bundle/other.html', 'file:///etc/passwd', ...ALLOWED]) {
      expect(contents.attempt(eventName, url), `${eventName} ${url}`).toBe(true)
    }
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('denies every new window, allowlisted or not', () => {
    for (const url of [...ALLOWED, ...REFUSED]) {
      expect(contents.openWindow(url), url).toEqual({ action: 'deny' })
    }
  })

  it('hands allowlisted https links to the OS browser, unchanged', () => {
    for (const url of ALLOWED) contents.openWindow(url)
    expect(openExternal.mock.calls).toEqual(ALLOWED.map((url) => [url]))
  })

  it.each(REFUSED)('never hands %j to the OS browser', (url) => {
    contents.openWindow(url)
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('handles the OS browser failing to open (no unhandled rejection in main)', async () => {
    // A plain function: vitest's vi.fn() would itself observe the rejection and hide the bug.
    const attempts: string[] = []
    const failingOpen = (url: string): Promise<void> => {
      attempts.push(url)
      return Promise.reject(new Error('no browser'))
    }
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      const failingContents = new FakeWebContents()
      applyNavigationPolicy(failingContents as unknown as WebContents, failingOpen)
      expect(failingContents.openWindow(ALLOWED[0])).toEqual({ action: 'deny' })
      await new Promise((resolve) => setTimeout(resolve, 10))
    } finally {
      process.off('unhandledRejection', unhandled)
    }
    expect(attempts).toEqual([ALLOWED[0]])
    expect(unhandled).not.toHaveBeenCalled()
  })
})

describe('external link allowlist', () => {
  it('is the consoles and help sites only', () => {
    expect([...EXTERNAL_LINK_HOSTS].sort()).toEqual(
      ['console.jumpcloud.com', 'dialpad.com', 'help.dialpad.com', 'jumpcloud.com', 'sandbox.dialpad.com', 'support.jumpcloud.com'].sort(),
    )
  })

  it('accepts https on those hosts and nothing else', () => {
    for (const url of ALLOWED) expect(isAllowedExternalUrl(url), url).toBe(true)
    for (const url of REFUSED) expect(isAllowedExternalUrl(url), url).toBe(false)
  })
})
