import { X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { useTempDirs } from '../support/tempDir'
import { runCliCaptured } from './support/cliRun'

/**
 * The CLI on certificates and metadata published by real IdPs (sources in test/fixtures/real-world/README.md).
 * The clock is fixed so the expiry warnings of these real certificates do not change with the date the tests run.
 */
const FIXTURES = join(__dirname, '../fixtures/real-world')
const NOW = new Date('2026-06-01T00:00:00Z')

interface CertificateJson {
  body: string
  bodySingleLine: string
  sha256: string
  subject: string
  issuer: string
  notBefore: string
  notAfter: string
  warnings: { code: string; message: string }[]
}

interface MetadataJson {
  idpEntityId: string
  ssoUrl: string
  ssoBinding: string
  suggestedCertificateIndex: number
  certificates: CertificateJson[]
  ready: boolean
  problems: { field: string; level: 'error' | 'warning'; message: string }[]
}

const run = (argv: string[]) => runCliCaptured(argv)

const fixture = (name: string) => join(FIXTURES, name)

/** The body is Dialpad-ready and decodes to the very certificate the JSON describes. */
function expectDialpadReady(certificate: CertificateJson): X509Certificate {
  expect(certificate.body).not.toContain('BEGIN')
  const lines = certificate.body.split('\n')
  expect(lines.every((line) => line.length <= 64 && /^[A-Za-z0-9+/=]+$/.test(line))).toBe(true)
  expect(lines.slice(0, -1).every((line) => line.length === 64)).toBe(true)
  expect(lines.join('')).toBe(certificate.bodySingleLine)
  const der = Buffer.from(certificate.body.replace(/\n/g, ''), 'base64')
  expect(der.toString('base64')).toBe(certificate.bodySingleLine)
  const parsed = new X509Certificate(der)
  expect(parsed.fingerprint256).toBe(certificate.sha256)
  expect(new Date(parsed.validToDate).toISOString()).toBe(certificate.notAfter)
  return parsed
}

/** What the file itself holds: every X509Certificate text without whitespace (or &#13;), to check nothing was altered. */
function base64InFile(name: string): string {
  return readFileSync(fixture(name), 'utf8').replace(/&#13;|&#xD;|\s+/gi, '')
}

interface MetadataCase {
  file: string
  entityId: string
  ssoUrl: string
  binding: 'HTTP-Redirect' | 'HTTP-POST'
  subjects: string[]
  suggested: number
  /** Warning codes per certificate, at NOW. */
  warnings: string[][]
}

const METADATA: MetadataCase[] = [
  {
    file: 'okta-metadata.xml',
    entityId: 'http://www.okta.com/exkppsa1qwuFV4D7z0h7',
    ssoUrl: 'https://dev-513394.oktapreview.com/app/rstudioincdev513394_dev_1/exkppsa1qwuFV4D7z0h7/sso/saml',
    binding: 'HTTP-Redirect',
    subjects: ['CN=dev-513394'],
    suggested: 0,
    warnings: [[]],
  },
  {
    file: 'onelogin-metadata.xml',
    entityId: 'https://app.onelogin.com/saml/metadata/503983',
    ssoUrl: 'https://app.onelogin.com/trust/saml2/http-post/sso/503983',
    binding: 'HTTP-POST',
    subjects: ['CN=OneLogin Account 32614'],
    suggested: 0,
    warnings: [['expired', 'sha1-signature']],
  },
  {
    file: 'secureworks-metadata.xml',
    entityId: 'https://idp.secureworks.com/SAML2',
    ssoUrl: 'https://idp.secureworks.com/SAML2/SSO/POST',
    binding: 'HTTP-POST',
    subjects: ['CN=idp.secureworks.com-signature'],
    suggested: 0,
    warnings: [['expired']],
  },
  {
    file: 'adfs-ucar-federationmetadata.xml',
    entityId: 'https://sts.ucar.edu/adfs/services/trust',
    ssoUrl: 'https://sts.ucar.edu/adfs/ls/',
    binding: 'HTTP-Redirect',
    subjects: ['CN=ADFS Signing - sts.ucar.edu'],
    suggested: 0,
    warnings: [['expired']],
  },
  {
    file: 'azure-ad-federationmetadata.xml',
    entityId: 'https://sts.windows.net/81c1df79-e153-4f9d-a101-8dcf04af6c2c/',
    ssoUrl: 'https://login.microsoftonline.com/81c1df79-e153-4f9d-a101-8dcf04af6c2c/saml2',
    binding: 'HTTP-Redirect',
    subjects: ['CN=Microsoft Azure Federated SSO Certificate', 'CN=Microsoft Azure Federated SSO Certificate'],
    suggested: 1,
    warnings: [['expired'], []],
  },
  {
    file: 'shibboleth-example-metadata.xml',
    entityId: 'https://idp.example.org/shibboleth',
    ssoUrl: 'https://idp.example.org/shibboleth/profile/saml2/Redirect/SSO',
    binding: 'HTTP-Redirect',
    subjects: ['CN=idp.example.org'],
    suggested: 0,
    warnings: [['weak-rsa-key', 'sha1-signature']],
  },
  {
    file: 'keycloak-metadata.xml',
    entityId: 'https://sso.ja-sore.de/auth/realms/HERP',
    ssoUrl: 'https://sso.ja-sore.de/auth/realms/HERP/protocol/saml',
    binding: 'HTTP-Redirect',
    subjects: ['CN=HERP'],
    suggested: 0,
    warnings: [[]],
  },
  {
    file: 'keycloak-entities-descriptor.xml',
    entityId: 'http://localhost:8080/auth/realms/master',
    ssoUrl: 'http://localhost:8080/auth/realms/master/protocol/saml',
    binding: 'HTTP-Redirect',
    subjects: ['CN=master', 'CN=master'],
    suggested: 0,
    warnings: [[], []],
  },
  {
    file: 'google-workspace-metadata.xml',
    entityId: 'https://accounts.google.com/o/saml2?idpid=C01aa60hc',
    ssoUrl: 'https://accounts.google.com/o/saml2/idp?idpid=C01aa60hc',
    binding: 'HTTP-Redirect',
    subjects: ['CN=Google, OU=Google For Work'],
    suggested: 0,
    warnings: [[]],
  },
]

interface CertificateCase {
  file: string
  subject: string
  key: string
  warnings: string[]
}

const CERTIFICATES: CertificateCase[] = [
  { file: 'trustlogin.crt', subject: 'C=JP, O=GMO GlobalSign K.K., OU=TrustLogin, CN=herp-inc', key: 'RSA 2048-bit', warnings: [] },
  { file: 'isrg-root-x2-ecdsa.pem', subject: 'C=US, O=Internet Security Research Group, CN=ISRG Root X2', key: 'EC P-384', warnings: [] },
  {
    file: 'netlock-arany-utf8-subject.crt',
    subject: 'OU=Tanúsítványkiadók (Certification Services), CN=NetLock Arany (Class Gold) Főtanúsítvány',
    key: 'RSA 2048-bit',
    warnings: [],
  },
  { file: 'microsec-e-szigno-2009.der', subject: 'CN=Microsec e-Szigno Root CA 2009, emailAddress=info@e-szigno.hu', key: 'RSA 2048-bit', warnings: [] },
]

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})

