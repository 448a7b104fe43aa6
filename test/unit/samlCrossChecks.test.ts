import { describe, expect, it } from 'vitest'
import type { CertificateReport } from '../../src/shared/certificate'
import { type SamlCrossCheckInput, crossCheckSaml } from '../../src/shared/samlCrossChecks'
import { deriveSpValues } from '../../src/shared/spValues'

const CERT = 'MIIBcert'
const OTHER_CERT = 'MIIBother'
const SP = deriveSpValues('example.com', 'production')

function report(daysToExpiry: number, warnings: CertificateReport['warnings'] = []): CertificateReport {
  return {
    body: CERT,
    bodySingleLine: CERT,
    sha256: 'AA',
    sha1: 'BB',
    subject: 'CN=JumpCloud',
    issuer: 'CN=JumpCloud',
    selfSigned: true,
    serialNumber: '01',
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2031-01-01T00:00:00.000Z',
    daysToExpiry,
    keyType: 'RSA',
    keySize: 2048,
    keyDescription: 'RSA 2048-bit',
    signatureAlgorithm: 'sha256WithRSAEncryption',
    warnings,
  }
}

function allGood(): SamlCrossCheckInput {
  return {
    sp: SP,
    spCopiedToJumpCloud: { spEntityId: SP.spEntityId, acsUrl: SP.acsUrl },
    idp: {
      entityIdInput: 'JumpCloud',
      ssoUrlInput: 'https://sso.jumpcloud.com/saml2/dialpad',
      certificate: CERT,
      metadata: {
        fileName: 'metadata.xml',
        importedAt: '2026-11-22T10:00:00.000Z',
        entityId: 'JumpCloud',
        ssoUrl: 'https://sso.jumpcloud.com/saml2/dialpad',
        signingCertificates: [OTHER_CERT, CERT],
      },
    },
    certificate: report(400),
  }
}

const statusOf = (input: SamlCrossCheckInput) => Object.fromEntries(crossCheckSaml(input).map((step) => [step.id, step.status]))
const stepOf = (input: SamlCrossCheckInput, id: string) => crossCheckSaml(input).find((step) => step.id === id)!

describe('crossCheckSaml', () => {
  it('passes every check for a consistent setup', () => {
    expect(statusOf(allGood())).toEqual({
      'sp-values-in-jumpcloud': 'pass',
      'idp-values-complete': 'pass',
      'idp-values-match-metadata': 'pass',
      'certificate-matches-metadata': 'pass',
      'certificate-lifetime': 'pass',
    })
  })

  it('catches JumpCloud holding SP values for an older domain, and says what to set', () => {
    const input = { ...allGood(), sp: deriveSpValues('example.org', 'production') }
    const step = stepOf(input, 'sp-values-in-jumpcloud')
    expect(step.status).toBe('fail')
    expect(step.fix).toBe(
      "In JumpCloud, open the Dialpad app's SSO tab and set SP Entity ID to https://dialpad.com/api/saml/metadata/custom/example.org and ACS URL to https://dialpad.com/saml/sso/custom/example.org, then Save.",
    )
  })

  it('claims no more than it knows: the values copied for JumpCloud are for the domain (the app cannot see JumpCloud)', () => {
    const step = stepOf(allGood(), 'sp-values-in-jumpcloud')
    expect(step).toMatchObject({ status: 'pass', title: 'The SP values copied for JumpCloud are for your domain' })
  })

  it('warns when the SP values were never copied from the app', () => {
    expect(stepOf({ ...allGood(), spCopiedToJumpCloud: null }, 'sp-values-in-jumpcloud').status).toBe('warn')
  })

  it('fails when the certificate for Dialpad is not in JumpCloud’s metadata', () => {
    const input = allGood()
    input.idp = { ...input.idp, certificate: 'MIIBunrelated' }
    const step = stepOf(input, 'certificate-matches-metadata')
    expect(step.status).toBe('fail')
    expect(step.detail).toMatch(/not one of the 2 signing certificates in metadata\.xml/)
    expect(step.fix).toMatch(/Download the IDP Certificate/)
  })

  it('names each IdP value that differs from the metadata', () => {
    const input = allGood()
    input.idp = { ...input.idp, entityIdInput: 'jumpcloud', ssoUrlInput: 'https://sso.jumpcloud.com/saml2/dialpad-old' }
    const step = stepOf(input, 'idp-values-match-metadata')
    expect(step.status).toBe('fail')
    expect(step.detail).toContain('IdP Entity ID is “jumpcloud” but the metadata says “JumpCloud”')
    expect(step.detail).toContain('IdP SSO URL is https://sso.jumpcloud.com/saml2/dialpad-old but the metadata says https://sso.jumpcloud.com/saml2/dialpad')
  })

  it('skips the metadata comparisons when no metadata was imported', () => {
    const input = allGood()
    input.idp = { ...input.idp, metadata: null }
    expect(statusOf(input)).toMatchObject({ 'idp-values-match-metadata': 'skipped', 'certificate-matches-metadata': 'skipped' })
  })

  it.each([
    [400, 'pass'],
    [29, 'warn'],
    [0, 'warn'],
    // Warned, not failed: whether Dialpad checks the certificate's dates is not documented.
    [-1, 'warn'],
  ] as const)('judges a certificate with %i days left as %s', (days, status) => {
    expect(stepOf({ ...allGood(), certificate: report(days) }, 'certificate-lifetime').status).toBe(status)
  })

  it('warns about a certificate that is not valid yet, saying what is not documented', () => {
    const notYet = report(400, [{ code: 'not-yet-valid', message: 'not yet' }])
    expect(stepOf({ ...allGood(), certificate: notYet }, 'certificate-lifetime')).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('Whether Dialpad refuses logins signed with it is not documented'),
    })
  })

  it('lists what is missing when IdP values are incomplete', () => {
    const input = allGood()
    input.idp = { ...input.idp, entityIdInput: '', certificate: null }
    const step = stepOf(input, 'idp-values-complete')
    expect(step.status).toBe('fail')
    expect(step.fix).toMatch(/Enter the IdP Entity ID.*Import the IDP Certificate/)
  })
})
