import { beforeAll, describe, expect, it } from 'vitest'
import type { CheckStep } from '../../src/shared/checkRun'
import { deriveSpValues } from '../../src/shared/spValues'
import {
  ReplayGuard,
  type SamlResponseInput,
  type SsoResponseExpectations,
  validateSamlResponse,
} from '../../src/core/sso/response/validateSamlResponse'
import { buildResponseXml, makeTestIdp, signedResponse, type ResponseOptions, type SignOptions, tamper, type TestIdp, toBase64, wrap } from '../support/samlTestIdp'

/**
 * Every attack the issue lists, and the valid shapes a real IdP sends, as one table. Each attack must fail at a
 * specific step, with a message that says what happened; every step before it must have passed, so the admin reads
 * the root cause first.
 */
const SP = deriveSpValues('example.com', 'production')
const NOW = new Date('2026-03-02T10:00:00Z')
const REQUEST_ID = '_a1b2c3d4e5f60718293a4b5c6d7e8f90'
const ISSUED = new Date(NOW.getTime() - 20_000)
const MINUTE = 60_000

let idp: TestIdp
let attacker: TestIdp

beforeAll(async () => {
  idp = await makeTestIdp()
  // Same entity ID and name as JumpCloud's: only the key differs, as in a forgery.
  attacker = await makeTestIdp()
})

const response = (options: Partial<ResponseOptions> = {}, sign: SignOptions = {}) =>
  signedResponse(idp, SP, { issuedAt: ISSUED, inResponseTo: REQUEST_ID, ...options }, sign)

interface Case {
  name: string
  input: () => string | SamlResponseInput
  expectations?: Partial<SsoResponseExpectations>
  /** Validate once with the same guard before the case (the replay attack). */
  replayOf?: boolean
}

interface ValidCase extends Case {
  signed: 'assertion' | 'response' | 'both'
  warns?: string[]
}

interface AttackCase extends Case {
  failsAt: string
  detail: RegExp[]
  fix?: RegExp
}

const VALID: ValidCase[] = [
  { name: 'signed assertion only (JumpCloud’s default)', input: () => toBase64(response()), signed: 'assertion' },
  { name: 'signed response only', input: () => toBase64(response({}, { sign: 'response' })), signed: 'response' },
  { name: 'both signed', input: () => toBase64(response({}, { sign: 'both' })), signed: 'both' },
  {
    name: 'IdP-initiated, without InResponseTo',
    input: () => toBase64(response({ inResponseTo: null })),
    expectations: { requestId: null },
    signed: 'assertion',
  },
  { name: 'raw XML instead of base64', input: () => response(), signed: 'assertion' },
  {
    name: 'expired one minute ago, inside the stated clock skew',
    input: () => toBase64(response({ notOnOrAfter: new Date(NOW.getTime() - MINUTE) })),
    signed: 'assertion',
  },
  { name: 'SHA-1 signature: accepted with a warning', input: () => toBase64(response({}, { algorithm: 'sha1' })), signed: 'assertion', warns: ['signature-algorithm'] },
]

