import type { CertificateReport } from '../../shared/certificate'
import { oneLine } from '../../shared/displayText'
import type { MetadataImport } from '../../shared/metadataImport'
import { UserFacingError } from '../userFacingError'
import { describeCertificate } from './certificateImport'
import { parseIdpMetadata } from './idpMetadata'

/** Reads JumpCloud's metadata export and describes each of its signing certificates. */
export function importIdpMetadata(fileName: string, xml: string, now: Date = new Date()): MetadataImport {
  const metadata = parseIdpMetadata(xml)
  const certificates = metadata.signingCertificates.map((base64, index) => {
    try {
      return describeCertificate(Buffer.from(base64, 'base64'), now)
    } catch {
      throw new UserFacingError(
        `Signing certificate ${index + 1} in ${oneLine(fileName, 200)} is not a valid certificate. Export the metadata from the Dialpad app in JumpCloud again, or import the IDP Certificate file instead.`,
      )
    }
  })
  return {
    fileName,
    entityId: metadata.entityId,
    ssoUrl: metadata.ssoUrl,
    ssoBinding: metadata.ssoBinding,
    certificates,
    suggestedCertificateIndex: longestValidIndex(certificates, now),
  }
}

/** During a rotation JumpCloud lists old and new certificates; the one valid longest (and already valid) is the safe default. */
function longestValidIndex(certificates: CertificateReport[], now: Date): number {
  const usable = (c: CertificateReport) => Date.parse(c.notBefore) <= now.getTime()
  let best = 0
  certificates.forEach((certificate, index) => {
    const current = certificates[best]
    // Ties (same end date) are broken by the fingerprint, so the suggestion never depends on the order in the file.
    const later = Date.parse(certificate.notAfter) - Date.parse(current.notAfter)
    const better =
      (usable(certificate) && !usable(current)) ||
      (usable(certificate) === usable(current) && (later > 0 || (later === 0 && certificate.sha256 < current.sha256)))
    if (better) best = index
  })
  return best
}
