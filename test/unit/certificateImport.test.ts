import { createPublicKey, X509Certificate } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { CertificateImportResult, MAX_CERTIFICATE_INPUT_BYTES, type CertificateReport } from '../../src/shared/certificate'
import {
  CertificateRefusedError,
  describeCertificate,
  importCertificate,
  type CertificateInput,
  type CertificateRefusalReason,
} from '../../src/core/saml/certificateImport'
import { UserFacingError } from '../../src/core/userFacingError'
import {
  base64Lines,
  makeCertificateRequest,
  makePkcs12,
  makePkcs7,
  makeTestCertificate,
  openssl,
  testSubjectName,
  toPem,
  type TestCertificate,
} from '../support/testCertificates'

const NOT_BEFORE = new Date('2025-01-01T00:00:00Z')
const NOT_AFTER = new Date('2027-01-01T00:00:00Z')
const NOW = new Date('2026-01-15T12:00:00Z')
const DAY = 24 * 3600_000

let idp: TestCertificate
let other: TestCertificate
let caIssued: TestCertificate
let weak: TestCertificate
let sha1: TestCertificate
let ec: TestCertificate

beforeAll(async () => {
  const validity = { notBefore: NOT_BEFORE, notAfter: NOT_AFTER }
  ;[idp, other, caIssued, weak, sha1, ec] = await Promise.all([
    makeTestCertificate({ ...validity, commonName: 'idp.example.com' }),
    makeTestCertificate(validity),
    makeTestCertificate({ ...validity, issuedByCa: true }),
    makeTestCertificate({ ...validity, key: 'rsa-1024' }),
    makeTestCertificate({ ...validity, hash: 'SHA-1' }),
    makeTestCertificate({ ...validity, key: 'ec-p256' }),
  ])
})

function importOne(input: CertificateInput, now = NOW): CertificateReport {
  const result = importCertificate(input, now)
  if (result.kind !== 'certificate') throw new Error(`expected one certificate, got ${result.kind}`)
  return result.certificate
}

function refusal(input: CertificateInput): CertificateRefusedError {
  try {
    importCertificate(input, NOW)
  } catch (error) {
    expect(error).toBeInstanceOf(CertificateRefusedError)
    expect(error).toBeInstanceOf(UserFacingError)
    return error as CertificateRefusedError
  }
  throw new Error('expected a refusal')
}

/** No run of 16 characters of the secret's base64 (PEM body or DER) appears in the message. */
function expectNoKeyMaterial(message: string, secret: string | Uint8Array): void {
  const base64 = typeof secret === 'string' ? secret.replace(/-----[^-]+-----|\s/g, '') : Buffer.from(secret).toString('base64')
  for (let i = 0; i + 16 <= base64.length; i++) expect(message).not.toContain(base64.slice(i, i + 16))
  expect(message).not.toMatch(/MII[A-Za-z0-9+/]{4}/)
}

const text = (value: string): CertificateInput => ({ text: value })
const utf8 = (value: string): Uint8Array => new TextEncoder().encode(value)