afterAll(() => {
  vi.useRealTimers()
})

describe('metadata on real IdP metadata', () => {
  const tempDir = useTempDirs()

  it.each(METADATA)('$file', async (expected) => {
    const { code, stdout, stderr } = await run(['metadata', fixture(expected.file), '--json'])
    expect(stderr).toBe('')
    const json = JSON.parse(stdout) as MetadataJson
    expect(json).toMatchObject({ idpEntityId: expected.entityId, ssoUrl: expected.ssoUrl, ssoBinding: expected.binding })
    // The wizard's rules: an http:// SSO URL (Keycloak on localhost) is refused, so the values are not ready (exit 1).
    const plainHttp = expected.ssoUrl.startsWith('http://')
    expect(code).toBe(plainHttp ? 1 : 0)
    expect(json.ready).toBe(!plainHttp)
    expect(json.problems.filter((problem) => problem.level === 'error')).toEqual(
      plainHttp ? [{ field: 'IdP SSO URL', level: 'error', message: expect.stringContaining('must start with https://') }] : [],
    )
    expect(json.certificates).toHaveLength(expected.subjects.length)
    expect(json.suggestedCertificateIndex).toBe(expected.suggested)
    const inFile = base64InFile(expected.file)
    json.certificates.forEach((certificate, index) => {
      expectDialpadReady(certificate)
      expect(certificate.subject).toContain(expected.subjects[index])
      expect(inFile).toContain(certificate.bodySingleLine)
      expect(certificate.warnings.map((warning) => warning.code)).toEqual(expected.warnings[index])
    })
    expect(new Set(json.certificates.map((c) => c.sha256)).size).toBe(json.certificates.length)
  })

  it('prints the three values for Dialpad, with the certificate valid longest (Azure AD during a rotation)', async () => {
    const { code, stdout } = await run(['metadata', fixture('azure-ad-federationmetadata.xml')])
    expect(code).toBe(0)
    const json = JSON.parse((await run(['metadata', fixture('azure-ad-federationmetadata.xml'), '--json'])).stdout) as MetadataJson
    expect(stdout).toContain('IdP Entity ID (Issuer)  https://sts.windows.net/81c1df79-e153-4f9d-a101-8dcf04af6c2c/\n')
    expect(stdout).toContain('IdP SSO URL             https://login.microsoftonline.com/81c1df79-e153-4f9d-a101-8dcf04af6c2c/saml2\n')
    expect(stdout).toContain(`Certificate:\n${json.certificates[1].body}\n`)
    expect(stdout).toContain('The file lists 2 signing certificates')
    expect(stdout).not.toContain('BEGIN CERTIFICATE')
  })

  it('reads metadata saved as UTF-16 by Windows PowerShell', async () => {
    const dir = await tempDir()
    const utf16 = join(dir, 'FederationMetadata.xml')
    const text = readFileSync(fixture('okta-metadata.xml'), 'utf8')
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    const { code, stdout } = await run(['metadata', utf16, '--json'])
    expect(code).toBe(0)
    const json = JSON.parse(stdout) as MetadataJson
    expect(json.idpEntityId).toBe('http://www.okta.com/exkppsa1qwuFV4D7z0h7')
    expectDialpadReady(json.certificates[0])
  })

  it('reads metadata declared ISO-8859-1 with non-ASCII names, and UTF-16 without a BOM', async () => {
    const dir = await tempDir()
    const text = readFileSync(fixture('shibboleth-example-metadata.xml'), 'utf8')
      .replace('<EntityDescriptor', '<?xml version="1.0" encoding="ISO-8859-1"?>\n<EntityDescriptor')
      .replace("Identities 'R' Us", 'Identités Réunies')
    await writeFile(join(dir, 'latin1.xml'), Buffer.from(text.slice(text.indexOf('<?xml')), 'latin1'))
    await writeFile(join(dir, 'utf16be.xml'), Buffer.from(text.slice(text.indexOf('<EntityDescriptor')), 'utf16le').swap16())
    for (const name of ['latin1.xml', 'utf16be.xml']) {
      const { code, stdout } = await run(['metadata', join(dir, name), '--json'])
      expect(code, name).toBe(0)
      expect((JSON.parse(stdout) as MetadataJson).idpEntityId).toBe('https://idp.example.org/shibboleth')
    }
  })

  it('reads X509Certificate text broken with &#13; and CRLF, as Java XML signers write it', async () => {
    const dir = await tempDir()
    const file = join(dir, 'metadata.xml')
    const text = readFileSync(fixture('okta-metadata.xml'), 'utf8').replace(/ (?=[A-Za-z0-9+/]{76})/g, '&#13;\r\n')
    expect(text).toContain('&#13;\r\n')
    await writeFile(file, text)
    const expected = JSON.parse((await run(['metadata', fixture('okta-metadata.xml'), '--json'])).stdout) as MetadataJson
    const { code, stdout } = await run(['metadata', file, '--json'])
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as MetadataJson).certificates[0].sha256).toBe(expected.certificates[0].sha256)
  })

  it('takes the signing certificate, not its CA, when X509Data carries the chain (vSphere SSO)', async () => {
    const pem = readFileSync(fixture('vsphere-sso-signing-chain.pem'), 'utf8')
    const [leaf, ca] = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/g)].map((m) => m[1].replace(/\s+/g, ''))
    const xml =
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://vc.example/websso/SAML2/Metadata/vsphere.local">' +
      '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data>' +
      `<ds:X509Certificate>${ca}</ds:X509Certificate><ds:X509Certificate>${leaf}</ds:X509Certificate>` +
      '</ds:X509Data></ds:KeyInfo></md:KeyDescriptor>' +
      '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://vc.example/websso/SAML2/SSO/vsphere.local"/>' +
      '</md:IDPSSODescriptor></md:EntityDescriptor>'
    const dir = await tempDir()
    await writeFile(join(dir, 'vsphere.xml'), xml)
    const { code, stdout } = await run(['metadata', join(dir, 'vsphere.xml'), '--json'])
    expect(code).toBe(0)
    const json = JSON.parse(stdout) as MetadataJson
    expect(json.certificates).toHaveLength(1)
    expect(json.certificates[0]).toMatchObject({ bodySingleLine: leaf, subject: 'CN=ssoserverSign' })
  })

  it('refuses a certificate file given as metadata, saying why (exit 1)', async () => {
    const { code, stdout, stderr } = await run(['metadata', fixture('trustlogin.crt')])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain('is not XML')
  })
})

