import { scimCheckAddress, testOnlyAddressWarning } from '../../shared/scimAddress'
import type { Bundle, BundleSummary } from '../../shared/bundle'
import type { CertificateReport } from '../../shared/certificate'
import { enteredValueNotes, valueNoteText } from '../../shared/idpValues'
import { latestChecksOf } from '../../shared/latestChecks'
import { deriveSetupStatus } from '../../shared/wizard/stepState'
import { exporterKeyOf } from './bundleRead'

/**
 * What the admin sees before importing a bundle: progress, step states and check results as they will be here, where
 * no API key is stored for the profile yet (so what was made with the exporter's key shows as out of date). Its
 * values are judged by the wizard's own rules (enteredValueNotes), so a bundle cannot carry in a value unremarked.
 */
export function summarizeBundle(bundle: Bundle, certificate: CertificateReport | null): BundleSummary {
  const { profile, values } = bundle
  const status = deriveSetupStatus({ ...profile.setup, apiKey: null })
  const checkNotes = new Map(status.steps.flatMap((step) => [...(step.check ? [step.check] : []), ...step.otherChecks]).map((check) => [check.id, check.note]))
  const { domainInput, idp } = profile.setup
  const notes = enteredValueNotes({ domainInput, entityIdInput: idp.entityIdInput, ssoUrlInput: idp.ssoUrlInput })
  return {
    name: profile.name,
    notes: profile.notes,
    domain: values.domain,
    env: values.env,
    exportedAt: bundle.exportedAt,
    appVersion: bundle.appVersion,
    progress: { done: status.overview.done, total: status.overview.total },
    overview: { kind: status.overview.kind, headline: status.overview.headline },
    // Only a status this app derives again from the bundle's own setup (bundleRead's exporterKeyOf): a bundle whose
    // step count is not this app's (so not checked against its setup on reading) cannot put words in the app's mouth.
    exportedOverview: bundle.overview !== undefined && exporterKeyOf(bundle) !== undefined ? bundle.overview : null,
    steps: status.steps.map((step) => ({ number: step.number, title: step.title, state: step.state, note: step.note })),
    certificate: certificate ? { subject: certificate.subject, sha256: certificate.sha256, notAfter: certificate.notAfter } : null,
    checks: latestChecksOf(profile.setup).map((check) => ({
      title: check.title,
      ok: check.run.ok,
      checkedAt: check.run.checkedAt,
      note: checkNotes.get(check.kind) ?? null,
    })),
    keyHintLast4: bundle.keyHint?.last4 ?? null,
    problems: notes.filter((note) => note.level === 'error').map(valueNoteText),
    warnings: [
      ...notes.filter((note) => note.level === 'warning').map(valueNoteText),
      ...(certificate ? certificate.warnings.map((warning) => warning.message) : []),
      ...scimAddressWarnings(bundle),
    ],
  }
}

/** A profile whose SCIM checks point at a test-only address says so: its check results are not Dialpad's answers. */
function scimAddressWarnings(bundle: Bundle): string[] {
  const { scim, env } = bundle.profile.setup
  const address = scimCheckAddress(scim, env)
  return address.testOnly ? [testOnlyAddressWarning(address.url, env)] : []
}