const ATTACKS: AttackCase[] = [
  {
    name: 'signed by another key, carrying its certificate',
    input: () => toBase64(signedResponse(attacker, SP, { issuedAt: ISSUED, inResponseTo: REQUEST_ID })),
    failsAt: 'signature',
    detail: [/signed with a different certificate \(CN=JumpCloud/, /than the one imported for Dialpad/],
    fix: /download the IDP Certificate again.*did not sign this response/,
  },
  {
    name: 'signed by another key, no certificate in KeyInfo',
    input: () => toBase64(signedResponse(attacker, SP, { issuedAt: ISSUED, inResponseTo: REQUEST_ID }, { keyInfo: false })),
    failsAt: 'signature',
    detail: [/does not verify with the imported certificate/, /signed with a key other than the imported certificate’s/],
  },
  {
    name: 'attribute changed after signing',
    input: () => toBase64(tamper(response(), '<saml:AttributeValue xsi:type="xs:string">jane.doe@example.com<', '<saml:AttributeValue xsi:type="xs:string">ceo@example.com<')),
    failsAt: 'signature',
    detail: [/Assertion signature does not verify/, /was changed after it was signed/],
    fix: /Do not trust this response/,
  },
  {
    name: 'NameID changed after signing',
    input: () => toBase64(tamper(response(), '>jane.doe@example.com</saml:NameID>', '>ceo@example.com</saml:NameID>')),
    failsAt: 'signature',
    detail: [/was changed after it was signed/],
  },
  {
    name: 'Destination changed on a signed Response',
    input: () => toBase64(tamper(response({}, { sign: 'response' }), `Destination="${SP.acsUrl}"`, 'Destination="https://evil.example.net/acs"')),
    failsAt: 'signature',
    detail: [/Response signature does not verify/],
  },
  {
    name: 'both signed, Response changed after signing (the assertion signature still verifies)',
    input: () => toBase64(tamper(response({}, { sign: 'both' }), `Destination="${SP.acsUrl}"`, 'Destination="https://evil.example.net/acs"')),
    failsAt: 'signature',
    detail: [/Response signature does not verify/, /Assertion signature did verify, but a broken signature anywhere/],
  },
  {
    name: 'wrapping: signed assertion moved into Extensions, unsigned one in its place',
    input: () => wrap.signedAssertionMovedToExtensions(response(), 'ceo@example.com'),
    failsAt: 'one-assertion',
    detail: [/holds 2 assertions/, /signature-wrapping/],
    fix: /Do not trust this response/,
  },
  {
    name: 'wrapping: unsigned assertion injected before the signed one',
    input: () => toBase64(wrap.unsignedAssertionInjected(response(), 'ceo@example.com')),
    failsAt: 'one-assertion',
    detail: [/holds 2 assertions/],
  },
  {
    name: 'wrapping: assertion replaced, its signature left elsewhere',
    input: () => toBase64(wrap.signatureLeftBehind(response(), 'ceo@example.com')),
    failsAt: 'signature',
    detail: [/holds a signature somewhere else/, /signature wrapping/],
  },
  {
    name: 'wrapping: signed Response moved inside an unsigned one',
    input: () => toBase64(wrap.signedResponseWrapped(response({}, { sign: 'response' }), 'ceo@example.com')),
    failsAt: 'one-assertion',
    detail: [/holds 2 assertions/],
  },
  {
    name: 'unsigned response',
    input: () => toBase64(buildResponseXml(idp, SP, { issuedAt: ISSUED, inResponseTo: REQUEST_ID })),
    failsAt: 'signature',
    detail: [/not signed: neither the Response nor the Assertion carries a signature/],
    fix: /SSO tab and make sure the assertion or the response is signed/,
  },
  {
    name: 'two assertions, each signed by the IdP',
    input: () => {
      const second = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(response({ nameId: 'ceo@example.com' }))![0]
      return toBase64(tamper(response(), '</samlp:Response>', `${second}</samlp:Response>`))
    },
    failsAt: 'one-assertion',
    detail: [/holds 2 assertions; this check accepts exactly one/],
  },
  {
    name: 'expired assertion',
    input: () => toBase64(response({ issuedAt: new Date(NOW.getTime() - 60 * MINUTE) })),
    failsAt: 'time-window',
    detail: [/expired at 2026-03-02T09:05:00.000Z/, /55 minutes before now/],
    fix: /Sign in again to capture a fresh response/,
  },
  {
    name: 'not yet valid assertion',
    input: () => toBase64(response({ issuedAt: new Date(NOW.getTime() + 60 * MINUTE) })),
    failsAt: 'time-window',
    detail: [/not valid until 2026-03-02T10:55:00.000Z \(Conditions NotBefore\), 55 minutes after now/],
    fix: /clock/,
  },
  {
    name: 'wrong Audience (misspelt domain)',
    input: () => toBase64(response({ audience: 'https://dialpad.com/api/saml/metadata/custom/exampel.com' })),
    failsAt: 'audience',
    detail: [/Audience is https:\/\/dialpad\.com\/api\/saml\/metadata\/custom\/exampel\.com \(it is for the domain exampel\.com, not example\.com\)/],
    fix: /In JumpCloud, open the Dialpad app’s SSO tab and set SP Entity ID to https:\/\/dialpad\.com\/api\/saml\/metadata\/custom\/example\.com, then Save\./,
  },
  {
    name: 'wrong Audience (the Sandbox value)',
    input: () => toBase64(response({ audience: deriveSpValues('example.com', 'sandbox').spEntityId })),
    failsAt: 'audience',
    detail: [/it is the Dialpad Sandbox value/],
  },
  {
    name: 'wrong Destination',
    input: () => toBase64(response({ destination: 'https://evil.example.net/saml/sso/custom/example.com' })),
    failsAt: 'destination',
    detail: [/Destination is https:\/\/evil\.example\.net\/saml\/sso\/custom\/example\.com \(it points to evil\.example\.net, not dialpad\.com\)/],
    fix: /set ACS URL to https:\/\/dialpad\.com\/saml\/sso\/custom\/example\.com/,
  },
  {
    name: 'wrong Recipient',
    input: () => toBase64(response({ recipient: 'https://dialpad.com/saml/sso/custom/example.com/' })),
    failsAt: 'recipient',
    detail: [/Recipient is https:\/\/dialpad\.com\/saml\/sso\/custom\/example\.com\/ \(only a slash at the end differs\)/],
    fix: /set ACS URL to https:\/\/dialpad\.com\/saml\/sso\/custom\/example\.com/,
  },
  {
    name: 'wrong Issuer',
    input: () => toBase64(response({ issuer: 'jumpcloud' })),
    failsAt: 'issuer',
    detail: [/Issuer is “jumpcloud”, but Dialpad’s IdP Entity ID is “JumpCloud” \(only upper and lower case differ/],
    fix: /Dialpad’s SAML settings.*IdP Entity ID \(Issuer\) to “jumpcloud”.*SSO tab and set IdP Entity ID to “JumpCloud”/,
  },
  {
    name: 'non-Success status, with the IdP’s message',
    input: () =>
      toBase64(
        buildResponseXml(idp, SP, {
          issuedAt: ISSUED,
          inResponseTo: REQUEST_ID,
          withoutAssertion: true,
          status: { code: 'Responder', subCode: 'RequestDenied', message: 'User is not assigned to this application' },
        }),
      ),
    failsAt: 'status',
    detail: [/answered “Responder” \/ “RequestDenied” with the message “User is not assigned to this application”/],
    fix: /User Group that has the Dialpad app/,
  },
  {
    name: 'replayed response (same InResponseTo twice)',
    input: () => toBase64(response({ responseId: '_replayed-response', assertionId: '_replayed-assertion' })),
    replayOf: true,
    failsAt: 'replay',
    detail: [new RegExp(`Request ${REQUEST_ID} was already answered`)],
    fix: /accepted once/,
  },
  {
    name: 'answers another login’s request',
    input: () => toBase64(response({ inResponseTo: '_someone-elses-request' })),
    failsAt: 'in-response-to',
    detail: [/answers request _someone-elses-request, not this login’s request/],
  },
  {
    name: 'IdP-initiated response where this login sent a request',
    input: () => toBase64(response({ inResponseTo: null })),
    failsAt: 'in-response-to',
    detail: [/answers no request \(no InResponseTo\)/],
  },
  {
    name: 'malformed base64',
    input: () => `${toBase64(response()).slice(0, 200)}$$$`,
    failsAt: 'decode',
    detail: [/not valid base64/, /“\$” \(U\+0024\) at character 201/],
  },
  {
    name: 'base64 cut short',
    input: () => toBase64(response()).slice(0, 401),
    failsAt: 'decode',
    detail: [/cut short/],
  },
  {
    name: 'malformed XML',
    input: () => toBase64(response().slice(0, 500)),
    failsAt: 'decode',
    detail: [/not well-formed XML/, /cut off or changed while copying/],
  },
  {
    name: 'DTD with entity expansion (billion laughs)',
    input: () =>
      toBase64(
        `<?xml version="1.0"?><!DOCTYPE samlp:Response [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>${tamper(response(), '<saml:AttributeValue xsi:type="xs:string">jane.doe@example.com<', '<saml:AttributeValue xsi:type="xs:string">&lol2;<')}`,
      ),
    failsAt: 'decode',
    detail: [/contains a <!DOCTYPE> declaration/, /entity attacks/],
  },
  {
    name: 'external entity (XXE) in raw XML',
    input: () => `<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${response()}`,
    failsAt: 'decode',
    detail: [/<!DOCTYPE> declaration/],
  },
  {
    name: 'entity declaration without a DOCTYPE',
    input: () => toBase64(`<!ENTITY x "y">${response()}`),
    failsAt: 'decode',
    detail: [/<!ENTITY> declaration/],
  },
  {
    name: 'oversize input',
    input: () => toBase64(tamper(response(), '</samlp:Response>', `<!-- ${'x'.repeat(600 * 1024)} --></samlp:Response>`)),
    failsAt: 'decode',
    detail: [/larger than the 512 KiB a SAML response can be/],
  },
  {
    name: 'oversize file',
    input: () => ({ bytes: new Uint8Array(513 * 1024).fill(0x41) }),
    failsAt: 'decode',
    detail: [/The input is larger than the 512 KiB/],
  },
]

function expectations(overrides: Partial<SsoResponseExpectations> = {}): SsoResponseExpectations {
  return {
    spEntityId: SP.spEntityId,
    acsUrl: SP.acsUrl,
    companyDomain: 'example.com',
    idpEntityId: 'JumpCloud',
    idpCertificate: idp.certificateBody,
    requestId: REQUEST_ID,
    ...overrides,
  }
}

async function validate(testCase: Case) {
  const guard = new ReplayGuard()
  const raw = testCase.input()
  const input = typeof raw === 'string' ? { text: raw } : raw
  if (testCase.replayOf) {
    const first = await validateSamlResponse(input, expectations(testCase.expectations), { now: NOW, replayGuard: guard })
    expect(first.run.ok).toBe(true)
  }
  return validateSamlResponse(input, expectations(testCase.expectations), { now: NOW, replayGuard: guard })
}

const statusOf = (steps: CheckStep[]) => Object.fromEntries(steps.map((step) => [step.id, step.status]))

describe('SAML response validation accepts what a real IdP sends', () => {
  it.each(VALID)('$name', async (testCase) => {
    const { run, summary } = await validate(testCase)
    const problems = run.steps.filter((step) => step.status !== 'pass' && !(testCase.warns ?? []).includes(step.id))
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([])
    expect(run.ok).toBe(true)
    for (const id of testCase.warns ?? []) expect(statusOf(run.steps)[id]).toBe('warn')
    expect(summary).toMatchObject({ verified: true, signed: testCase.signed, nameId: 'jane.doe@example.com', issuer: 'JumpCloud' })
  })
})

describe('SAML response validation rejects tampered and hostile responses', () => {
  it.each(ATTACKS)('$name', async (testCase) => {
    const { run, summary } = await validate(testCase)
    expect(run.ok).toBe(false)
    const failing = run.steps.find((step) => step.status === 'fail')!
    expect(failing.id, JSON.stringify(failing, null, 2)).toBe(testCase.failsAt)
    for (const pattern of testCase.detail) expect(failing.detail).toMatch(pattern)
    if (testCase.fix) expect(failing.fix).toMatch(testCase.fix)
    expect(failing.fix, 'every failure says what to do').toBeTruthy()

    const index = run.steps.indexOf(failing)
    expect(run.steps.slice(0, index).every((step) => step.status === 'pass' || step.status === 'warn')).toBe(true)
    const blocking = ['decode', 'status', 'one-assertion', 'signature'].includes(failing.id)
    if (blocking) {
      // Nothing after a blocking failure is presented as checked, and no unverified content is called verified.
      expect(run.steps.slice(index + 1).every((step) => step.status === 'skipped')).toBe(true)
      expect(summary?.verified ?? false).toBe(false)
    }
  })

  it('a rejected response leaves the replay memory alone: the genuine response still passes afterwards', async () => {
    const guard = new ReplayGuard()
    const genuine = response()
    const forged = tamper(genuine, '>jane.doe@example.com</saml:NameID>', '>ceo@example.com</saml:NameID>')
    const rejected = await validateSamlResponse({ text: forged }, expectations(), { now: NOW, replayGuard: guard })
    expect(rejected.run.ok).toBe(false)
    const accepted = await validateSamlResponse({ text: genuine }, expectations(), { now: NOW, replayGuard: guard })
    expect(statusOf(accepted.run.steps).replay).toBe('pass')
    expect(accepted.run.ok).toBe(true)
  })

  it('reads the whole signed NameID when a comment splits it (the CVE-2017-11427 trick)', async () => {
    const signed = response({ nameId: 'jane.doe@example.com.evil.net', attributes: { email: ['jane.doe@example.com.evil.net'] } })
    const split = tamper(signed, '>jane.doe@example.com.evil.net</saml:NameID>', '>jane.doe@example.com<!---->.evil.net</saml:NameID>')
    const { run, summary } = await validateSamlResponse({ text: split }, expectations(), { now: NOW })
    expect(statusOf(run.steps).signature).toBe('pass')
    expect(summary?.nameId).toBe('jane.doe@example.com.evil.net')
    expect(run.steps.find((step) => step.id === 'email-attribute')).toMatchObject({ status: 'fail', detail: expect.stringContaining('jane.doe@example.com.evil.net (domain example.com.evil.net); your company’s domains are example.com') })
  })
})
