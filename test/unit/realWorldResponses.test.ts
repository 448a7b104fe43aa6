import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CheckStatus } from '../../src/shared/checkRun'
import { importCertificate } from '../../src/core/saml/certificateImport'
import { type SsoResponseExpectations, validateSamlResponse } from '../../src/core/sso/response/validateSamlResponse'
import { makeTestCertificate } from '../support/testCertificates'

/**
 * Signed responses from real IdP deployments this project never produced (sources and licences in
 * test/fixtures/real-world-responses/README.md), checked against their own SP values at a time inside their window.
 */
const FIXTURES = join(__dirname, '../fixtures/real-world-responses')

interface RealResponse {
  idp: string
  file: string
  certificate: string
  expect: Omit<SsoResponseExpectations, 'idpCertificate'>
  now: string
  signed: 'response' | 'assertion' | 'both'
  /** Results that are not a plain pass, and why they are right. */
  outcomes: Partial<Record<string, { status: CheckStatus; detail: RegExp }>>
  /** A value inside the signed content, changed by one character for the tampering check. */
  signedValue: string
}

const SHA1 = { status: 'warn', detail: /RSA-SHA1, SHA-1\. SHA-1 is outdated/ } as const

const RESPONSES: RealResponse[] = [
  {
    idp: 'Okta',
    file: 'okta-response.xml',
    certificate: 'okta-signing.crt',
    expect: {
      spEntityId: '123',
      acsUrl: 'http://localhost:8080/v1/_saml_callback',
      companyDomain: 'scaleft.com',
      idpEntityId: 'http://www.okta.com/exk5zt0r12Edi4rD20h7',
      requestId: '_213843b4-0693-47b8-b2f6-c41e316015cc',
    },
    now: '2016-03-22T19:23:00Z',
    signed: 'both',
    outcomes: { 'email-attribute': { status: 'fail', detail: /It has “Email” instead/ } },
    signedValue: '>phoebe.simon@scaleft.com</saml2:NameID>',
  },
  {
    idp: 'Azure AD',
    file: 'azure-ad-response.xml',
    certificate: 'azure-ad-signing.crt',
    expect: {
      spEntityId: 'https://sso.dev.saturn.sfsrv.net',
      acsUrl: 'https://sso.dev.saturn.sfsrv.net/extauth/response/azure',
      companyDomain: 'outlook.com',
      idpEntityId: 'https://sts.windows.net/acb72633-aa5b-4728-893c-8566381b4d2b/',
      requestId: 'SF_b7da462a1472d80a7ee4e9751e542940',
    },
    now: '2015-05-22T17:20:00Z',
    signed: 'assertion',
    outcomes: {
      'name-id': { status: 'warn', detail: /\(format persistent\), not an email address/ },
      'email-attribute': { status: 'fail', detail: /It has “http:\/\/schemas\.xmlsoap\.org\/ws\/2005\/05\/identity\/claims\/emailaddress” instead/ },
    },
    signedValue: '<AttributeValue>Kaufman</AttributeValue>',
  },
  {
    idp: 'AD FS',
    file: 'adfs-response.xml',
    certificate: 'adfs-signing.pem',
    expect: {
      spEntityId: 'https://sso.dev.saturn.sfsrv.net',
      acsUrl: 'https://sso.dev.saturn.sfsrv.net/extauth/response/ssodev1',
      companyDomain: 'socialflow.com',
      idpEntityId: 'http://sso-01.socialflow.local/adfs/services/trust',
      requestId: 'SF_f78d11dfa1a0720293ba61e1e944f147',
    },
    now: '2015-05-15T14:08:00Z',
    signed: 'assertion',
    outcomes: {
      'signature-algorithm': SHA1,
      'name-id': { status: 'warn', detail: /has no NameID/ },
      'email-attribute': { status: 'fail', detail: /no attributes at all/ },
    },
    signedValue: '<Audience>https://sso.dev.saturn.sfsrv.net</Audience>',
  },
  {
    idp: 'OneLogin',
    file: 'onelogin-response.xml',
    certificate: 'onelogin-signing.crt',
    expect: {
      spEntityId: 'https://29ee6d2e.ngrok.io/saml/metadata',
      acsUrl: 'https://29ee6d2e.ngrok.io/saml/acs',
      companyDomain: 'kndr.org',
      idpEntityId: 'https://app.onelogin.com/saml/metadata/503983',
      requestId: 'id-d40c15c104b52691eccf0a2a5c8a15595be75423',
    },
    now: '2016-01-05T17:54:00Z',
    signed: 'response',
    outcomes: { 'signature-algorithm': SHA1, 'email-attribute': { status: 'fail', detail: /It has “User\.email” instead/ } },
    signedValue: '>Kinder</saml:AttributeValue>',
  },
  {
    idp: 'SecureWorks',
    file: 'secureworks-response.xml',
    certificate: 'secureworks-signing.crt',
    expect: {
      spEntityId: 'https://preview.docrocket-ross.test.octolabs.io/saml/metadata',
      acsUrl: 'https://preview.docrocket-ross.test.octolabs.io/saml/acs',
      companyDomain: 'secureworks.com',
      idpEntityId: 'https://idp.secureworks.com/SAML2',
      requestId: 'id-3992f74e652d89c3cf1efd6c7e472abaac9bc917',
    },
    now: '2017-04-21T13:13:00Z',
    signed: 'assertion',
    outcomes: { 'signature-algorithm': SHA1, 'email-attribute': { status: 'fail', detail: /no attributes at all/ } },
    signedValue: '>rkinder@secureworks.com</saml2:NameID>',
  },
  {
    idp: 'SimpleSAMLphp',
    file: 'simplesamlphp-response.xml.base64',
    certificate: 'simplesamlphp-signing.crt',
    expect: {
      spEntityId: 'https://pitbulk.no-ip.org/newonelogin/demo1/metadata.php',
      acsUrl: 'https://pitbulk.no-ip.org/newonelogin/demo1/index.php?acs',
      companyDomain: 'example.com',
      idpEntityId: 'https://pitbulk.no-ip.org/simplesaml/saml2/idp/metadata.php',
      requestId: 'ONELOGIN_5d9e319c1b8a67da48227964c28d280e7860f804',
    },
    now: '2014-03-21T13:42:00Z',
    signed: 'response',
    outcomes: {
      'signature-algorithm': SHA1,
      'name-id': { status: 'warn', detail: /\(format transient\), not an email address/ },
      'email-attribute': { status: 'fail', detail: /It has “mail” instead/ },
    },
    signedValue: '>test@example.com</saml:AttributeValue>',
  },
]