describe('cert on real certificates', () => {
  it.each(CERTIFICATES)('$file', async (expected) => {
    const { code, stdout, stderr } = await run(['cert', fixture(expected.file), '--json'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const json = JSON.parse(stdout) as CertificateJson & { key: string }
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['body', 'bodySingleLine', 'sha256', 'subject', 'issuer', 'notBefore', 'notAfter', 'warnings']))
    const parsed = expectDialpadReady(json)
    expect(json.subject).toContain(expected.subject)
    expect(json.key).toBe(expected.key)
    expect(json.warnings.map((warning) => warning.code)).toEqual(expected.warnings)
    expect(parsed.raw.equals(new X509Certificate(readFileSync(fixture(expected.file))).raw)).toBe(true)
  })

  it('prints only the body on stdout without --json', async () => {
    const json = JSON.parse((await run(['cert', fixture('trustlogin.crt'), '--json'])).stdout) as CertificateJson
    const { code, stdout, stderr } = await run(['cert', fixture('trustlogin.crt')])
    expect(code).toBe(0)
    expect(stdout).toBe(`${json.body}\n`)
    expect(stderr).toContain(json.sha256)
  })

  it('reads the one certificate of an IdP metadata file', async () => {
    const metadata = JSON.parse((await run(['metadata', fixture('okta-metadata.xml'), '--json'])).stdout) as MetadataJson
    const { code, stdout } = await run(['cert', fixture('okta-metadata.xml')])
    expect(code).toBe(0)
    expect(stdout).toBe(`${metadata.certificates[0].body}\n`)
  })

  it('lists a certificate chain for the admin to pick from (exit 1)', async () => {
    const { code, stdout, stderr } = await run(['cert', fixture('vsphere-sso-signing-chain.pem')])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain('holds 2 different certificates')
    expect(stderr).toContain('1. CN=ssoserverSign')
    expect(stderr).toContain('2. CN=CA, DC=vsphere')
  })
})
