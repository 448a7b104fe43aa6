/**
 * The only sites the app hands to the OS browser: the two consoles the admin works in and their help.
 * Everything else a page tries to open is dropped.
 */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  'dialpad.com',
  'sandbox.dialpad.com',
  'help.dialpad.com',
  'console.jumpcloud.com',
  'jumpcloud.com',
  'support.jumpcloud.com',
])

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    EXTERNAL_LINK_HOSTS.has(url.hostname)
  )
}
