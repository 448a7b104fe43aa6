import type { Bundle, BundleSummary } from '../../shared/bundle'
import type { CertificateReport } from '../../shared/certificate'
import { enteredValueNotes, valueNoteText } from '../../shared/idpValues'
import { latestChecksOf } from '../../shared/latestChecks'
import { wizardProgress } from '../../shared/wizard/steps'

/**
 * What the admin sees before importing a bundle. Progress is as it will be here, where the API key is not stored yet.
 * Its values are judged by the wizard's own rules (enteredValueNotes), so a bundle cannot carry in a value unremarked.
 */
export function summarizeBundle(bundle: Bundle, certificate: CertificateReport | null): BundleSummary {
  const { profile, values } = bundle
  const { domainInput, idp } = profile.setup
  const notes = enteredValueNotes({ domainInput, entityIdInput: idp.entityIdInput, ssoUrlInput: idp.ssoUrlInput })
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
    problems: notes.filter((note) => note.level === 'error').map(valueNoteText),
    warnings: [
      ...notes.filter((note) => note.level === 'warning').map(valueNoteText),
      ...(certificate ? certificate.warnings.map((warning) => warning.message) : []),
    ],
  }
}
