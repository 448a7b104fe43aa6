import { beforeAll, describe, expect, it } from 'vitest'
import { ReplayGuard, type SsoResponseExpectations, validateSamlResponse } from '../../src/core/sso/response/validateSamlResponse'
import { deriveSpValues } from '../../src/shared/spValues'
import { buildResponseXml, makeTestIdp, type ResponseOptions, signedResponse, signResponseXml, tamper, type TestIdp } from '../support/samlTestIdp'

/**
 * Setup mistakes an admin makes (not attacks): each gives one failing or warning step, naming the console and field
 * to change.
 */
const SP = deriveSpValues('example.com', 'production')
const NOW = new Date('2026-03-02T10:00:00Z')
const ISSUED = new Date('2026-03-02T09:59:40Z')

let idp: TestIdp
beforeAll(async () => {
  idp = await makeTestIdp()
})

function expectations(overrides: Partial<SsoResponseExpectations> = {}): SsoResponseExpectations {
  return { spEntityId: SP.spEntityId, acsUrl: SP.acsUrl, companyDomain: 'example.com', idpEntityId: 'JumpCloud', idpCertificate: idp.certificateBody, requestId: null, ...overrides }
}

async function stepOf(id: string, text: string, overrides: Partial<SsoResponseExpectations> = {}, guard?: ReplayGuard) {
  const { run } = await validateSamlResponse({ text }, expectations(overrides), { now: NOW, replayGuard: guard })
  return run.steps.find((step) => step.id === id)!
}

const signed = (options: Partial<ResponseOptions> = {}) => signedResponse(idp, SP, { issuedAt: ISSUED, ...options })

