import { UserFacingError } from '../userFacingError'

/**
 * Where the login window may go, for all three ways to start (Dialpad's login page, the app-built request, the
 * JumpCloud portal). The decision:
 * - the Dialpad host of the ACS URL (dialpad.com or sandbox.dialpad.com): Dialpad's login page, where the admin
 *   chooses "Login with Another Provider" and enters the domain, is on that host too (Dialpad's article: "navigate
 *   to Dialpad Login"), as is the ACS URL where the response arrives;
 * - the host of the IdP SSO URL (JumpCloud's sso.jumpcloud.com for the Dialpad app), where Dialpad redirects;
 * - when that host is JumpCloud's, JumpCloud's own sign-in pages in the same region: the login form is on
 *   console.<region>jumpcloud.com and the SAML endpoints on sso.<region>jumpcloud.com (sso.jumpcloud.com sends
 *   the user to console.jumpcloud.com/login and back; EU accounts use sso.eu.jumpcloud.com and console.eu.jumpcloud.com);
 * - the Dialpad host of the ACS URL (dialpad.com or sandbox.dialpad.com), to receive the response.
 * Exact host names only (no subdomains), https only, default port only. Anything else, such as an outside
 * identity provider JumpCloud delegates to, is refused and reported, so the admin learns why a login stalled.
 */
// Nothing else: other sign-in options on Dialpad's login page (Google, Microsoft) are not this test, and a Dialpad host
// the flow might use beyond its main one is not documented; such a hop is refused and listed in the redirect chain.
export function loginAllowedHosts({ idpSsoUrl, acsUrl }: { idpSsoUrl: string; acsUrl: string }): string[] {
  const idpHost = httpsHost(idpSsoUrl, 'The IdP SSO URL', 'Copy the IDP URL from JumpCloud → Dialpad app → SSO tab again.')
  const dialpadHost = httpsHost(acsUrl, "Dialpad's ACS URL", 'Enter the company domain again on the "Enable SAML in Dialpad" step.')
  const hosts = [idpHost, ...jumpCloudSignInHosts(idpHost), dialpadHost]
  return [...new Set(hosts)]
}

/** JumpCloud's SSO and console hosts for the region of an sso./console. host; none for other hosts. */
export function jumpCloudSignInHosts(host: string): string[] {
  const match = /^(?:sso|console)\.((?:[a-z0-9-]+\.)*jumpcloud\.com)$/.exec(host)
  if (!match) return []
  return [`sso.${match[1]}`, `console.${match[1]}`]
}

/** Pages with no address of their own, which frames use while a login page builds itself. */
const LOCAL_DOCUMENTS = new Set(['about:blank', 'about:srcdoc'])

/** Whether a frame may navigate to url: https on the default port, no credentials, host in the list. */
export function isAllowedNavigation(raw: string, allowedHosts: Iterable<string>): boolean {
  if (LOCAL_DOCUMENTS.has(raw)) return true
  const url = URL.parse(raw)
  if (!url || url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return false
  for (const host of allowedHosts) {
    if (url.hostname === host.toLowerCase()) return true
  }
  return false
}

/** An address as reports show it: its origin, without the path and query (which can carry tokens). */
export function describeNavigationTarget(raw: string): string {
  const url = URL.parse(raw)
  if (!url) return 'an address that is not valid'
  if (url.origin !== 'null') return url.origin
  return `a ${url.protocol} address`
}

function httpsHost(text: string, what: string, nextStep: string): string {
  const url = URL.parse(text.trim())
  if (!url || url.protocol !== 'https:' || url.hostname === '') {
    throw new UserFacingError(`${what} must be a complete https:// address. ${nextStep}`, { code: 'invalid-input' })
  }
  return url.hostname
}