/** The structure and trust checks every real response must pass. */
const MUST_PASS = ['decode', 'status', 'one-assertion', 'signature', 'issuer', 'audience', 'destination', 'recipient', 'time-window', 'in-response-to']

const read = (name: string) => readFileSync(join(FIXTURES, name))

function responseXml(response: RealResponse): string {
  const text = read(response.file).toString('utf8')
  return response.file.endsWith('.base64') ? Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8') : text
}

/** The certificate as the app stores it after an import (the file goes through the real importer). */
function importedBody(file: string): string {
  const result = importCertificate({ bytes: read(file), fileName: file })
  if (result.kind !== 'certificate') throw new Error(`${file} should hold one certificate`)
  return result.certificate.bodySingleLine
}

function expectations(response: RealResponse, idpCertificate = importedBody(response.certificate)): SsoResponseExpectations {
  return { ...response.expect, idpCertificate }
}

describe.each(RESPONSES)('a real $idp response', (response) => {
  it('passes signature and structure, with the remaining results explained', async () => {
    const { run, summary } = await validateSamlResponse({ bytes: read(response.file) }, expectations(response), { now: new Date(response.now) })
    const byId = Object.fromEntries(run.steps.map((step) => [step.id, step]))
    for (const id of MUST_PASS) expect(byId[id], JSON.stringify(byId[id])).toMatchObject({ status: 'pass' })
    for (const [id, outcome] of Object.entries(response.outcomes)) {
      expect(byId[id]).toMatchObject({ status: outcome!.status, detail: expect.stringMatching(outcome!.detail) })
    }
    const unexplained = run.steps.filter((step) => !MUST_PASS.includes(step.id) && !(step.id in response.outcomes) && step.status !== 'pass' && step.id !== 'replay')
    expect(unexplained).toEqual([])
    expect(summary).toMatchObject({ verified: true, signed: response.signed, issuer: response.expect.idpEntityId })
  })

  it('fails once one character of the signed content is changed', async () => {
    const xml = responseXml(response)
    expect(xml.split(response.signedValue)).toHaveLength(2)
    const changed = xml.replace(response.signedValue, response.signedValue.replace(/>(.)/, (_, first: string) => `>${first === 'X' ? 'Y' : 'X'}`))
    const { run, summary } = await validateSamlResponse({ text: changed }, expectations(response), { now: new Date(response.now) })
    expect(run.steps.find((step) => step.id === 'signature')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/does not verify with the imported certificate/) })
    expect(run.ok).toBe(false)
    expect(summary?.verified).toBe(false)
  })

  describe('checked against another certificate', () => {
    let other: string
    beforeAll(async () => {
      other = (await makeTestCertificate({ commonName: 'Not the IdP' })).bodySingleLine
    })

    it('fails the signature step', async () => {
      const { run } = await validateSamlResponse({ bytes: read(response.file) }, expectations(response, other), { now: new Date(response.now) })
      expect(run.steps.find((step) => step.id === 'signature')).toMatchObject({
        status: 'fail',
        detail: expect.stringMatching(/signed with a different certificate|does not verify with the imported certificate/),
      })
    })
  })
})
