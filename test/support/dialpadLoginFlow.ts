import { deflateRawSync } from 'node:zlib'

/**
 * A stand-in for Dialpad's login page and its "Login with Another Provider" flow, as the login window sees it:
 * the page loads and form posts in order. What Dialpad's pages really send is not documented; this follows SAML's
 * HTTP-Redirect binding, which JumpCloud accepts (docs/service-facts.md).
 */
export const DIALPAD_REQUEST_ID = '_dialpad-authn-4711'
export const DIALPAD_RELAY_STATE = 'dialpad-relay-state-1'
/** A password typed on JumpCloud's sign-in page: it must never appear in anything the app keeps. */
export const TEST_USER_PASSWORD = 'Correct-Horse-Battery-Staple-42'

export function dialpadAuthnRequest(spEntityId: string, acsUrl: string, idpSsoUrl: string, id = DIALPAD_REQUEST_ID): string {
  const xml =
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ` +
    `ID="${id}" Version="2.0" IssueInstant="2026-03-02T10:00:00Z" Destination="${idpSsoUrl}" AssertionConsumerServiceURL="${acsUrl}">` +
    `<saml:Issuer>${spEntityId}</saml:Issuer></samlp:AuthnRequest>`
  return deflateRawSync(Buffer.from(xml)).toString('base64')
}

export interface FlowRequest {
  method: string
  url: string
  form?: Record<string, string>
}

/** Dialpad's login page → "Login with Another Provider" → domain → JumpCloud (redirect) → sign-in → back to Dialpad's ACS. */
export function dialpadLoginFlow(options: { env: 'production' | 'sandbox'; domain: string; spEntityId: string; acsUrl: string; idpSsoUrl: string }): FlowRequest[] {
  const host = options.env === 'sandbox' ? 'sandbox.dialpad.com' : 'dialpad.com'
  const request = dialpadAuthnRequest(options.spEntityId, options.acsUrl, options.idpSsoUrl)
  const redirect = `${options.idpSsoUrl}?SAMLRequest=${encodeURIComponent(request)}&RelayState=${DIALPAD_RELAY_STATE}`
  return [
    { method: 'GET', url: `https://${host}/login` },
    { method: 'GET', url: `https://${host}/login/sso` },
    { method: 'POST', url: `https://${host}/login/sso`, form: { domain: options.domain } },
    { method: 'GET', url: redirect },
    { method: 'GET', url: 'https://console.jumpcloud.com/login?context=sso' },
    { method: 'POST', url: 'https://console.jumpcloud.com/userconsole/auth', form: { email: 'jane.doe@example.com', password: TEST_USER_PASSWORD } },
    { method: 'GET', url: `${options.idpSsoUrl}?resume=1` },
  ]
}
