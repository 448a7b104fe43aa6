/**
 * Checks on the Identity Provider values an admin brings back from JumpCloud, before they are pasted
 * into Dialpad. Errors block the step; warnings are shown but the admin may go on.
 */
export interface FieldVerdict {
  /** The value Dialpad should get (the SSO URL is trimmed; the Entity ID is kept exactly as typed). */
  value: string
  error: string | null
  warnings: string[]
}

const JUMPCLOUD_SSO_HOST = 'sso.jumpcloud.com'
const JUMPCLOUD_SSO_PATH = /^\/saml2\/[^/]+$/

export function checkIdpSsoUrl(input: string): FieldVerdict {
  const value = input.trim()
  const verdict = (error: string | null, warnings: string[] = []): FieldVerdict => ({ value, error, warnings })
  if (value === '') return verdict('Enter the IDP URL from the SSO tab of the Dialpad app in JumpCloud.')
  if (/\s/.test(value)) return verdict('The IdP SSO URL cannot contain spaces. Copy the IDP URL from JumpCloud again.')
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return verdict('This is not a complete web address. Copy the whole IDP URL from JumpCloud, starting with https://.')
  }
  if (url.protocol !== 'https:') {
    return verdict(`The IdP SSO URL must start with https:// (it starts with ${url.protocol}//). Copy the IDP URL from JumpCloud again.`)
  }
  if (url.username || url.password) return verdict('The IdP SSO URL must not contain a user name or password.')
  if (url.hash) return verdict('The IdP SSO URL must not contain a "#" part. Copy the IDP URL from JumpCloud again.')

  const warnings: string[] = []
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
  const warnings: string[] = []
  if (input !== input.trim()) {
    warnings.push(
      'The IdP Entity ID starts or ends with a space. Dialpad compares it exactly, so logins fail unless JumpCloud has the same spaces: remove them unless you are sure.',
    )
  }
  return { value: input, error: null, warnings }
}
