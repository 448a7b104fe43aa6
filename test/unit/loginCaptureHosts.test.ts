import { describe, expect, it } from 'vitest'
import { describeNavigationTarget, isAllowedNavigation, jumpCloudSignInHosts, loginAllowedHosts } from '../../src/core/sso/loginCaptureHosts'
import { UserFacingError } from '../../src/core/userFacingError'
import { deriveSpValues } from '../../src/shared/spValues'

const PRODUCTION = deriveSpValues('example.com', 'production')
const SANDBOX = deriveSpValues('example.com', 'sandbox')
const JUMPCLOUD_IDP = 'https://sso.jumpcloud.com/saml2/dialpad'

describe('loginAllowedHosts', () => {
  it('allows JumpCloud SSO, JumpCloud sign-in and the Dialpad host of the ACS URL', () => {
    expect(loginAllowedHosts({ idpSsoUrl: JUMPCLOUD_IDP, acsUrl: PRODUCTION.acsUrl })).toEqual(['sso.jumpcloud.com', 'console.jumpcloud.com', 'dialpad.com'])
  })

  it('follows the Dialpad environment', () => {
    expect(loginAllowedHosts({ idpSsoUrl: JUMPCLOUD_IDP, acsUrl: SANDBOX.acsUrl })).toContain('sandbox.dialpad.com')
    expect(loginAllowedHosts({ idpSsoUrl: JUMPCLOUD_IDP, acsUrl: SANDBOX.acsUrl })).not.toContain('dialpad.com')
  })

  it("stays in JumpCloud's EU region for an EU IDP URL", () => {
    expect(loginAllowedHosts({ idpSsoUrl: 'https://sso.eu.jumpcloud.com/saml2/dialpad', acsUrl: PRODUCTION.acsUrl })).toEqual([
      'sso.eu.jumpcloud.com',
      'console.eu.jumpcloud.com',
      'dialpad.com',
    ])
  })

  it('adds no JumpCloud hosts for another identity provider', () => {
    expect(loginAllowedHosts({ idpSsoUrl: 'https://idp.example.org/sso', acsUrl: PRODUCTION.acsUrl })).toEqual(['idp.example.org', 'dialpad.com'])
  })

  it('is not fooled by look-alike hosts', () => {
    expect(jumpCloudSignInHosts('sso.jumpcloud.com.evil.example')).toEqual([])
    expect(jumpCloudSignInHosts('sso.notjumpcloud.com')).toEqual([])
    expect(jumpCloudSignInHosts('evil.jumpcloud.com')).toEqual([])
  })

  it('refuses an IdP URL that is not https, naming where to copy it from', () => {
    expect(() => loginAllowedHosts({ idpSsoUrl: 'http://sso.jumpcloud.com/saml2/dialpad', acsUrl: PRODUCTION.acsUrl })).toThrow(UserFacingError)
    expect(() => loginAllowedHosts({ idpSsoUrl: 'not a url', acsUrl: PRODUCTION.acsUrl })).toThrow(/IdP SSO URL.*JumpCloud → Dialpad app → SSO tab/)
  })
})

describe('isAllowedNavigation', () => {
  const allowed = loginAllowedHosts({ idpSsoUrl: JUMPCLOUD_IDP, acsUrl: PRODUCTION.acsUrl })

  it.each([
    'https://sso.jumpcloud.com/saml2/dialpad?SAMLRequest=abc',
    'https://console.jumpcloud.com/login?context=sso',
    'https://dialpad.com/saml/sso/custom/example.com',
    'https://DIALPAD.com/app',
    'about:blank',
    'about:srcdoc',
  ])('allows %s', (url) => {
    expect(isAllowedNavigation(url, allowed)).toBe(true)
  })

  it.each([
    ['http on an allowed host', 'http://console.jumpcloud.com/login'],
    ['another port', 'https://console.jumpcloud.com:8443/login'],
    ['credentials in the URL', 'https://user@console.jumpcloud.com/login'],
    ['a subdomain', 'https://evil.dialpad.com/'],
    ['a look-alike', 'https://dialpad.com.evil.example/'],
    ['an outside identity provider', 'https://accounts.google.com/o/saml2'],
    ['a file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<h1>x</h1>'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedNavigation(url, allowed)).toBe(false)
  })

  it('compares host names case-insensitively on both sides', () => {
    expect(isAllowedNavigation('https://dialpad.com/', ['Dialpad.COM'])).toBe(true)
  })
})

describe('describeNavigationTarget', () => {
  it('reports the origin only, so tokens in paths and queries stay out of reports', () => {
    expect(describeNavigationTarget('https://accounts.google.com/o/saml2?SAMLRequest=secret')).toBe('https://accounts.google.com')
    expect(describeNavigationTarget('http://console.jumpcloud.com:8080/login')).toBe('http://console.jumpcloud.com:8080')
  })

  it('names the kind of address for addresses without an origin', () => {
    expect(describeNavigationTarget('file:///etc/passwd')).toBe('a file: address')
    expect(describeNavigationTarget('not a url')).toBe('an address that is not valid')
  })
})
