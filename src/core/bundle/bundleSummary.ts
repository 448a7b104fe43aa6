import { scimCheckAddress, testOnlyAddressWarning } from '../../shared/scimAddress'
import type { Bundle, BundleSummary } from '../../shared/bundle'
import type { CertificateReport } from '../../shared/certificate'
import { latestChecksOf } from '../../shared/latestChecks'
import { wizardProgress } from '../../shared/wizard/steps'

/** What the admin sees before importing a bundle. Progress is as it will be here, where the API key is not stored yet. */
export function summarizeBundle(bundle: Bundle, certificate: CertificateReport | null): BundleSummary {
  const { profile, values } = bundle
  return {
    name: profile.name,
    notes: profile.notes,
    domain: values.domain,
    env: values.env,
    exportedAt: bundle.exportedAt,
    appVersion: bundle.appVersion,
    progress: wizardProgress({ ...profile.setup, apiKeyStored: false }),
    certificate: certificate ? { subject: certificate.subject, sha256: certificate.sha256, notAfter: certificate.notAfter } : null,
    checks: latestChecksOf(profile.setup).map((check) => ({ title: check.title, ok: check.run.ok, checkedAt: check.run.checkedAt })),
    keyHintLast4: bundle.keyHint?.last4 ?? null,
    warnings: [...(certificate ? certificate.warnings.map((warning) => warning.message) : []), ...scimAddressWarnings(bundle)],
  }
}

/** A profile whose SCIM checks point at a test-only address says so: its check results are not Dialpad's answers. */
function scimAddressWarnings(bundle: Bundle): string[] {
  const { scim, env } = bundle.profile.setup
  const address = scimCheckAddress(scim, env)
  return address.testOnly ? [testOnlyAddressWarning(address.url, env)] : []
}
