import type { BundleValues } from '../../shared/bundle'
import type { CertificateReport } from '../../shared/certificate'
import { parseDomain } from '../../shared/domain'
import type { SetupState } from '../../shared/setupState'
import { deriveSpValues } from '../../shared/spValues'
import { jumpCloudBaseUrl } from '../../shared/scimAddress'
import { CertificateRefusedError, importCertificate } from '../saml/certificateImport'

/**
 * Reads a certificate body the setup holds (base64 DER on one line) with the app's certificate import, as if the
 * admin had pasted it. Throws CertificateRefusedError when it is not exactly one certificate.
 */
export function readStoredCertificate(body: string, now: Date): CertificateReport {
  const result = importCertificate({ text: body }, now)
  if (result.kind !== 'certificate') throw new CertificateRefusedError('not-a-certificate')
  return result.certificate
}

/** The values both consoles need, derived from the setup exactly as the wizard shows them. */
export function bundleValuesOf(setup: SetupState, certificate: CertificateReport | null): BundleValues {
  const domain = parseDomain(setup.domainInput)
  const sp = domain.ok ? deriveSpValues(domain.domain, setup.env) : null
  const ssoUrl = setup.idp.ssoUrlInput.trim()
  return {
    domain: domain.ok ? domain.domain : null,
    env: setup.env,
    spEntityId: sp?.spEntityId ?? null,
    acsUrl: sp?.acsUrl ?? null,
    // Kept exactly as typed: Dialpad compares the Entity ID character for character.
    idpEntityId: setup.idp.entityIdInput.trim() === '' ? null : setup.idp.entityIdInput,
    idpSsoUrl: ssoUrl === '' ? null : ssoUrl,
    scimBaseUrl: jumpCloudBaseUrl(setup.env),
    certificate: certificate ? { body: certificate.body, sha256Fingerprint: certificate.sha256 } : null,
  }
}
