import { oneLine } from '../../shared/displayText'
import { DIALPAD_ENVIRONMENTS, defaultScimBaseUrl } from '../../shared/environments'
import { insecureUrlReason } from '../net/loopback'

export { defaultScimBaseUrl }

/** The Dialpad base URL closest to what the admin entered: sandbox for sandbox hosts, production otherwise. */
export function expectedScimBaseUrl(baseUrl: string): string {
  const host = URL.parse(baseUrl)?.hostname ?? ''
  const sandbox = DIALPAD_ENVIRONMENTS.sandbox.host
  return defaultScimBaseUrl(host === sandbox || host.endsWith(`.${sandbox}`) ? 'sandbox' : 'production')
}

export type ParsedScimBaseUrl = { ok: true; url: string } | { ok: false; error: string }

/**
 * Validates and normalizes a SCIM base URL: https (http only for this computer), no credentials, query or
 * fragment, no trailing slash. A missing scheme means https.
 */
export function parseScimBaseUrl(text: string): ParsedScimBaseUrl {
  const trimmed = text.trim()
  const example = defaultScimBaseUrl('production')
  if (!trimmed) return { ok: false, error: `Enter the SCIM base URL, for example ${example}.` }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`
  const url = URL.parse(withScheme)
  if (!url || !url.hostname) return { ok: false, error: `"${oneLine(trimmed, 80)}" is not a web address. Enter the SCIM base URL, for example ${example}.` }
  const insecure = insecureUrlReason(url)
  if (insecure) return { ok: false, error: insecure }
  if (url.username || url.password) return { ok: false, error: 'Remove the user name and password from the base URL; the API key is sent separately.' }
  if (withScheme.includes('?') || withScheme.includes('#')) {
    return { ok: false, error: `Remove everything from "?" or "#" onwards: the base URL is just the address, like ${example}.` }
  }
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` }
}

/** An endpoint under the base URL, e.g. scimEndpoint(base, 'Users', { startIndex: '1' }). */
export function scimEndpoint(baseUrl: string, path: string, query: Record<string, string> = {}): URL {
  // Spaces as %20 rather than URLSearchParams' "+", which not every SCIM server reads as a space in a filter.
  const search = Object.entries(query)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&')
  return new URL(`${baseUrl}/${path}${search ? `?${search}` : ''}`)
}