describe('importCertificate: accepted forms', () => {
  const forms: [string, (cert: TestCertificate) => CertificateInput][] = [
    ['PEM with LF line endings', (c) => text(c.pem)],
    ['PEM with CRLF line endings', (c) => text(c.pem.replace(/\n/g, '\r\n'))],
    ['PEM with CR line endings (classic Mac)', (c) => text(c.pem.replace(/\n/g, '\r'))],
    ['PEM labelled X509 CERTIFICATE', (c) => text(toPem('X509 CERTIFICATE', c.der))],
    ['PEM with lower-case BEGIN/END lines', (c) => text(c.pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, (line) => line.toLowerCase()))],
    ['PEM without a final newline', (c) => text(c.pem.trimEnd())],
    ['PEM with spaces and tabs inside the base64 and around the lines', (c) => text(sprinkleSpaces(c.pem))],
    ['PEM with blank lines inside the body (pasted from an email)', (c) => text(c.pem.replace(/\n/g, '\n\n'))],
    ['PEM body in 76-character lines', (c) => text(`-----BEGIN CERTIFICATE-----\n${base64Lines(c.der, 76).join('\n')}\n-----END CERTIFICATE-----`)],
    ['BEGIN, body and END on one line', (c) => text(`-----BEGIN CERTIFICATE-----${c.bodySingleLine}-----END CERTIFICATE-----`)],
    ['PEM with explanations before and after it', (c) => text(`Here is the IdP certificate:\n\n${c.pem}\nThanks, Sam.`)],
    ['PEM missing its END line', (c) => text(c.pem.replace(/-----END CERTIFICATE-----\n$/, ''))],
    ['PEM with its END line doubled', (c) => text(`${c.pem}-----END CERTIFICATE-----\n`)],
    ['PEM missing its BEGIN line', (c) => text(c.pem.replace(/^-----BEGIN CERTIFICATE-----\n/, ''))],
    ['a single-line base64 body', (c) => text(c.bodySingleLine)],
    ['a single-line base64 body with surrounding whitespace', (c) => text(`\n\t  ${c.bodySingleLine}  \r\n`)],
    ['a bare multi-line base64 body', (c) => text(c.body)],
    ['a bare body under a title line', (c) => text(`Bag Attributes\n${c.body}\n`)],
    ['a bare body under a title that looks like base64', (c) => text(`Certificate\n${c.body}\nEnd`)],
    ['a UTF-8 BOM before the PEM', (c) => text(`\uFEFF${c.pem}`)],
    ['a <ds:X509Certificate> element copied from SAML metadata', (c) => text(`<ds:X509Certificate>${c.bodySingleLine}</ds:X509Certificate>`)],
    ['the same certificate pasted twice', (c) => text(`${c.pem}\n${c.pem}`)],
    ['binary DER bytes (.cer)', (c) => ({ bytes: c.der, fileName: 'idp.cer' })],
    ['DER bytes with a stray trailing newline', (c) => ({ bytes: concat(c.der, utf8('\n')), fileName: 'idp.der' })],
    ['a PEM text file given as bytes (.crt)', (c) => ({ bytes: utf8(c.pem), fileName: 'idp.crt' })],
    ['a PEM text file with a UTF-8 BOM', (c) => ({ bytes: concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(c.pem)) })],
    ['a PEM text file saved as UTF-16 (PowerShell)', (c) => ({ bytes: utf16le(c.pem) })],
    ['a bare base64 file given as bytes', (c) => ({ bytes: utf8(c.body), fileName: 'idp.txt' })],
  ]

  it.each(forms)('accepts %s', (_name, makeInput) => {
    const report = importOne(makeInput(idp))
    expect(report.body).toBe(idp.body)
    expect(report.bodySingleLine).toBe(idp.bodySingleLine)
    expect(report.body.split('\n').every((line) => line.length <= 64)).toBe(true)
  })

  it('accepts a TRUSTED CERTIFICATE (openssl -addtrust) and drops its trust settings', () => {
    const trusted = new TextDecoder().decode(openssl(['x509', '-in', 'cert.pem', '-addtrust', 'serverAuth'], { 'cert.pem': idp.pem }))
    expect(trusted).toContain('-----BEGIN TRUSTED CERTIFICATE-----')
    expect(importOne(text(trusted)).body).toBe(idp.body)
  })

  it('accepts openssl pkcs12 -nokeys output, with its Bag Attributes, subject= and issuer= lines', () => {
    const output = new TextDecoder().decode(
      openssl(['pkcs12', '-in', 'idp.p12', '-passin', 'pass:test-only', '-nokeys', '-clcerts'], { 'idp.p12': makePkcs12(idp) }),
    )
    expect(output).toMatch(/Bag Attributes[\s\S]*subject=[\s\S]*issuer=[\s\S]*BEGIN CERTIFICATE/)
    expect(importOne(text(output)).body).toBe(idp.body)
  })

  it('accepts openssl x509 -text output (a text dump followed by the PEM)', () => {
    const output = new TextDecoder().decode(openssl(['x509', '-in', 'cert.pem', '-text'], { 'cert.pem': idp.pem }))
    expect(importOne(text(output)).body).toBe(idp.body)
  })

  it('returns the same report whether given as text or as bytes', () => {
    expect(importOne({ bytes: idp.der })).toEqual(importOne(text(idp.pem)))
  })
})

