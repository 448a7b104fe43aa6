import { describe, expect, it } from 'vitest'
import { customAddressProblem, jumpCloudBaseUrl, scimCheckAddress, testOnlyAddressWarning, testUserEmail, testUserEmailNote } from '../../src/shared/scimAddress'

describe('SCIM addresses', () => {
  it('always gives JumpCloud Dialpad’s Base URL, whatever address the checks use', () => {
    expect(jumpCloudBaseUrl('production')).toBe('https://dialpad.com/scim')
    expect(jumpCloudBaseUrl('sandbox')).toBe('https://sandbox.dialpad.com/scim')
    expect(scimCheckAddress({ baseUrlMode: 'custom', customBaseUrl: ' http://127.0.0.1:8080/scim ' }, 'production')).toEqual({ url: 'http://127.0.0.1:8080/scim', testOnly: true })
    expect(scimCheckAddress({ baseUrlMode: 'environment', customBaseUrl: 'http://127.0.0.1:8080/scim' }, 'sandbox')).toEqual({ url: 'https://sandbox.dialpad.com/scim', testOnly: false })
    expect(testOnlyAddressWarning('http://127.0.0.1:8080/scim', 'production')).toContain("JumpCloud's Base URL must still be https://dialpad.com/scim")
  })

  it('refuses a plain http address off this computer', () => {
    expect(customAddressProblem('http://scim.example.com/scim')).toMatch(/Plain http:\/\/ is only allowed for this computer/)
    expect(customAddressProblem('http://127.0.0.1:9/scim')).toBeNull()
  })
})

describe('Test User Email', () => {
  it('suggests an address at the company domain, and keeps what the admin entered', () => {
    expect(testUserEmail('', 'acme.com')).toBe('jumpcloud-scim-test@acme.com')
    expect(testUserEmail(' jane.test@acme.com ', 'acme.com')).toBe('jane.test@acme.com')
    expect(testUserEmail('', null)).toBe('jumpcloud-scim-test@jumpcloud.com')
  })

  it('says nothing about an address at one of the company’s domains, in any case', () => {
    expect(testUserEmailNote('jumpcloud-scim-test@acme.com', ['acme.com'])).toBeNull()
    expect(testUserEmailNote('Test@ACME.org', ['acme.com', 'acme.org'])).toBeNull()
  })

  it('explains an address Dialpad would not take: another domain, jumpcloud.com without the secondary domain, not an address', () => {
    expect(testUserEmailNote('tester@elsewhere.example', ['acme.com', 'acme.org'])).toBe(
      'elsewhere.example is not one of your company’s domains (acme.com, acme.org). Dialpad takes users on the company’s domains: use an address at one of them, or add elsewhere.example under “Other email domains” if Dialpad has it as a secondary domain.',
    )
    expect(testUserEmailNote('jumpcloud-scim-test@jumpcloud.com', ['acme.com'])).toMatch(/^An @jumpcloud\.com address works only once Dialpad Support has added jumpcloud\.com/)
    expect(testUserEmailNote('tester', ['acme.com'])).toBe('Enter a whole email address, like jumpcloud-scim-test@acme.com.')
    expect(testUserEmailNote('tester@', [])).toBe('Enter a whole email address, like jumpcloud-scim-test@yourcompany.com.')
  })
})
