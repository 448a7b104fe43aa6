import { describeCharacter } from './displayText'
import { parseDomain } from './domain'

/**
 * The one set of rules for the Identity Provider values an admin brings back from JumpCloud (and the company domain),
 * before they are pasted into Dialpad. The wizard, the `metadata`, `bundle` and `report` commands, bundle import and
 * the setup report all judge a value with these functions, so a value gets the same error or warning wherever it
 * enters. Errors block the wizard's step; warnings are shown but the admin may go on.
 */
export interface FieldVerdict {
  /** The value Dialpad should get (the SSO URL is trimmed; the Entity ID is kept exactly as typed). */
  value: string
  error: string | null
  warnings: string[]
}

const JUMPCLOUD_SSO_HOST = 'sso.jumpcloud.com'
const JUMPCLOUD_SSO_PATH = /^\/saml2\/[^/]+$/
/** Control characters (C0, DEL, C1): a one-line field in Dialpad cannot hold them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
/** Characters that show as nothing: zero-width, bidi controls, byte order marks, separators. */
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}\u3164\uFFA0]|\u034F|\u115F|\u1160/u

/** "U+001B (a control character) at position 12". */
function found(value: string, pattern: RegExp): string | null {
  const match = pattern.exec(value)
  return match ? `${describeCharacter(match[0])} at position ${match.index + 1}` : null
}

export function checkIdpSsoUrl(input: string): FieldVerdict {
  const value = input.trim()
  const verdict = (error: string | null, warnings: string[] = []): FieldVerdict => ({ value, error, warnings })
  if (value === '') return verdict('Enter the IDP URL from the SSO tab of the Dialpad app in JumpCloud.')
  const control = found(value, CONTROL)
  if (control) return verdict(`The IdP SSO URL contains ${control}, which no web address has. Copy the IDP URL from JumpCloud again.`)
  if (/\s/.test(value)) return verdict('The IdP SSO URL cannot contain spaces. Copy the IDP URL from JumpCloud again.')
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return verdict('This is not a complete web address. Copy the whole IDP URL from JumpCloud, starting with https://.')
  }
  if (url.protocol !== 'https:') {
    const scheme = value.slice(0, url.protocol.length + (value.slice(url.protocol.length).startsWith('//') ? 2 : 0))
    return verdict(`The IdP SSO URL must start with https:// (it starts with ${scheme}). Copy the IDP URL from JumpCloud again.`)
  }
  if (url.username || url.password) return verdict('The IdP SSO URL must not contain a user name or password.')
  if (url.hash) return verdict('The IdP SSO URL must not contain a "#" part. Copy the IDP URL from JumpCloud again.')

  const warnings: string[] = []
  const invisible = found(value, INVISIBLE)
  if (invisible) {
    warnings.push(`The IdP SSO URL contains ${invisible}, which JumpCloud's IDP URL never has. Copy the IDP URL from JumpCloud again unless you are sure.`)
  }
  if (url.hostname !== JUMPCLOUD_SSO_HOST || !JUMPCLOUD_SSO_PATH.test(url.pathname) || url.search) {
    warnings.push(
      `JumpCloud's IDP URL usually looks like https://${JUMPCLOUD_SSO_HOST}/saml2/<app name>. Check that you copied the IDP URL of the Dialpad app, not another address.`,
    )
  }
  return verdict(null, warnings)
}

export function checkIdpEntityId(input: string): FieldVerdict {
  if (input.trim() === '') {
    return { value: input, error: 'Enter the IdP Entity ID from the SSO tab of the Dialpad app in JumpCloud.', warnings: [] }
  }
  const control = found(input, CONTROL)
  if (control) {
    return {
      value: input,
      error: `The IdP Entity ID contains ${control}, which Dialpad's one-line field cannot hold. Copy the IdP Entity ID from JumpCloud again.`,
      warnings: [],
    }
  }
  const warnings: string[] = []
  if (input !== input.trim()) {
    warnings.push(
      'The IdP Entity ID starts or ends with a space. A service provider compares the Issuer exactly (SAML 2.0), so logins fail unless JumpCloud has the same spaces: remove them unless you are sure.',
    )
  }
  const invisible = found(input, INVISIBLE)
  if (invisible) {
    warnings.push(
      `The IdP Entity ID contains ${invisible}. A service provider compares the Issuer exactly (SAML 2.0), so logins fail unless JumpCloud's has the same invisible character: copy it from JumpCloud again unless you are sure.`,
    )
  }
  return { value: input, error: null, warnings }
}

/** One value's error or warning, named by the field the admin knows. */
export interface ValueNote {
  field: 'Company domain' | 'IdP Entity ID' | 'IdP SSO URL'
  level: 'error' | 'warning'
  message: string
}

export interface EnteredValues {
  domainInput?: string
  entityIdInput?: string
  ssoUrlInput?: string
}

/**
 * What the wizard would say about values that arrived another way (a metadata file, a bundle, a saved profile):
 * the same errors and warnings, for the values that were entered. An empty value is not a problem here: it is a
 * step not done yet.
 */
export function enteredValueNotes(values: EnteredValues): ValueNote[] {
  const notes: ValueNote[] = []
  const add = (field: ValueNote['field'], verdict: Pick<FieldVerdict, 'error' | 'warnings'>) => {
    if (verdict.error) notes.push({ field, level: 'error', message: verdict.error })
    for (const warning of verdict.warnings) notes.push({ field, level: 'warning', message: warning })
  }
  if (values.domainInput !== undefined && values.domainInput.trim() !== '') {
    const domain = parseDomain(values.domainInput)
    if (!domain.ok) add('Company domain', { error: domain.error, warnings: [] })
  }
  if (values.entityIdInput !== undefined && values.entityIdInput.trim() !== '') add('IdP Entity ID', checkIdpEntityId(values.entityIdInput))
  if (values.ssoUrlInput !== undefined && values.ssoUrlInput.trim() !== '') add('IdP SSO URL', checkIdpSsoUrl(values.ssoUrlInput))
  return notes
}

/** A note as one line of text: "IdP SSO URL: The IdP SSO URL must start with https://…". */
export function valueNoteText(note: ValueNote): string {
  return `${note.field}: ${note.message}`
}