describe('importCertificate: several certificates', () => {
  it('asks the admin to choose between different certificates, in the order given', () => {
    const result = importCertificate(text(`${idp.pem}${other.pem}`), NOW)
    expect(result.kind).toBe('choose')
    if (result.kind !== 'choose') return
    expect(result.certificates.map((cert) => cert.body)).toEqual([idp.body, other.body])
  })

  it('keeps a chain as a choice (leaf, then CA-issued), never picking one silently', () => {
    const result = importCertificate(text(`${caIssued.pem}\n${idp.pem}`), NOW)
    expect(result).toMatchObject({ kind: 'choose', certificates: [{ body: caIssued.body }, { body: idp.body }] })
  })

  it('dedupes repeated certificates and keeps first-seen order', () => {
    const result = importCertificate(text([idp.pem, other.pem, idp.pem, other.pem].join('\n')), NOW)
    expect(result).toMatchObject({ kind: 'choose', certificates: [{ body: idp.body }, { body: other.body }] })
    if (result.kind === 'choose') expect(result.certificates).toHaveLength(2)
  })

  it('finds several bare bodies, and several concatenated DER files', () => {
    expect(importCertificate(text(`${idp.body}\n\n${other.body}`), NOW)).toMatchObject({ kind: 'choose' })
    expect(importCertificate(text(`${idp.bodySingleLine}\n${other.bodySingleLine}`), NOW)).toMatchObject({ kind: 'choose' })
    const result = importCertificate({ bytes: concat(idp.der, other.der) }, NOW)
    expect(result).toMatchObject({ kind: 'choose', certificates: [{ body: idp.body }, { body: other.body }] })
  })

  it('accepts a certificate next to other harmless blocks (EC PARAMETERS), ignoring them', () => {
    expect(importOne(text(`-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n${idp.pem}`)).body).toBe(idp.body)
  })
})

