/** Hosts that never leave this computer: the only ones where plain http:// is acceptable. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/** Why a URL may not be used for a live check, or null when it may. */
export function insecureUrlReason(url: URL): string | null {
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null
  if (url.protocol === 'http:') {
    return `Plain http:// is only allowed for this computer (localhost); ${url.host} must be reached over https:// so the API key stays encrypted.`
  }
  return `${url.protocol.replace(/:$/, '')}:// is not supported; use an https:// address.`
}
