import { beforeAll, describe, expect, it } from 'vitest'
import { validateSamlResponse } from '../../src/core/sso/response/validateSamlResponse'
import { MAX_SUMMARY_ATTRIBUTE_VALUES, MAX_SUMMARY_ATTRIBUTES, MAX_SUMMARY_TEXT_CHARS, SsoResponseCheck } from '../../src/shared/ssoResponse'
import { deriveSpValues } from '../../src/shared/spValues'
import { buildResponseXml, makeTestIdp, signedResponse, signResponseXml, tamper, type TestIdp, toBase64 } from '../support/samlTestIdp'

/** The decoded response support staff read in the table: complete, honest about trust, bounded, and never the response itself. */
const SP = deriveSpValues('example.com', 'production')
const NOW = new Date('2026-03-02T10:00:00Z')
const ISSUED = new Date('2026-03-02T09:59:40Z')

let idp: TestIdp
beforeAll(async () => {
  idp = await makeTestIdp()
})

const validate = (text: string, requestId: string | null = '_req-7') =>
  validateSamlResponse(
    { text },
    { spEntityId: SP.spEntityId, acsUrl: SP.acsUrl, companyDomain: 'example.com', idpEntityId: 'JumpCloud', idpCertificate: idp.certificateBody, requestId },
    { now: NOW },
  )

describe('the decoded response summary', () => {
  it('shows every value of the table, read from the signed assertion', async () => {
    const unsigned = tamper(
      buildResponseXml(idp, SP, {
        issuedAt: ISSUED,
        responseId: '_response-1',
        assertionId: '_assertion-1',
        inResponseTo: '_req-7',
        attributes: { email: ['jane.doe@example.com'], groups: ['Sales', 'Support'] },
      }),
      '<saml:Attribute Name="groups"',
      '<saml:Attribute FriendlyName="Groups" Name="groups"',
    )
    const { run, summary } = await validate(toBase64(signResponseXml(unsigned, idp, { sign: 'both' })))
    expect(run.ok).toBe(true)
    expect(summary).toEqual({
      verified: true,
      signed: 'both',
      signatures: [
        { element: 'response', signatureAlgorithm: 'RSA-SHA256', digestAlgorithm: 'SHA-256', verified: true },
        { element: 'assertion', signatureAlgorithm: 'RSA-SHA256', digestAlgorithm: 'SHA-256', verified: true },
      ],
      responseId: '_response-1',
      destination: SP.acsUrl,
      inResponseTo: '_req-7',
      issueInstant: '2026-03-02T09:59:40.000Z',
      responseIssuer: 'JumpCloud',
      status: { code: 'Success', subCode: null, message: null },
      assertionId: '_assertion-1',
      issuer: 'JumpCloud',
      nameId: 'jane.doe@example.com',
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      subjectConfirmation: { recipient: SP.acsUrl, notOnOrAfter: '2026-03-02T10:04:40.000Z', inResponseTo: '_req-7' },
      conditions: { notBefore: '2026-03-02T09:54:40.000Z', notOnOrAfter: '2026-03-02T10:04:40.000Z' },
      audiences: [SP.spEntityId],
      authnInstant: '2026-03-02T09:59:40.000Z',
      sessionIndex: expect.stringMatching(/^_[0-9a-f]{32}$/),
      attributes: [
        { name: 'email', values: ['jane.doe@example.com'] },
        { name: 'groups', friendlyName: 'Groups', values: ['Sales', 'Support'] },
      ],
      truncated: false,
    })
  })

  it('marks content no signature vouches for as unverified, and still shows it', async () => {
    const forged = tamper(signedResponse(idp, SP, { issuedAt: ISSUED, inResponseTo: '_req-7' }), '>jane.doe@example.com</saml:NameID>', '>ceo@example.com</saml:NameID>')
    const { summary } = await validate(forged)
    expect(summary).toMatchObject({
      verified: false,
      signed: null,
      signatures: [{ element: 'assertion', signatureAlgorithm: 'RSA-SHA256', verified: false }],
      nameId: 'ceo@example.com',
    })
  })

  it('shows the IdP’s status and message for an error response', async () => {
    const error = buildResponseXml(idp, SP, { issuedAt: ISSUED, withoutAssertion: true, status: { code: 'Responder', subCode: 'AuthnFailed', message: 'Password expired' } })
    const { summary } = await validate(error)
    expect(summary).toMatchObject({ verified: false, status: { code: 'Responder', subCode: 'AuthnFailed', message: 'Password expired' }, nameId: null, attributes: [] })
  })

  it('stays bounded for a hostile response: attributes, values and text are capped, and it says so', async () => {
    const attributes: Record<string, string[]> = { email: ['jane.doe@example.com'], many: Array.from({ length: 30 }, (_, i) => `v${i}`), long: ['x'.repeat(5000)] }
    for (let i = 0; i < 150; i++) attributes[`a${i}`] = [String(i)]
    const { summary, run } = await validate(signedResponse(idp, SP, { issuedAt: ISSUED, inResponseTo: '_req-7', attributes }))
    expect(run.ok).toBe(true)
    expect(summary!.truncated).toBe(true)
    expect(summary!.attributes).toHaveLength(MAX_SUMMARY_ATTRIBUTES)
    expect(summary!.attributes.find((attribute) => attribute.name === 'many')!.values).toHaveLength(MAX_SUMMARY_ATTRIBUTE_VALUES)
    expect(summary!.attributes.find((attribute) => attribute.name === 'long')!.values[0]).toHaveLength(MAX_SUMMARY_TEXT_CHARS)
  })

  it('fits the shared schema, and never carries the response itself', async () => {
    const xml = signedResponse(idp, SP, { issuedAt: ISSUED, inResponseTo: '_req-7' })
    const result = await validate(toBase64(xml))
    expect(SsoResponseCheck.parse(result)).toEqual(result)
    const stored = JSON.stringify(result)
    const signatureValue = /<ds:SignatureValue>([^<]+)</.exec(xml)![1]
    expect(stored).not.toContain(signatureValue.slice(0, 40))
    expect(stored).not.toContain(toBase64(xml).slice(0, 40))
    expect(stored).not.toContain('<saml:Assertion')
  })
})
