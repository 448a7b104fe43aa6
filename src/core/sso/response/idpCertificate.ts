import { X509Certificate } from 'node:crypto'

/** The certificate the admin imported into the setup: the only key a response signature is checked against. */
export interface TrustedCertificate {
  pem: string
  /** Upper-case hex pairs joined by ":", as node:crypto gives it. */
  sha256: string
  subject: string
  der: Buffer
}

/**
 * Reads a certificate body (base64 of the DER, on one line or in lines): the one stored in the setup, or one a
 * response carries, for a diagnosis. Null when it is not a certificate, so the caller can say the saved certificate
 * is damaged instead of blaming the response.
 */
export function trustedCertificate(body: string): TrustedCertificate | null {
  const base64 = body.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')
  if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null
  const der = Buffer.from(base64, 'base64')
  try {
    const certificate = new X509Certificate(der)
    return { pem: certificate.toString(), sha256: certificate.fingerprint256, subject: oneLine(certificate.subject), der }
  } catch {
    return null
  }
}

/** "CN=JumpCloud, O=…": node:crypto separates the parts with newlines. */
function oneLine(subject: string): string {
  return subject.split('\n').filter(Boolean).join(', ')
}
