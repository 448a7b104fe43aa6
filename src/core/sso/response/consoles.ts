import { redactThenShorten } from '../../secrets/redact'

/** Where the admin changes things, named the same way in every fix. */
const JUMPCLOUD_SSO_TAB = 'In JumpCloud, open the Dialpad app’s SSO tab'
export const DIALPAD_SAML_SETTINGS = 'Dialpad’s SAML settings (Admin Settings > My Company > Authentication > SAML)'
export const CAPTURE_AGAIN = 'Sign in again to capture a fresh response'
export const DO_NOT_TRUST = 'Do not trust this response; capture one straight from a JumpCloud login.'

/** "In JumpCloud, open the Dialpad app’s SSO tab and set ACS URL to …, then Save." */
export function inJumpCloudSsoTab(action: string): string {
  return `${JUMPCLOUD_SSO_TAB} and ${action}, then Save.`
}

/** "In Dialpad’s SAML settings (…), set IdP Entity ID (Issuer) to …, then Save." */
export function inDialpadSamlSettings(action: string): string {
  return `In ${DIALPAD_SAML_SETTINGS}, ${action}, then Save.`
}

/**
 * A value from the response shown in a message: redacted, then on one line with invisible characters shown by their
 * code (see displayText), then shortened, so a hostile response can neither flood the report nor forge a line.
 */
export function clip(value: string, max = 200): string {
  return redactThenShorten(value, max)
}

/** A value in quotation marks, where spaces or an empty value matter (Issuer, NameID). */
export function quote(value: string, max = 200): string {
  return `“${clip(value, max)}”`
}

/** A fix sentence continued inside another: "…: in JumpCloud, open…". */
export function lowerFirst(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1)
}
