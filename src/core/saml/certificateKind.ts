import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto'
import {
  childrenOf,
  contentOf,
  readElement,
  TAG_BIT_STRING,
  TAG_CONTEXT_0,
  TAG_INTEGER,
  TAG_OID,
  TAG_SEQUENCE,
  type DerElement,
} from './der'

export type DerKind = 'certificate' | 'private-key' | 'certificate-request' | 'public-key' | 'pkcs7' | 'pkcs12' | 'unknown'

/** DER content of the OID arc 1.2.840.113549.1.7 (PKCS#7 content types: data, signedData, encryptedData...). */
const PKCS7_ARC = Buffer.from('2a864886f70d0107', 'hex')

/** Smaller than any key or certificate we recognise (an Ed25519 public key is 44 bytes); skipping these keeps junk input fast. */
const MIN_RECOGNISED_BYTES = 40

/** What a DER (or BER) blob is. Never throws. */
export function derKind(der: Uint8Array): DerKind {
  if (der.length < MIN_RECOGNISED_BYTES) return 'unknown'
  if (parses(() => new X509Certificate(der))) return 'certificate'
  if (isPrivateKey(der)) return 'private-key'
  if (parses(() => createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' }))) return 'public-key'
  if (parses(() => createPublicKey({ key: Buffer.from(der), format: 'der', type: 'pkcs1' }))) return 'public-key'
  try {
    return shapeKind(der)
  } catch {
    return 'unknown'
  }
}

function parses(parse: () => unknown): boolean {
  try {
    parse()
    return true
  } catch {
    return false
  }
}

// The parsed key objects are dropped at once: only the verdict is kept.
function isPrivateKey(der: Uint8Array): boolean {
  const key = Buffer.from(der)
  return (['pkcs8', 'pkcs1', 'sec1'] as const).some((type) => {
    try {
      createPrivateKey({ key, format: 'der', type })
      return true
    } catch (error) {
      // An encrypted PKCS#8 key (EncryptedPrivateKeyInfo) is recognised, then refused for lack of a passphrase.
      return (error as { code?: unknown }).code === 'ERR_MISSING_PASSPHRASE'
    }
  })
}

function shapeKind(der: Uint8Array): DerKind {
  const top = readElement(der)
  if (!top || top.tag !== TAG_SEQUENCE) return 'unknown'
  const [first, second, third] = childrenOf(der, top)
  if (!first) return 'unknown'
  // PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, macData OPTIONAL }
  if (isInteger(der, first, 3) && second?.tag === TAG_SEQUENCE && isPkcs7ContentInfo(der, second)) return 'pkcs12'
  // ContentInfo ::= SEQUENCE { contentType OID (1.2.840.113549.1.7.x), content [0] }
  if (isPkcs7ContentInfo(der, top)) return 'pkcs7'
  // CertificationRequest ::= SEQUENCE { info SEQUENCE { version 0, subject, spki, [0] attributes }, algorithm, signature }
  if (first.tag === TAG_SEQUENCE && second?.tag === TAG_SEQUENCE && third?.tag === TAG_BIT_STRING) {
    const [version, subject, spki, attributes] = childrenOf(der, first)
    if (version && isInteger(der, version, 0) && subject?.tag === TAG_SEQUENCE && spki?.tag === TAG_SEQUENCE && attributes?.tag === TAG_CONTEXT_0) {
      return 'certificate-request'
    }
  }
  return 'unknown'
}

function isInteger(der: Uint8Array, element: DerElement, value: number): boolean {
  const content = contentOf(der, element)
  return element.tag === TAG_INTEGER && content.length === 1 && content[0] === value
}

function isPkcs7ContentInfo(der: Uint8Array, element: DerElement): boolean {
  const [contentType] = childrenOf(der, element)
  if (contentType?.tag !== TAG_OID) return false
  const oid = contentOf(der, contentType)
  return oid.length === PKCS7_ARC.length + 1 && PKCS7_ARC.equals(oid.subarray(0, PKCS7_ARC.length))
}