describe('importCertificate: refusals', () => {
  const where = /JumpCloud/

  it.each<[string, CertificateInput]>([
    ['empty text', { text: '' }],
    ['whitespace only', { text: ' \n\t\r\n  ' }],
    ['a lone BOM', { text: '\uFEFF\n' }],
    ['an empty file', { bytes: new Uint8Array() }],
  ])('refuses %s as empty', (_name, input) => {
    const error = refusal(input)
    expect(error.reason).toBe('empty')
    expect(error.message).toMatch(/Nothing to import/)
    expect(error.message).toMatch(where)
  })

  it.each<[string, () => CertificateInput]>([
    ['long text', () => text('A'.repeat(MAX_CERTIFICATE_INPUT_BYTES + 1))],
    ['text whose UTF-8 is too long', () => text('é'.repeat(MAX_CERTIFICATE_INPUT_BYTES / 2 + 1))],
    ['a large file', () => ({ bytes: new Uint8Array(MAX_CERTIFICATE_INPUT_BYTES + 1) })],
  ])('refuses %s as too large', (_name, makeInput) => {
    const error = refusal(makeInput())
    expect(error.reason).toBe('too-large')
    expect(error.message).toMatch(/too large to be a certificate/)
  })

  describe('private keys', () => {
    const privateKeyInputs: [string, (cert: TestCertificate) => { input: CertificateInput; secret: string | Uint8Array }][] = [
      ['PKCS#8 PEM (PRIVATE KEY)', (c) => ({ input: text(c.privateKeyPem), secret: c.privateKeyPem })],
      ['PKCS#1 PEM (RSA PRIVATE KEY)', (c) => pemOf(c.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string)],
      ['SEC1 PEM (EC PRIVATE KEY)', () => pemOf(ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string)],
      ['a DSA PRIVATE KEY block', (c) => pemOf(relabel(c.privateKeyPem, 'DSA PRIVATE KEY'))],
      ['an OPENSSH PRIVATE KEY block', () => pemOf(toPem('OPENSSH PRIVATE KEY', utf8('openssh-key-v1\0none\0none\0secret-material')))],
      ['an ENCRYPTED PRIVATE KEY', (c) => pemOf(c.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }) as string)],
      ['PKCS#8 DER bytes (.key)', (c) => derOf(c.privateKey.export({ type: 'pkcs8', format: 'der' }))],
      ['PKCS#1 DER bytes', (c) => derOf(c.privateKey.export({ type: 'pkcs1', format: 'der' }))],
      ['SEC1 DER bytes', () => derOf(ec.privateKey.export({ type: 'sec1', format: 'der' }))],
      ['encrypted PKCS#8 DER bytes', (c) => derOf(c.privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'x' }))],
      ['the base64 of a private key without its PEM lines', (c) => pemOf(c.privateKeyPem.replace(/-----[^-]+-----/g, ''))],
      ['a private key mislabelled CERTIFICATE', (c) => pemOf(relabel(c.privateKeyPem, 'CERTIFICATE'))],
      ['a PuTTY key file', () => pemOf('PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: rsa-key\nPublic-Lines: 1\nAAAAB3NzaC1yc2E=\n')],
    ]

    it.each(privateKeyInputs)('refuses %s, without repeating any of it', (_name, make) => {
      const { input, secret } = make(idp)
      const error = refusal(input)
      expect(error.reason).toBe('private-key')
      expect(error.message).toMatch(/^This is a private key, not a certificate\. Never share it/)
      expect(error.message).toContain('-----BEGIN CERTIFICATE-----')
      expect(error.message).toMatch(where)
      expectNoKeyMaterial(error.message, secret)
    })

    it('refuses a certificate pasted together with its private key, in either order', () => {
      for (const pasted of [`${idp.pem}${idp.privateKeyPem}`, `${idp.privateKeyPem}\n${idp.pem}`]) {
        const error = refusal(text(pasted))
        expect(error.reason).toBe('private-key')
        expect(error.message).toMatch(/contains a private key as well as a certificate/)
        expect(error.message).toMatch(/must never be pasted anywhere/)
        expectNoKeyMaterial(error.message, idp.privateKeyPem)
      }
    })

    it('keeps no key material on the error', () => {
      const error = refusal(text(idp.privateKeyPem))
      const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack, cause: error.cause })
      expectNoKeyMaterial(everything, idp.privateKeyPem)
    })
  })

  it('refuses certificate requests (PEM, NEW CERTIFICATE REQUEST, DER)', async () => {
    const csr = await makeCertificateRequest()
    for (const input of [text(csr.pem), text(relabel(csr.pem, 'NEW CERTIFICATE REQUEST')), { bytes: csr.der, fileName: 'idp.csr' }]) {
      const error = refusal(input)
      expect(error.reason).toBe('certificate-request')
      expect(error.message).toMatch(/certificate signing request \(CSR\), not a certificate/)
      expect(error.message).toMatch(where)
    }
  })

  it('refuses bare public keys (PUBLIC KEY, RSA PUBLIC KEY, DER SPKI, OpenSSH)', () => {
    const publicKey = createPublicKey(idp.privateKey)
    const inputs: CertificateInput[] = [
      text(publicKey.export({ type: 'spki', format: 'pem' }) as string),
      text(publicKey.export({ type: 'pkcs1', format: 'pem' }) as string),
      { bytes: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })) },
      { bytes: new Uint8Array(publicKey.export({ type: 'pkcs1', format: 'der' })) },
      text('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 admin@laptop'),
    ]
    for (const input of inputs) {
      const error = refusal(input)
      expect(error.reason).toBe('public-key')
      expect(error.message).toMatch(/bare public key, not a certificate/)
    }
  })

  it('refuses PKCS#7 bundles and says how to get the PEM', () => {
    const p7b = makePkcs7([idp])
    const inputs: CertificateInput[] = [{ bytes: p7b, fileName: 'idp.p7b' }, text(toPem('PKCS7', p7b)), { bytes: p7b.subarray(0, 40), fileName: 'cut.p7c' }]
    for (const input of inputs) {
      const error = refusal(input)
      expect(error.reason).toBe('pkcs7')
      expect(error.message).toMatch(/PKCS#7 bundle/)
      expect(error.message).toContain('openssl pkcs7 -print_certs -in file.p7b -out cert.pem')
      expect(error.message).toMatch(where)
    }
  })

  it('refuses PKCS#12 files, warns they hold a private key, and says how to extract the certificate', () => {
    const p12 = makePkcs12(idp)
    const inputs: CertificateInput[] = [
      { bytes: p12, fileName: 'idp.pfx' },
      { bytes: p12 },
      text(Buffer.from(p12).toString('base64')),
      { bytes: p12.subarray(0, 64), fileName: 'damaged.P12' },
    ]
    for (const input of inputs) {
      const error = refusal(input)
      expect(error.reason).toBe('pkcs12')
      expect(error.message).toMatch(/PKCS#12 file.*private key, so do not share it/)
      expect(error.message).toContain('openssl pkcs12 -in file.p12 -clcerts -nokeys -out cert.pem')
      expectNoKeyMaterial(error.message, p12)
    }
  })

  it('refuses a certificate block that was damaged when copying', () => {
    const cut = idp.pem.replace(/\n[A-Za-z0-9+/]{64}\n[A-Za-z0-9+/]{64}\n/, '\n')
    for (const input of [text(cut), text(idp.pem.replace(/^-----BEGIN CERTIFICATE-----\n.{10}/, '-----BEGIN CERTIFICATE-----\n'))]) {
      const error = refusal(input)
      expect(error.reason).toBe('damaged-certificate')
      expect(error.message).toMatch(/damaged or incomplete.*Copy it again/)
    }
    // A damaged block next to a good one is not skipped silently either.
    expect(refusal(text(`${other.pem}${cut}`)).reason).toBe('damaged-certificate')
  })

  it('refuses base64 that decodes to something other than a certificate', () => {
    for (const input of [text(Buffer.from('hello, this is not a certificate at all').toString('base64')), text('MAMCAQA=\n')]) {
      const error = refusal(input)
      expect(error.reason).toBe('not-a-certificate')
      expect(error.message).toMatch(/^This is base64 text, but it does not decode to a certificate/)
    }
  })

  it.each<[string, CertificateInput]>([
    ['plain prose', text('Hello! The SSO settings are in the admin portal.')],
    ['an SP entity id', text('https://dialpad.com/api/saml/metadata/custom/example.com')],
    ['JSON', text('{"cert": null}')],
    ['random binary bytes', { bytes: new Uint8Array([0x00, 0xff, 0x13, 0x37, 0x80, 0x01, 0x02]), fileName: 'idp.cer' }],
    ['an unknown DER structure', { bytes: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]) }],
    ['an unknown PEM block', text('-----BEGIN X509 CRL-----\nMAMCAQA=\n-----END X509 CRL-----\n')],
  ])('refuses %s as not a certificate, saying what is accepted', (_name, input) => {
    const error = refusal(input)
    expect(error.reason).toBe('not-a-certificate')
    expect(error.message).toMatch(/^This is not a certificate\./)
    expect(error.message).toMatch(/\.pem, \.crt, \.cer or \.der/)
  })

  it('never echoes the input in any refusal message', () => {
    const input = 'my-secret-value-1234567890 is not a cert'
    expect(refusal(text(input)).message).not.toContain('my-secret-value')
  })

  it('gives every reason its own message', () => {
    const reasons: CertificateRefusalReason[] = ['empty', 'too-large', 'private-key', 'certificate-request', 'public-key', 'pkcs7', 'pkcs12', 'damaged-certificate', 'not-a-certificate']
    const messages = new Set(reasons.map((reason) => new CertificateRefusedError(reason).message))
    expect(messages.size).toBe(reasons.length)
  })
})