describe('field checks name the console and field to fix', () => {
  it('NameID that is not an email: set SAMLSubject NameID to email in JumpCloud', async () => {
    const step = await stepOf('name-id', signed({ nameId: 'jdoe', nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified' }))
    // Informational: whether Dialpad reads the NameID is not documented, so a problem there only warns.
    expect(step).toMatchObject({ status: 'warn', decisive: false, detail: 'NameID is “jdoe” (format unspecified), not an email address. JumpCloud’s SAMLSubject NameID is the user’s email unless changed.' })
    expect(step.fix).toBe('In JumpCloud, open the Dialpad app’s SSO tab and set SAMLSubject NameID to email, then Save.')
  })

  it('no NameID at all', async () => {
    expect(await stepOf('name-id', signed({ nameId: null, attributes: { email: ['jane.doe@example.com'] } }))).toMatchObject({ status: 'warn', detail: expect.stringContaining('has no NameID') })
  })

  it('email attribute missing: map email to email in the Attributes of the SSO tab', async () => {
    const step = await stepOf('email-attribute', signed({ attributes: { firstname: ['Jane'], lastname: ['Doe'] } }))
    expect(step).toMatchObject({ status: 'fail', detail: 'The assertion has no attribute named email. It has “firstname”, “lastname”.' })
    expect(step.fix).toBe('In JumpCloud, open the Dialpad app’s SSO tab and in Attributes, map the Service Provider Attribute Name email to the JumpCloud Attribute Name email, then Save.')
  })

  it('email in another domain than the company’s', async () => {
    const step = await stepOf('email-attribute', signed({ nameId: 'jane@contractor.net' }))
    expect(step).toMatchObject({ status: 'fail', decisive: true, detail: 'The email attribute is jane@contractor.net (domain contractor.net); your company’s domains are example.com, and it is not one of them.' })
    expect(step.fix).toMatch(/Company Email/)
  })

  it('the company domain is compared without regard to case', async () => {
    expect(await stepOf('email-attribute', signed({ nameId: 'Jane.Doe@Example.COM' }))).toMatchObject({ status: 'pass' })
  })

  it('several email values: a warning', async () => {
    expect(await stepOf('email-attribute', signed({ attributes: { email: ['jane.doe@example.com', 'jd@example.com'] } }))).toMatchObject({ status: 'warn', detail: expect.stringContaining('has 2 values') })
  })

  it('the company’s other email domains are accepted for the NameID and every email value', async () => {
    const response = signed({ nameId: 'jane@other.example', attributes: { email: ['jane@other.example', 'jane.doe@example.com'] } })
    expect(await stepOf('name-id', response)).toMatchObject({ status: 'warn', detail: expect.stringContaining('its domain other.example is not one of your company’s domains (example.com)') })
    expect(await stepOf('name-id', response, { otherEmailDomains: ['Other.Example'] })).toMatchObject({ status: 'pass', detail: 'NameID is jane@other.example (format emailAddress), in other.example.' })
    expect(await stepOf('email-attribute', response, { otherEmailDomains: ['other.example'] })).toMatchObject({ status: 'warn', detail: expect.stringContaining('all in your company’s domains') })
    expect(await stepOf('email-attribute', signed({ nameId: 'jane@other.example' }), { otherEmailDomains: ['other.example'] })).toMatchObject({ status: 'pass', detail: 'The email attribute is jane@other.example, in other.example.' })
  })

  it.each([
    ['foreign value last', ['jane.doe@example.com', 'jane@evil.example']],
    ['foreign value first', ['jane@evil.example', 'jane.doe@example.com']],
    ['foreign value in the middle', ['jane.doe@example.com', 'jane@evil.example', 'jd@other.example']],
  ])('several email values fail when any is foreign, whatever the order (%s)', async (_name, values) => {
    const step = await stepOf('email-attribute', signed({ attributes: { email: values } }), { otherEmailDomains: ['other.example'] })
    expect(step).toMatchObject({ status: 'fail', detail: expect.stringContaining(`1 of the ${values.length} email attribute values are outside them: jane@evil.example (domain evil.example)`) })
    expect(step.fix).toContain('add it to the company’s other email domains')
  })

  it('IdP Entity ID never entered: reports the Issuer and warns', async () => {
    const step = await stepOf('issuer', signed(), { idpEntityId: null })
    expect(step).toMatchObject({ status: 'warn', detail: expect.stringContaining('Issuer is “JumpCloud”. No IdP Entity ID was entered') })
    expect(step.fix).toMatch(/Dialpad’s SAML settings \(Admin Settings > My Company > Authentication > SAML\), make sure IdP Entity ID \(Issuer\) is “JumpCloud”/)
  })

  it('an Issuer with a trailing space is called out', async () => {
    expect(await stepOf('issuer', signed(), { idpEntityId: 'JumpCloud ' })).toMatchObject({ status: 'fail', detail: expect.stringContaining('(it has spaces before or after it)') })
  })

  it('Response and Assertion issued by different IdPs', async () => {
    const xml = signResponseXml(tamper(buildResponseXml(idp, SP, { issuedAt: ISSUED }), '<saml:Issuer>JumpCloud</saml:Issuer><samlp:Status>', '<saml:Issuer>Other</saml:Issuer><samlp:Status>'), idp)
    expect(await stepOf('issuer', xml)).toMatchObject({ status: 'fail', detail: expect.stringContaining('The Response says it comes from “Other”') })
  })

  it('no Destination: a warning pointing at the ACS URL', async () => {
    expect(await stepOf('destination', signed({ destination: null }))).toMatchObject({ status: 'warn', fix: expect.stringContaining(`set ACS URL to ${SP.acsUrl}`) })
  })

  it('no Audience', async () => {
    expect(await stepOf('audience', signed({ audience: null }))).toMatchObject({ status: 'fail', fix: expect.stringContaining(`set SP Entity ID to ${SP.spEntityId}`) })
  })

  it('an assertion that never expires: a warning', async () => {
    const step = await stepOf('time-window', signed({ notBefore: null, notOnOrAfter: null, recipient: null }))
    expect(step).toMatchObject({ status: 'warn', detail: expect.stringContaining('never expires') })
  })

  it('a signed assertion node-saml cannot process is refused with the library’s reason, not called tampered', async () => {
    const step = await stepOf('signature', signed({ notOnOrAfter: null }))
    expect(step).toMatchObject({ status: 'fail', detail: expect.stringContaining('The SAML library (node-saml) could not process the signed Assertion: Error parsing NotOnOrAfter') })
    expect(step.detail).not.toContain('changed after')
  })

  it('a time that is not a time', async () => {
    const xml = signResponseXml(tamper(buildResponseXml(idp, SP, { issuedAt: ISSUED, notBefore: null }), '<saml:Conditions ', '<saml:Conditions NotBefore="yesterday" '), idp)
    expect(await stepOf('time-window', xml)).toMatchObject({ status: 'fail', detail: 'Conditions NotBefore is yesterday, which is not a valid time.' })
  })

  it('the same IdP-initiated assertion used twice is a replay', async () => {
    const guard = new ReplayGuard()
    const xml = signed()
    expect(await stepOf('replay', xml, {}, guard)).toMatchObject({ status: 'pass' })
    expect(await stepOf('replay', xml, {}, guard)).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^Assertion _[0-9a-f]+ was already used/) })
  })

  it('a pasted response that answers a request: not compared, and said so', async () => {
    expect(await stepOf('in-response-to', signed({ inResponseTo: '_req-9' }))).toMatchObject({ status: 'skipped', detail: expect.stringContaining('answers request _req-9. No request ID was given') })
  })

  it('an encrypted assertion cannot be read', async () => {
    const xml = tamper(
      signed(),
      '</samlp:Status>',
      '</samlp:Status><saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/></saml:EncryptedAssertion>',
    )
    expect(await stepOf('one-assertion', xml)).toMatchObject({ status: 'fail', detail: expect.stringContaining('The assertion is encrypted') })
  })

  it('a damaged certificate in the setup is reported as such, not blamed on the response', async () => {
    const step = await stepOf('signature', signed(), { idpCertificate: 'MIIBbroken' })
    expect(step).toMatchObject({ status: 'fail', detail: expect.stringContaining('saved in this setup cannot be read') })
    expect(step.fix).toMatch(/download IDP Certificate/)
  })

  it('a response without a status code', async () => {
    const xml = signResponseXml(
      tamper(buildResponseXml(idp, SP, { issuedAt: ISSUED }), '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"></samlp:StatusCode></samlp:Status>', ''),
      idp,
    )
    expect(await stepOf('status', xml)).toMatchObject({ status: 'fail', detail: expect.stringContaining('has no StatusCode') })
  })
})

describe('a response captured earlier (sent to support hours later)', () => {
  it('fails the time window now, and passes when judged at the moment it was issued, saying so', async () => {
    const text = signed()
    const hoursLater = new Date(ISSUED.getTime() + 3 * 3_600_000)
    const now = await validateSamlResponse({ text }, expectations(), { now: hoursLater })
    expect(now.run.steps.find((step) => step.id === 'time-window')?.status).toBe('fail')

    const atIssue = await validateSamlResponse({ text }, expectations(), { now: hoursLater, judgeAtIssueInstant: true })
    const step = atIssue.run.steps.find((s) => s.id === 'time-window')
    expect(step?.status).toBe('pass')
    expect(step?.detail).toContain(`Judged at ${ISSUED.toISOString()}, when JumpCloud issued the response, as asked.`)
    expect(atIssue.run.checkedAt).toBe(hoursLater.toISOString())
  })
})
