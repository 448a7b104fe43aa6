import { z } from 'zod'

export { EXPIRY_WARNING_DAYS, MAX_CERTIFICATE_INPUT_BYTES } from './limits'

export const CertificateWarningCode = z.enum(['expired', 'not-yet-valid', 'expires-soon', 'weak-rsa-key', 'sha1-signature'])
export type CertificateWarningCode = z.infer<typeof CertificateWarningCode>

export const CertificateWarning = z.object({ code: CertificateWarningCode, message: z.string() })
export type CertificateWarning = z.infer<typeof CertificateWarning>

/** Everything the admin needs to know about an imported certificate, and the body Dialpad wants. */
export const CertificateReport = z.object({
  /** Base64 of the DER, no BEGIN/END lines, in 64-character lines joined by "\n": what Dialpad's Certificate field wants. */
  body: z.string(),
  /** The same base64 on one line (some consoles and scripts prefer it). */
  bodySingleLine: z.string(),
  /** Upper-case hex pairs joined by ":", as node:crypto's X509Certificate.fingerprint256 gives it. */
  sha256: z.string(),
  sha1: z.string(),
  subject: z.string(),
  issuer: z.string(),
  selfSigned: z.boolean(),
  /** Hex, as X509Certificate.serialNumber gives it. */
  serialNumber: z.string(),
  /** ISO 8601 instants. */
  notBefore: z.string(),
  notAfter: z.string(),
  /** Whole days from now to notAfter, negative once expired. */
  daysToExpiry: z.number(),
  /** 'RSA', 'EC', 'Ed25519', ... */
  keyType: z.string(),
  /** Bits for RSA; curve size for EC; null when not meaningful. */
  keySize: z.number().nullable(),
  /** Human label, e.g. "RSA 2048-bit" or "EC P-256". */
  keyDescription: z.string(),
  /** Readable name of the certificate's signature algorithm, e.g. "sha256WithRSAEncryption". */
  signatureAlgorithm: z.string(),
  warnings: z.array(CertificateWarning),
})
export type CertificateReport = z.infer<typeof CertificateReport>

/**
 * One certificate accepted, or several different ones found in one input: the admin must pick one
 * (they are never merged or chosen silently).
 */
export const CertificateImportResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('certificate'), certificate: CertificateReport }),
  z.object({ kind: z.literal('choose'), certificates: z.array(CertificateReport) }),
])
export type CertificateImportResult = z.infer<typeof CertificateImportResult>
