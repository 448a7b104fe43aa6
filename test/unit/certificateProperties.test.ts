import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { CertificateRefusedError, importCertificate, type CertificateInput } from '../../src/core/saml/certificateImport'
import { base64Lines, makeTestCertificate, openssl } from '../support/testCertificates'

interface Sample {
  name: string
  der: Uint8Array
  body: string
  /** A private key in PKCS#8 DER, when the sample has one (for the refusal property). */
  keyDer?: Uint8Array
}

let samples: Sample[] = []

beforeAll(async () => {
  const made = await Promise.all([
    makeTestCertificate(),
    makeTestCertificate({ key: 'ec-p256' }),
    makeTestCertificate({ key: 'rsa-1024', hash: 'SHA-1', notAfter: new Date('2020-01-01'), notBefore: new Date('2019-01-01') }),
    makeTestCertificate({ issuedByCa: true }),
  ])
  const names = ['RSA 2048 SHA-256', 'EC P-256', 'expired RSA 1024 SHA-1', 'CA-issued RSA 2048']
  samples = made.map((cert, i) => named({ name: names[i], der: cert.der, body: cert.body, keyDer: new Uint8Array(cert.privateKey.export({ type: 'pkcs8', format: 'der' })) }))
  const ed25519 = openssl(['req', '-x509', '-newkey', 'ed25519', '-nodes', '-keyout', 'key.pem', '-subj', '/CN=ed', '-days', '3', '-outform', 'DER'])
  samples.push(named({ name: 'Ed25519 (openssl)', der: ed25519, body: base64Lines(ed25519, 64).join('\n') }))
})

/** Counterexamples name the certificate instead of printing its bytes. */
function named(sample: Sample): Sample {
  return Object.assign(sample, { [fc.toStringMethod]: () => sample.name })
}

/** How an admin's copy of a certificate may look. */
interface Layout {
  markers: boolean
  label: string
  lineLength: number | null
  eol: string
  spaces: [number, string][]
  leading: string[]
  trailing: string[]
  bom: boolean
  transport: 'text' | 'utf8-bytes' | 'der'
}

const NOT_BASE64 = ':.,;!?()#@"\'*&%$[]{}_~|^`\\'.split('')

/** A line with at least one character base64 never has, e.g. "subject=CN = idp, O = Acme." or "Bag: 1". */
const junkLine = fc
  .tuple(fc.string({ maxLength: 30 }), fc.constantFrom(...NOT_BASE64), fc.string({ maxLength: 30 }))
  .map(([before, mark, after]) => `${before}${mark}${after}`.replace(/[<>]/g, ''))
  .filter((line) => !/BEGIN|END|PuTTY|ssh-|ecdsa-/i.test(line))

const layout: fc.Arbitrary<Layout> = fc.record({
  markers: fc.boolean(),
  label: fc.constantFrom('CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE'),
  lineLength: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  spaces: fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '\t', '  ', ' \t ')), { maxLength: 12 }),
  leading: fc.array(junkLine, { maxLength: 3 }),
  trailing: fc.array(junkLine, { maxLength: 3 }),
  bom: fc.boolean(),
  transport: fc.constantFrom('text', 'text', 'utf8-bytes', 'der'),
})

function formatText(der: Uint8Array, how: Layout, label = how.label): string {
  let body = (how.lineLength === null ? [Buffer.from(der).toString('base64')] : base64Lines(der, how.lineLength)).join(how.eol)
  for (const [position, space] of how.spaces) {
    const at = position % (body.length + 1)
    body = body.slice(0, at) + space + body.slice(at)
  }
  const block = how.markers ? [`-----BEGIN ${label}-----`, body, `-----END ${label}-----`] : [body]
  return (how.bom ? '\uFEFF' : '') + [...how.leading, ...block, ...how.trailing].join(how.eol)
}

function formatInput(der: Uint8Array, how: Layout): CertificateInput {
  if (how.transport === 'der') return { bytes: der }
  const text = formatText(der, how)
  return how.transport === 'text' ? { text } : { bytes: new TextEncoder().encode(text) }
}

const sample = (): fc.Arbitrary<Sample> => fc.constantFrom(...samples)

describe('importCertificate properties', () => {
  it('gives the same 64-column body, whatever way a certificate is formatted', () => {
    fc.assert(
      fc.property(sample(), layout, ({ der, body }, how) => {
        const result = importCertificate(formatInput(der, how))
        expect(result.kind).toBe('certificate')
        if (result.kind !== 'certificate') return
        expect(result.certificate.body).toBe(body)
        expect(result.certificate.bodySingleLine).toBe(body.replace(/\n/g, ''))
      }),
      { numRuns: 300 },
    )
  })

  it('round-trips: the body decodes to the DER, and importing the body again changes nothing', () => {
    fc.assert(
      fc.property(sample(), layout, ({ der }, how) => {
        const result = importCertificate(formatInput(der, how))
        if (result.kind !== 'certificate') throw new Error(result.kind)
        const { body, bodySingleLine } = result.certificate
        expect(Buffer.from(body.replace(/\n/g, ''), 'base64').equals(Buffer.from(der))).toBe(true)
        expect(body.split('\n').slice(0, -1).every((line) => line.length === 64)).toBe(true)
        for (const again of [body, bodySingleLine]) {
          expect(importCertificate({ text: again })).toEqual(result)
        }
      }),
      { numRuns: 100 },
    )
  })

  it('offers every different certificate once, in order, however each block is formatted', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(sample(), layout), { minLength: 1, maxLength: 4 }), (items) => {
        const text = items.map(([{ der }, how]) => formatText(der, { ...how, markers: true, bom: false })).join('\n')
        const expected = [...new Set(items.map(([{ body }]) => body))]
        const result = importCertificate({ text })
        const bodies = result.kind === 'certificate' ? [result.certificate.body] : result.certificates.map((cert) => cert.body)
        expect(bodies).toEqual(expected)
        expect(result.kind).toBe(expected.length === 1 ? 'certificate' : 'choose')
      }),
      { numRuns: 100 },
    )
  })

  it('refuses a private key however it is formatted, and never repeats it', () => {
    const withKeys = (): Sample[] => samples.filter((item) => item.keyDer)
    fc.assert(
      fc.property(fc.constantFrom(...withKeys()), layout, ({ keyDer }, how) => {
        const der = keyDer as Uint8Array
        const input = how.transport === 'der' ? { bytes: der } : { text: formatText(der, how, 'PRIVATE KEY') }
        let error: unknown
        try {
          importCertificate(input)
        } catch (caught) {
          error = caught
        }
        expect(error).toBeInstanceOf(CertificateRefusedError)
        const { reason, message } = error as CertificateRefusedError
        expect(reason).toBe('private-key')
        const keyBase64 = Buffer.from(der).toString('base64')
        for (let i = 0; i + 16 <= keyBase64.length; i += 8) expect(message).not.toContain(keyBase64.slice(i, i + 16))
      }),
      { numRuns: 100 },
    )
  })
})