describe('warnings', () => {
  const codes = (report: CertificateReport): string[] => report.warnings.map((warning) => warning.code)

  it('has none for a current 2048-bit SHA-256 certificate', () => {
    expect(importOne(text(idp.pem)).warnings).toEqual([])
  })

  it('warns when expired, with the date and what to do', () => {
    const report = importOne(text(idp.pem), new Date('2027-02-01T00:00:00Z'))
    expect(codes(report)).toEqual(['expired'])
    expect(report.daysToExpiry).toBe(-31)
    expect(report.warnings[0].message).toMatch(/^This certificate expired on 1 Jan 2027\. Logins signed with it may be refused \(whether Dialpad checks the dates is not documented\): in JumpCloud/)
  })

  it('warns when not yet valid', () => {
    const report = importOne(text(idp.pem), new Date('2024-12-01T00:00:00Z'))
    expect(codes(report)).toEqual(['not-yet-valid'])
    expect(report.warnings[0].message).toMatch(/only becomes valid on 1 Jan 2025/)
  })

  it(`warns when expiring within the next 30 days, and not before`, () => {
    const soon = importOne(text(idp.pem), new Date(NOT_AFTER.getTime() - 9.5 * DAY))
    expect(codes(soon)).toEqual(['expires-soon'])
    expect(soon.daysToExpiry).toBe(9)
    expect(soon.warnings[0].message).toMatch(/expires on 1 Jan 2027 \(in 9 days\).*Plan the rotation now/)
    expect(codes(importOne(text(idp.pem), new Date(NOT_AFTER.getTime() - 30 * DAY)))).toEqual([])
    const edge = importOne(text(idp.pem), new Date(NOT_AFTER.getTime() - 30 * DAY + 1))
    expect([codes(edge), edge.daysToExpiry]).toEqual([['expires-soon'], 29])
    expect(importOne(text(idp.pem), new Date(NOT_AFTER.getTime() - 1000)).warnings[0].message).toMatch(/\(today\)/)
  })

  it('warns about an RSA key under 2048 bits', () => {
    const report = importOne(text(weak.pem))
    expect(codes(report)).toEqual(['weak-rsa-key'])
    expect(report.warnings[0].message).toMatch(/1024-bit RSA key; 2048 bits is the minimum/)
  })

  it('warns about a SHA-1 signature', () => {
    const report = importOne(text(sha1.pem))
    expect(codes(report)).toEqual(['sha1-signature'])
    expect(report.warnings[0].message).toMatch(/signed with SHA-1/)
  })

  it('says what to do in JumpCloud in every warning', () => {
    const reports = [importOne(text(weak.pem), new Date('2030-01-01')), importOne(text(sha1.pem), new Date('2020-01-01'))]
    for (const warning of reports.flatMap((report) => report.warnings)) expect(warning.message).toMatch(/JumpCloud/)
  })
})

