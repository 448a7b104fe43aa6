import { X509Certificate, type KeyObject } from 'node:crypto'
import { AsnConvert } from '@peculiar/asn1-schema'
import { Certificate } from '@peculiar/asn1-x509'
import { EXPIRY_WARNING_DAYS, type CertificateReport, type CertificateWarning } from '../../shared/certificate'
import { CertificateRefusedError } from './certificateRefusal'
import { plural } from '../../shared/plural'

const DAY_MS = 24 * 60 * 60 * 1000
const MIN_RSA_BITS = 2048

const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
}
const SHA1_SIGNATURES = new Set(['sha1WithRSAEncryption', 'ecdsa-with-SHA1', 'dsa-with-SHA1'])
/** Older and weaker than SHA-1 (still found in old IdP certificates, e.g. Shibboleth's 2005 examples): same warning code. */
const MD_SIGNATURES = new Set(['md5WithRSAEncryption', 'md2WithRSAEncryption'])

const KEY_TYPES: Record<string, string> = { rsa: 'RSA', 'rsa-pss': 'RSA-PSS', dsa: 'DSA', ec: 'EC', ed25519: 'Ed25519', ed448: 'Ed448' }
const CURVES: Record<string, { name: string; bits: number }> = {
  prime256v1: { name: 'P-256', bits: 256 },
  secp384r1: { name: 'P-384', bits: 384 },
  secp521r1: { name: 'P-521', bits: 521 },
  secp256k1: { name: 'secp256k1', bits: 256 },
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Everything the admin needs to know about one certificate (DER), with warnings judged at `now`. */
export function describeCertificate(der: Uint8Array, now: Date = new Date()): CertificateReport {
  let cert: X509Certificate
  try {
    cert = new X509Certificate(der)
  } catch {
    throw new CertificateRefusedError('damaged-certificate')
  }
  const base64 = cert.raw.toString('base64')
  const notBefore = cert.validFromDate
  const notAfter = cert.validToDate
  const key = describeKey(cert)
  const signatureAlgorithm = signatureAlgorithmName(cert.raw)
  const subject = readableName(cert.subject)
  const issuer = readableName(cert.issuer)
  return {
    body: (base64.match(/.{1,64}/g) ?? []).join('\n'),
    bodySingleLine: base64,
    sha256: cert.fingerprint256,
    sha1: cert.fingerprint,
    subject,
    issuer,
    selfSigned: subject === issuer && verifiesWithOwnKey(cert),
    serialNumber: cert.serialNumber,
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    daysToExpiry: Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS),
    ...key,
    signatureAlgorithm,
    warnings: warningsFor({ notBefore, notAfter, now, keyType: key.keyType, keySize: key.keySize, signatureAlgorithm }),
  }
}

/** "C=US\nO=Acme\nCN=idp" → "C=US, O=Acme, CN=idp". */
function readableName(name: string): string {
  return name.split('\n').filter(Boolean).join(', ')
}

function verifiesWithOwnKey(cert: X509Certificate): boolean {
  try {
    return cert.checkIssued(cert) && cert.verify(cert.publicKey)
  } catch {
    return false
  }
}

function signatureAlgorithmName(der: Uint8Array): string {
  try {
    const oid = AsnConvert.parse(der, Certificate).signatureAlgorithm.algorithm
    return SIGNATURE_ALGORITHMS[oid] ?? oid
  } catch {
    return 'unknown'
  }
}

function describeKey(cert: X509Certificate): Pick<CertificateReport, 'keyType' | 'keySize' | 'keyDescription'> {
  let publicKey: KeyObject
  try {
    publicKey = cert.publicKey
  } catch {
    return { keyType: 'unknown', keySize: null, keyDescription: 'Unrecognised key type' }
  }
  const type = publicKey.asymmetricKeyType ?? 'unknown'
  const details = publicKey.asymmetricKeyDetails ?? {}
  const keyType = KEY_TYPES[type] ?? type.toUpperCase()
  if (details.modulusLength) return { keyType, keySize: details.modulusLength, keyDescription: `${keyType} ${details.modulusLength}-bit` }
  if (details.namedCurve) {
    const curve = CURVES[details.namedCurve]
    return { keyType, keySize: curve?.bits ?? null, keyDescription: `${keyType} ${curve?.name ?? details.namedCurve}` }
  }
  return { keyType, keySize: null, keyDescription: keyType }
}

interface WarningFacts {
  notBefore: Date
  notAfter: Date
  now: Date
  keyType: string
  keySize: number | null
  signatureAlgorithm: string
}

function warningsFor(facts: WarningFacts): CertificateWarning[] {
  const { notBefore, notAfter, now, keyType, keySize, signatureAlgorithm } = facts
  const warnings: CertificateWarning[] = []
  const msLeft = notAfter.getTime() - now.getTime()
  if (msLeft < 0) {
    warnings.push({
      code: 'expired',
      message:
        `This certificate expired on ${formatDay(notAfter)}. Logins signed with it may be refused (whether Dialpad checks the dates is not documented): in JumpCloud, ` +
        "open the Dialpad app's SSO tab, generate a new certificate, then import it here again.",
    })
  } else if (now < notBefore) {
    warnings.push({
      code: 'not-yet-valid',
      message:
        `This certificate only becomes valid on ${formatDay(notBefore)}; until then logins signed with it may be refused. ` +
        "Check this computer's date. If it is right, download the current IdP certificate from the Dialpad app's SSO tab in JumpCloud and import it here again.",
    })
  } else if (msLeft < EXPIRY_WARNING_DAYS * DAY_MS) {
    const days = Math.floor(msLeft / DAY_MS)
    const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${plural(days, 'day')}`
    warnings.push({
      code: 'expires-soon',
      message:
        `This certificate expires on ${formatDay(notAfter)} (${when}); logins may fail after that. Plan the rotation now: ` +
        "in JumpCloud, generate a new certificate in the Dialpad app's SSO tab, then put it in Dialpad's Certificate field the same day.",
    })
  }
  if ((keyType === 'RSA' || keyType === 'RSA-PSS') && keySize !== null && keySize < MIN_RSA_BITS) {
    warnings.push({
      code: 'weak-rsa-key',
      message:
        `This certificate has a ${keySize}-bit RSA key; ${MIN_RSA_BITS} bits is the minimum considered safe, and it may be refused. ` +
        "In JumpCloud, generate a new certificate in the Dialpad app's SSO tab (2048-bit or larger), then import it here again.",
    })
  }
  if (MD_SIGNATURES.has(signatureAlgorithm)) {
    const hash = signatureAlgorithm.slice(0, 3).toUpperCase()
    warnings.push({
      code: 'sha1-signature',
      message:
        `This certificate is signed with ${hash}, which is broken and will likely be refused. ` +
        "In JumpCloud, generate a new certificate in the Dialpad app's SSO tab (it uses SHA-256), then import it here again.",
    })
  }
  if (SHA1_SIGNATURES.has(signatureAlgorithm)) {
    warnings.push({
      code: 'sha1-signature',
      message:
        'This certificate is signed with SHA-1, which is no longer considered secure and may be refused. ' +
        "In JumpCloud, generate a new certificate in the Dialpad app's SSO tab (it uses SHA-256), then import it here again.",
    })
  }
  return warnings
}

/** "3 Mar 2025" (UTC): unambiguous for admins in any locale. */
function formatDay(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}
