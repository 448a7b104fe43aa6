import { beforeAll, describe, expect, it } from 'vitest'
import { importIdpMetadata } from '../../src/core/saml/metadataImport'
import { MetadataRefusedError } from '../../src/core/saml/idpMetadata'
import { type SsoResponseExpectations, validateSamlResponse } from '../../src/core/sso/response/validateSamlResponse'
import { deriveSpValues } from '../../src/shared/spValues'
import { jumpCloudMetadataXml } from '../support/idpMetadataXml'
import { buildResponseXml, makeTestIdp, type ResponseOptions, signResponseXml, type TestIdp, toBase64 } from '../support/samlTestIdp'
import { makeTestCertificate, type TestCertificate } from '../support/testCertificates'

/**
 * Class 6 of the hostile-input issue: a verdict never depends on the order of several values. Each case builds the
 * same document twice, with the repeated values in both orders, and both must get the same verdict (and, where it is
 * the point, the same message). The `email` attribute's own rule is the company-domains issue's; every other place
 * that could read "the first one" is here.
 */
const SP = deriveSpValues('example.com', 'production')
const NOW = new Date('2026-03-02T10:00:00Z')
const ISSUED = new Date(NOW.getTime() - 20_000)
const HOUR = 3600_000

let idp: TestIdp

beforeAll(async () => {
  idp = await makeTestIdp()
})

const expectations = (): SsoResponseExpectations => ({
  spEntityId: SP.spEntityId,
  acsUrl: SP.acsUrl,
  companyDomain: 'example.com',
  idpEntityId: 'JumpCloud',
  idpCertificate: idp.certificateBody,
  requestId: null,
})

/**
 * Replaces the one occurrence of `find` in the unsigned XML with `first` and `second` (then the reverse), followed by
 * `after` (what `find` ends with that must stay in place), and signs each.
 */
function both(options: Partial<ResponseOptions>, find: string, first: string, second: string, sign: 'assertion' | 'response' = 'assertion', after = ''): [string, string] {
  const xml = buildResponseXml(idp, SP, { issuedAt: ISSUED, ...options })
  if (xml.indexOf(find) < 0 || xml.indexOf(find) !== xml.lastIndexOf(find)) throw new Error(`must occur once: ${find}`)
  return [first + second, second + first].map((pair) => toBase64(signResponseXml(xml.replace(find, pair + after), idp, { sign }))) as [string, string]
}

const confirmation = (recipient: string, notOnOrAfter: Date) =>
  `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter.toISOString()}" Recipient="${recipient}"/></saml:SubjectConfirmation>`
const ORIGINAL_CONFIRMATION = (() => {
  const notOnOrAfter = new Date(ISSUED.getTime() + 5 * 60_000).toISOString()
  return `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" Recipient="${SP.acsUrl}"/></saml:SubjectConfirmation>`
})()

interface ResponseCase {
  name: string
  orders: () => [string, string]
  /** The verdict both orders must get: run.ok, and the step that decides it. */
  ok: boolean
  step: string
  status: 'pass' | 'fail' | 'warn'
}

