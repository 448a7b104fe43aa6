import { MAX_CERTIFICATE_INPUT_BYTES, type CertificateImportResult } from '../../shared/certificate'
import { derKind, type DerKind } from './certificateKind'
import { CertificateRefusedError, REFUSAL_DETAILS } from './certificateRefusal'
import { describeCertificate } from './certificateReport'
import { containsBase64, decodeTextFile, derFromBase64Text, findPemBlocks, type PemBlock } from './certificateText'
import { splitElements } from './der'

export { CertificateRefusedError, type CertificateRefusalReason } from './certificateRefusal'
export { describeCertificate } from './certificateReport'

/** Pasted text, or the bytes of a chosen file (PEM text or binary DER; detected, whatever the extension). */
export type CertificateInput = { text: string } | { bytes: Uint8Array; fileName?: string }

type FoundKind = Exclude<DerKind, 'certificate'> | 'damaged-certificate'
type RefusedKind = Exclude<FoundKind, 'unknown'>
/** One thing found in the input. Only certificates keep their bytes, so nothing of a key outlives the scan. */
type Found = { kind: 'certificate'; der: Uint8Array } | { kind: FoundKind }

interface Scan {
  found: Found[]
  /** The text held base64, so "not a certificate" can say it decoded to something else. */
  looksLikeBase64: boolean
}

/** Binary files that could not be read (damaged, or an encoding we do not parse): the extension tells what they were meant to be. */
const KIND_BY_EXTENSION: Record<string, FoundKind> = { p12: 'pkcs12', pfx: 'pkcs12', p7b: 'pkcs7', p7c: 'pkcs7' }

/**
 * Reads an IdP certificate in any of the forms admins end up with, or throws CertificateRefusedError saying what
 * the input is instead and what to do. Several different certificates are returned for the admin to choose from.
 */
export function importCertificate(input: CertificateInput, now: Date = new Date()): CertificateImportResult {
  const scan = 'text' in input ? scanText(input.text) : scanBytes(input.bytes, input.fileName)
  return decide(scan, now)
}

function scanBytes(bytes: Uint8Array, fileName?: string): Scan {
  if (bytes.length > MAX_CERTIFICATE_INPUT_BYTES) throw new CertificateRefusedError('too-large')
  const text = decodeTextFile(bytes)
  if (text !== null) return scanText(text)
  const found = splitElements(bytes).map(classify)
  const hinted = KIND_BY_EXTENSION[fileName?.split('.').pop()?.toLowerCase() ?? '']
  if (hinted && found.every((item) => item.kind === 'unknown')) return { found: [{ kind: hinted }], looksLikeBase64: false }
  return { found, looksLikeBase64: false }
}

function scanText(rawText: string): Scan {
  if (rawText.length > MAX_CERTIFICATE_INPUT_BYTES || Buffer.byteLength(rawText) > MAX_CERTIFICATE_INPUT_BYTES) {
    throw new CertificateRefusedError('too-large')
  }
  const text = rawText.replace(/\uFEFF/g, '')
  if (text.trim() === '') throw new CertificateRefusedError('empty')
  if (/PuTTY-User-Key-File-\d+:/.test(text)) return { found: [{ kind: 'private-key' }], looksLikeBase64: false }
  const blocks = findPemBlocks(text)
  if (blocks.length > 0) return { found: blocks.flatMap(scanPemBlock), looksLikeBase64: false }
  if (/^\s*(ssh-(rsa|dss|ed25519)|ecdsa-sha2-\S+) AAAA/m.test(text)) return { found: [{ kind: 'public-key' }], looksLikeBase64: false }
  const found = derFromBase64Text(text).map(classify)
  return { found, looksLikeBase64: found.length > 0 || containsBase64(text) }
}

function scanPemBlock(block: PemBlock): Found[] {
  const labelKind = kindFromLabel(block.label)
  if (labelKind === 'private-key') return [{ kind: 'private-key' }] // not even decoded
  if (labelKind !== null && labelKind !== 'certificate') return [{ kind: labelKind }]
  const found = derFromBase64Text(block.content).map(classify)
  if (labelKind === null) return found
  // A certificate block may carry trailing data (TRUSTED CERTIFICATE's trust settings): keep what is recognised.
  const known = found.filter((item) => item.kind !== 'unknown')
  return known.length > 0 ? known : [{ kind: 'damaged-certificate' }]
}

function kindFromLabel(label: string): FoundKind | 'certificate' | null {
  if (label.includes('PRIVATE KEY')) return 'private-key'
  if (label.includes('CERTIFICATE REQUEST')) return 'certificate-request'
  if (label.endsWith('CERTIFICATE')) return 'certificate' // also X509 CERTIFICATE, TRUSTED CERTIFICATE
  if (label.includes('PUBLIC KEY')) return 'public-key'
  if (label === 'PKCS7' || label === 'PKCS #7 SIGNED DATA' || label === 'CMS') return 'pkcs7'
  return null
}

function classify(der: Uint8Array): Found {
  const kind = derKind(der)
  return kind === 'certificate' ? { kind, der } : { kind }
}

function decide({ found, looksLikeBase64 }: Scan, now: Date): CertificateImportResult {
  const certificates = uniqueCertificates(found)
  const has = (kind: FoundKind): boolean => found.some((item) => item.kind === kind)
  // Anything holding a private key is refused outright, even next to a certificate: the key must not be pasted anywhere.
  if (has('private-key')) {
    throw new CertificateRefusedError('private-key', certificates.length > 0 ? REFUSAL_DETAILS.keyWithCertificate : undefined)
  }
  if (has('pkcs12')) throw new CertificateRefusedError('pkcs12')
  if (has('damaged-certificate')) throw new CertificateRefusedError('damaged-certificate')
  if (certificates.length === 1) return { kind: 'certificate', certificate: describeCertificate(certificates[0], now) }
  if (certificates.length > 1) return { kind: 'choose', certificates: certificates.map((der) => describeCertificate(der, now)) }
  const other = found.find((item): item is { kind: RefusedKind } => item.kind !== 'unknown' && item.kind !== 'certificate')
  if (other) throw new CertificateRefusedError(other.kind)
  throw new CertificateRefusedError('not-a-certificate', looksLikeBase64 ? REFUSAL_DETAILS.base64NotCertificate : undefined)
}

/** Certificates in input order, each once (the same certificate pasted twice is one certificate). */
function uniqueCertificates(found: Found[]): Uint8Array[] {
  const byBase64 = new Map<string, Uint8Array>()
  for (const item of found) {
    if (item.kind !== 'certificate') continue
    const key = Buffer.from(item.der).toString('base64')
    if (!byBase64.has(key)) byBase64.set(key, item.der)
  }
  return [...byBase64.values()]
}
