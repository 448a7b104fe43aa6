import { scimCheckAddress, testOnlyAddressWarning } from '../../shared/scimAddress'
import type { Bundle, BundleSummary } from '../../shared/bundle'
import type { CertificateReport } from '../../shared/certificate'
import { enteredValueNotes, valueNoteText } from '../../shared/idpValues'
import { latestChecksOf } from '../../shared/latestChecks'
import { type SetupStatus, deriveSetupStatus, progressOf, setupChecks } from '../../shared/wizard/stepState'
import { readableStatus } from './bundleExport'
import { exporterKeyOf } from './bundleRead'
import { canonicalJson } from './canonicalJson'

/**
 * What the admin sees before importing a bundle: progress, step states and check results as they will be here, where
 * no API key is stored for the profile yet (so what was made with the exporter's key shows as out of date). Its
 * values are judged by the wizard's own rules (enteredValueNotes), so a bundle cannot carry in a value unremarked.
 */
export function summarizeBundle(bundle: Bundle, certificate: CertificateReport | null): BundleSummary {
  const { profile, values } = bundle
  const status = deriveSetupStatus({ ...profile.setup, apiKey: null })
  const checkNotes = new Map(setupChecks(status).map((check) => [check.id, check.note]))
  const { domainInput, idp } = profile.setup
  const notes = enteredValueNotes({ domainInput, entityIdInput: idp.entityIdInput, ssoUrlInput: idp.ssoUrlInput })
  const exported = exportedStatusOf(bundle)
  return {
    name: profile.name,
    notes: profile.notes,
    domain: values.domain,
    env: values.env,
    exportedAt: bundle.exportedAt,
    appVersion: bundle.appVersion,
    progress: progressOf(status),
    overview: { kind: status.overview.kind, headline: status.overview.headline },
    exportedOverview: exported ? { kind: exported.overview.kind, headline: exported.overview.headline } : null,
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
      ...wordingWarnings(bundle, exported),
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

/**
 * The status when exported, in this app's words: derived from the setup with the exporter's key (reading checked
 * that the bundle's states are the ones derivation gives), so a file's own headline is never what is shown. Null for
 * a bundle that carries no overall status (format 1.0).
 */
function exportedStatusOf(bundle: Bundle): SetupStatus | null {
  if (bundle.overview === undefined) return null
  const exporterKey = exporterKeyOf(bundle)
  return exporterKey === undefined ? null : deriveSetupStatus({ ...bundle.profile.setup, apiKey: exporterKey })
}

/** The file's readable notes, titles or headline in other words than this app's for the same states. */
function wordingWarnings(bundle: Bundle, exported: SetupStatus | null): string[] {
  if (bundle.steps === undefined || bundle.overview === undefined || exported === null) return []
  const ours = readableStatus(exported)
  if (canonicalJson({ steps: bundle.steps, overview: bundle.overview }) === canonicalJson(ours)) return []
  return [
    'The readable step notes in this file are worded differently from this version of the app (another version exported it, or the text was edited). The step states match its setup; what is shown here is worded by this app.',
  ]
}