const RESPONSES: ResponseCase[] = [
  {
    name: 'two bearer confirmations for Dialpad, one expired, one valid: valid (any one that holds)',
    orders: () => both({}, ORIGINAL_CONFIRMATION, confirmation(SP.acsUrl, new Date(NOW.getTime() - HOUR)), confirmation(SP.acsUrl, new Date(NOW.getTime() + HOUR))),
    ok: true,
    step: 'time-window',
    status: 'pass',
  },
  {
    name: 'two bearer confirmations for Dialpad, both expired: expired, with the same message',
    orders: () => both({}, ORIGINAL_CONFIRMATION, confirmation(SP.acsUrl, new Date(NOW.getTime() - HOUR)), confirmation(SP.acsUrl, new Date(NOW.getTime() - 2 * HOUR))),
    ok: false,
    step: 'time-window',
    status: 'fail',
  },
  {
    name: 'a valid confirmation for another address and an expired one for Dialpad: expired',
    orders: () => both({}, ORIGINAL_CONFIRMATION, confirmation('https://evil.example.net/acs', new Date(NOW.getTime() + HOUR)), confirmation(SP.acsUrl, new Date(NOW.getTime() - HOUR))),
    ok: false,
    step: 'time-window',
    status: 'fail',
  },
  {
    name: 'two confirmations, only one for Dialpad: the Recipient check passes in both orders',
    orders: () => both({}, ORIGINAL_CONFIRMATION, confirmation('https://evil.example.net/acs', new Date(NOW.getTime() + HOUR)), confirmation(SP.acsUrl, new Date(NOW.getTime() + HOUR))),
    ok: true,
    step: 'recipient',
    status: 'pass',
  },
  {
    name: 'two Issuer elements in the assertion (JumpCloud and another): refused in both orders',
    orders: () => both({}, '<saml:Issuer>JumpCloud</saml:Issuer><saml:Subject>', '<saml:Issuer>JumpCloud</saml:Issuer>', '<saml:Issuer>Attacker</saml:Issuer>', 'assertion', '<saml:Subject>'),
    ok: false,
    step: 'one-assertion',
    status: 'fail',
  },
  {
    name: 'two NameIDs (the user and the CEO): refused in both orders',
    orders: () => both({}, '<saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">jane.doe@example.com</saml:NameID>', '<saml:NameID>jane.doe@example.com</saml:NameID>', '<saml:NameID>ceo@example.com</saml:NameID>'),
    ok: false,
    step: 'one-assertion',
    status: 'fail',
  },
  {
    name: 'two Issuer elements on the Response: refused in both orders',
    orders: () => both({}, '<saml:Issuer>JumpCloud</saml:Issuer><samlp:Status>', '<saml:Issuer>JumpCloud</saml:Issuer>', '<saml:Issuer>Attacker</saml:Issuer>', 'assertion', '<samlp:Status>'),
    ok: false,
    step: 'one-assertion',
    status: 'fail',
  },
  {
    name: 'two AudienceRestrictions, only one naming Dialpad: refused in both orders (each must)',
    orders: () =>
      both(
        {},
        `<saml:AudienceRestriction><saml:Audience>${SP.spEntityId}</saml:Audience></saml:AudienceRestriction>`,
        `<saml:AudienceRestriction><saml:Audience>${SP.spEntityId}</saml:Audience></saml:AudienceRestriction>`,
        '<saml:AudienceRestriction><saml:Audience>https://other.example.net</saml:Audience></saml:AudienceRestriction>',
      ),
    ok: false,
    step: 'audience',
    status: 'fail',
  },
  {
    name: 'one AudienceRestriction with Dialpad and another audience: accepted in both orders',
    orders: () => both({}, `<saml:Audience>${SP.spEntityId}</saml:Audience>`, `<saml:Audience>${SP.spEntityId}</saml:Audience>`, '<saml:Audience>https://other.example.net</saml:Audience>'),
    ok: true,
    step: 'audience',
    status: 'pass',
  },
]

describe('SAML responses: the same verdict whatever the order of repeated values', () => {
  it.each(RESPONSES)('$name', async ({ orders, ok, step, status }) => {
    const [first, second] = orders()
    const results = await Promise.all([first, second].map((text) => validateSamlResponse({ text }, expectations(), { now: NOW })))
    for (const { run } of results) {
      expect(run.ok).toBe(ok)
      expect(run.steps.find((candidate) => candidate.id === step)?.status).toBe(status)
    }
    const decided = results.map(({ run }) => run.steps.find((candidate) => candidate.id === step))
    expect(decided[0]?.detail).toBe(decided[1]?.detail)
  })

  it('two StatusCodes (Success and Responder): never accepted, in either order', async () => {
    const [first, second] = both(
      {},
      '<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"></samlp:StatusCode>',
      '<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"></samlp:StatusCode>',
      '<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"></samlp:StatusCode>',
      'response',
    )
    for (const text of [first, second]) expect((await validateSamlResponse({ text }, expectations(), { now: NOW })).run.ok).toBe(false)
  })

  it('the decoded table lists every bearer confirmation and AuthnStatement, not the first one', async () => {
    const [first, second] = both({}, ORIGINAL_CONFIRMATION, confirmation(SP.acsUrl, new Date(NOW.getTime() + HOUR)), confirmation('https://other.example.net/acs', new Date(NOW.getTime() + 2 * HOUR)))
    const summaries = await Promise.all([first, second].map(async (text) => (await validateSamlResponse({ text }, expectations(), { now: NOW })).summary))
    for (const summary of summaries) {
      expect(summary?.subjectConfirmation.recipient?.split(', ').sort()).toEqual([SP.acsUrl, 'https://other.example.net/acs'].sort())
    }
    const authn = (instant: string) => `<saml:AuthnStatement AuthnInstant="${instant}"><saml:AuthnContext><saml:AuthnContextClassRef>x</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`
    const xml = buildResponseXml(idp, SP, { issuedAt: ISSUED })
    const original = /<saml:AuthnStatement[\s\S]*?<\/saml:AuthnStatement>/.exec(xml)![0]
    const signed = signResponseXml(xml.replace(original, authn('2026-03-02T09:00:00Z') + authn('2026-03-02T09:30:00Z')), idp)
    const { summary } = await validateSamlResponse({ text: toBase64(signed) }, expectations(), { now: NOW })
    expect(summary?.authnInstant).toBe('2026-03-02T09:00:00Z, 2026-03-02T09:30:00Z')
  })
})