describe('describeCertificate', () => {
  it('fills every field from node:crypto', () => {
    const report = describeCertificate(idp.der, NOW)
    const x509 = new X509Certificate(idp.der)
    expect(CertificateImportResult.parse({ kind: 'certificate', certificate: report })).toBeTruthy()
    expect(report).toMatchObject({
      body: idp.body,
      bodySingleLine: idp.bodySingleLine,
      sha256: x509.fingerprint256,
      sha1: x509.fingerprint,
      serialNumber: x509.serialNumber,
      subject: x509.subject.split('\n').join(', '),
      notBefore: '2025-01-01T00:00:00.000Z',
      notAfter: '2027-01-01T00:00:00.000Z',
      daysToExpiry: 350,
      keyType: 'RSA',
      keySize: 2048,
      keyDescription: 'RSA 2048-bit',
      signatureAlgorithm: 'sha256WithRSAEncryption',
      selfSigned: true,
      warnings: [],
    })
    expect(report.subject).toContain('CN=idp.example.com')
    expect(report.issuer).toBe(report.subject)
    expect(report.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
  })

  it('describes EC, small RSA, SHA-1 and CA-issued certificates', () => {
    expect(describeCertificate(ec.der, NOW)).toMatchObject({ keyType: 'EC', keySize: 256, keyDescription: 'EC P-256', signatureAlgorithm: 'ecdsa-with-SHA256' })
    expect(describeCertificate(weak.der, NOW)).toMatchObject({ keyType: 'RSA', keySize: 1024, keyDescription: 'RSA 1024-bit' })
    expect(describeCertificate(sha1.der, NOW).signatureAlgorithm).toBe('sha1WithRSAEncryption')
    const issued = describeCertificate(caIssued.der, NOW)
    expect(issued.selfSigned).toBe(false)
    expect(issued.issuer).toContain('CN=Dialpad SSO Tests CA')
  })

  it('is not fooled by an issuer name equal to the subject when another key signed it', async () => {
    const lookalike = await makeTestCertificate({ commonName: 'twin.example.com', issuedByCa: true, caName: testSubjectName('twin.example.com') })
    const report = describeCertificate(lookalike.der, NOW)
    expect(report.issuer).toBe(report.subject)
    expect(report.selfSigned).toBe(false)
  })

  it('names Ed25519 and RSASSA-PSS signatures (certificates made by openssl)', () => {
    const ed25519 = openssl(['req', '-x509', '-newkey', 'ed25519', '-nodes', '-keyout', 'key.pem', '-subj', '/CN=ed', '-days', '30', '-outform', 'DER'])
    expect(describeCertificate(ed25519, NOW)).toMatchObject({ keyType: 'Ed25519', keySize: null, keyDescription: 'Ed25519', signatureAlgorithm: 'Ed25519' })
    const pss = openssl(
      ['req', '-x509', '-key', 'key.pem', '-sigopt', 'rsa_padding_mode:pss', '-sha256', '-subj', '/CN=pss', '-days', '30', '-outform', 'DER'],
      { 'key.pem': idp.privateKeyPem },
    )
    expect(describeCertificate(pss, NOW)).toMatchObject({ keyType: 'RSA', signatureAlgorithm: 'rsassaPss' })
  })

  it('refuses bytes that are not a certificate with a CertificateRefusedError', () => {
    expect(() => describeCertificate(new Uint8Array([1, 2, 3]))).toThrow(CertificateRefusedError)
  })
})

function pemOf(pem: string): { input: CertificateInput; secret: string } {
  return { input: text(pem), secret: pem }
}

function derOf(der: Uint8Array): { input: CertificateInput; secret: Uint8Array } {
  return { input: { bytes: new Uint8Array(der), fileName: 'idp.key' }, secret: der }
}

function relabel(pem: string, label: string): string {
  return pem.replace(/-----(BEGIN|END) [^-]+-----/g, `-----$1 ${label}-----`)
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts))
}

function utf16le(value: string): Uint8Array {
  return concat(new Uint8Array([0xff, 0xfe]), new Uint8Array(Buffer.from(value, 'utf16le')))
}

/** Spaces and tabs around every line and inside the base64, every 7 characters. */
function sprinkleSpaces(pem: string): string {
  return pem
    .split('\n')
    .map((line) => (line.startsWith('-----') ? ` \t${line}  ` : `\t ${line.replace(/(.{7})/g, '$1 \t')} `))
    .join('\n')
}
