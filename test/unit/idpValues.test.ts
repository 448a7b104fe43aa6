import { describe, expect, it } from 'vitest'
import { checkIdpEntityId, checkIdpSsoUrl } from '../../src/shared/idpValues'

describe('checkIdpSsoUrl', () => {
  it('accepts JumpCloud’s IDP URL without warnings and trims surrounding spaces', () => {
    expect(checkIdpSsoUrl('  https://sso.jumpcloud.com/saml2/dialpad \n')).toEqual({
      value: 'https://sso.jumpcloud.com/saml2/dialpad',
      error: null,
      warnings: [],
    })
  })

  it.each([
    ['', /Enter the IDP URL/],
    ['http://sso.jumpcloud.com/saml2/dialpad', /must start with https:\/\/ \(it starts with http:\/\/\)/],
    ['sso.jumpcloud.com/saml2/dialpad', /not a complete web address/],
    ['https://sso.jumpcloud.com/saml2/dial pad', /cannot contain spaces/],
    ['https://admin:pw@sso.jumpcloud.com/saml2/dialpad', /user name or password/],
    ['https://sso.jumpcloud.com/saml2/dialpad#x', /"#" part/],
  ])('refuses %j with a specific reason', (input, reason) => {
    expect(checkIdpSsoUrl(input).error).toMatch(reason)
  })

  it.each(['https://example.com/saml2/dialpad', 'https://sso.jumpcloud.com/saml2/', 'https://sso.jumpcloud.com/saml2/dialpad/extra', 'https://sso.jumpcloud.com/saml2/dialpad?x=1'])(
    'accepts %j but warns that it is not shaped like JumpCloud’s IDP URL',
    (input) => {
      const verdict = checkIdpSsoUrl(input)
      expect(verdict.error).toBeNull()
      expect(verdict.warnings).toEqual([expect.stringContaining('https://sso.jumpcloud.com/saml2/<app name>')])
    },
  )
})

describe('checkIdpEntityId', () => {
  it('keeps the Entity ID exactly as typed (it is case-sensitive)', () => {
    expect(checkIdpEntityId('JumpCloud')).toEqual({ value: 'JumpCloud', error: null, warnings: [] })
  })

  it('warns about leading or trailing spaces without removing them', () => {
    const verdict = checkIdpEntityId(' JumpCloud ')
    expect(verdict).toMatchObject({ value: ' JumpCloud ', error: null })
    expect(verdict.warnings[0]).toMatch(/starts or ends with a space/)
  })

  it('refuses an empty value', () => {
    expect(checkIdpEntityId('  ').error).toMatch(/Enter the IdP Entity ID/)
  })
})