describe('IdP metadata: the same values whatever the order, or a refusal instead of a guess', () => {
  let a: TestCertificate
  let b: TestCertificate
  const metadata = (xml: string) => importIdpMetadata('metadata.xml', xml, NOW)

  beforeAll(async () => {
    const notAfter = new Date('2030-01-01T00:00:00Z')
    ;[a, b] = await Promise.all([makeTestCertificate({ notAfter }), makeTestCertificate({ notAfter })])
  })

  it('two signing certificates valid equally long: the same one suggested in both orders', () => {
    const suggested = [[a, b], [b, a]].map(([x, y]) => {
      const read = metadata(jumpCloudMetadataXml({ certificates: [x.bodySingleLine, y.bodySingleLine] }))
      return read.certificates[read.suggestedCertificateIndex].sha256
    })
    expect(suggested[0]).toBe(suggested[1])
  })

  it('two different SSO URLs for HTTP-Redirect: refused in both orders, naming both', () => {
    const service = (location: string) => `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${location}"/>`
    const base = jumpCloudMetadataXml({ certificates: [a.bodySingleLine], bindings: ['HTTP-Redirect'] })
    const original = /<md:SingleSignOnService[^>]*\/>/.exec(base)![0]
    for (const pair of [
      [service('https://sso.jumpcloud.com/saml2/dialpad'), service('https://evil.example.net/saml2/dialpad')],
      [service('https://evil.example.net/saml2/dialpad'), service('https://sso.jumpcloud.com/saml2/dialpad')],
    ]) {
      const error = (() => {
        try {
          metadata(base.replace(original, pair.join('')))
        } catch (caught) {
          return caught
        }
      })()
      expect(error).toBeInstanceOf(MetadataRefusedError)
      expect((error as MetadataRefusedError).reason).toBe('several-sso-urls')
      expect((error as Error).message).toMatch(/2 different HTTP-Redirect SSO URLs .*sso\.jumpcloud\.com.*evil\.example\.net|evil\.example\.net.*sso\.jumpcloud\.com/)
    }
  })

  it('HTTP-POST listed before HTTP-Redirect: the same URL and binding in both orders', () => {
    const first = metadata(jumpCloudMetadataXml({ certificates: [a.bodySingleLine], bindings: ['HTTP-POST', 'HTTP-Redirect'] }))
    const second = metadata(jumpCloudMetadataXml({ certificates: [a.bodySingleLine], bindings: ['HTTP-Redirect', 'HTTP-POST'] }))
    expect([first.ssoUrl, first.ssoBinding]).toEqual([second.ssoUrl, second.ssoBinding])
  })

  it('two IDPSSODescriptors in one entity: refused instead of reading the first', () => {
    const xml = jumpCloudMetadataXml({ certificates: [a.bodySingleLine] })
    const descriptor = /<md:IDPSSODescriptor[\s\S]*<\/md:IDPSSODescriptor>/.exec(xml)![0]
    const doubled = xml.replace(descriptor, descriptor + descriptor.replace('https://sso.jumpcloud.com/saml2/dialpad', 'https://evil.example.net/saml2'))
    expect(() => metadata(doubled)).toThrow(/describes the identity provider 2 times/)
  })
})
