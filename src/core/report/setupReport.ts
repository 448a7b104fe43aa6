import type { CertificateReport } from '../../shared/certificate'
import { checkRunFrom } from '../../shared/checkRun'
import { parseDomain } from '../../shared/domain'
import { DIALPAD_ENVIRONMENTS, defaultScimBaseUrl } from '../../shared/environments'
import { enteredValueNotes, type ValueNote } from '../../shared/idpValues'
import type { ProfileKeyStatus } from '../../shared/keyStatus'
import { latestChecksOf, type LatestCheck } from '../../shared/latestChecks'
import { jumpCloudBaseUrl, scimCheckAddress, testOnlyAddressWarning, testUserEmail, type ScimCheckAddress } from '../../shared/scimAddress'
import type { Profile } from '../../shared/profile'
import { type KeyIdentity, keyIdentityOf } from '../../shared/provenance'
import { crossCheckSaml } from '../../shared/samlCrossChecks'
import type {
  ReportCertificate,
  ReportCheck,
  ReportConsole,
  ReportEvent,
  ReportItemState,
  ReportOverview,
  ReportStep,
  ReportStepItem,
  SetupReport,
} from '../../shared/setupReport'
import { deriveSpValues } from '../../shared/spValues'
import { STEP_STATE_LABELS, type SetupStatus, type StepRef, type Verdict, decidingVerdictsOf, deriveSetupStatus, progressOf, setupChecks } from '../../shared/wizard/stepState'
import { readStoredCertificate } from '../bundle/bundleValues'
import { redactDeep } from '../profiles/redactDeep'
import { CertificateRefusedError } from '../saml/certificateImport'
import { formatInstant } from './formatInstant'

/** A profile from the app, or one read from a bundle (which has no id and only its export time). */
export type ReportProfile = Pick<Profile, 'name' | 'notes' | 'setup'> & Partial<Pick<Profile, 'createdAt' | 'modifiedAt'>>

export interface SetupReportOptions {
  /** The profile's key status in this app, or null for a bundle (which never holds the key). */
  keyStatus: ProfileKeyStatus | null
  now: Date
  appVersion: string
  /**
   * For a report made from a bundle file. `exporterKey` is the exporter's API key as far as the bundle tells it
   * (bundleRead's exporterKeyOf), so states are reported as they were exported.
   */
  bundle?: { exportedAt: string; appVersion: string; keyHintLast4: string | null; digestMismatch: boolean; exporterKey: KeyIdentity | null }
}

const DIALPAD_SAML_PAGE = 'Dialpad → Admin Settings › My Company › Authentication › SAML'
const JUMPCLOUD_SSO_TAB = 'JumpCloud → SSO Applications › the Dialpad app › SSO tab'
const JUMPCLOUD_IDENTITY_MANAGEMENT = 'JumpCloud → SSO Applications › the Dialpad app › Identity Management tab'

/** Everything the printable report shows, redacted: values for both consoles, certificate, checklists, checks, timeline. */
export function buildSetupReport(profile: ReportProfile, options: SetupReportOptions): SetupReport {
  const { setup } = profile
  const domain = parseDomain(setup.domainInput)
  const sp = domain.ok ? deriveSpValues(domain.domain, setup.env) : null
  const certificate = readCertificate(setup.idp.certificate, options.now)
  const generatedAt = options.now.toISOString()
  const status = deriveSetupStatus({ ...setup, apiKey: options.bundle ? options.bundle.exporterKey : keyIdentityOf(options.keyStatus) })

  const report: SetupReport = {
    title: `Dialpad SSO setup report: ${domain.ok ? domain.domain : profile.name}`,
    profileName: profile.name,
    notes: profile.notes,
    source: options.bundle
      ? `Configuration bundle exported on ${formatInstant(options.bundle.exportedAt)} by Dialpad SSO Assistant ${options.bundle.appVersion}`
      : 'Profile in Dialpad SSO Assistant',
    generatedAt,
    appVersion: options.appVersion,
    domain: domain.ok ? domain.domain : null,
    otherEmailDomains: [...setup.otherEmailDomains],
    environment: `${DIALPAD_ENVIRONMENTS[setup.env].label} (${DIALPAD_ENVIRONMENTS[setup.env].host})`,
    progress: progressOf(status),
    overview: overview(status),
    apiKey: apiKeyText(options),
    consoles: consoles(profile, sp, certificate, options),
    certificate: certificateCard(certificate),
    steps: steps(status),
    checks: checks(profile, status, sp, certificate, generatedAt),
    timeline: timeline(profile, options, generatedAt),
    warnings: reportWarnings(profile, options),
  }
  return redactDeep(report)
}

function reportWarnings(profile: ReportProfile, options: SetupReportOptions): string[] {
  const warnings: string[] = []
  if (options.bundle?.digestMismatch) {
    warnings.push('The bundle this report was made from was changed after it was exported (its digest does not match). Its content may not be what was exported.')
  }
  const address = scimCheckAddress(profile.setup.scim, profile.setup.env)
  if (address.testOnly) warnings.push(testOnlyAddressWarning(address.url, profile.setup.env))
  return warnings
}

type ReadCertificate = { report: CertificateReport } | { problem: string } | null

function readCertificate(body: string | null, now: Date): ReadCertificate {
  if (body === null) return null
  try {
    return { report: readStoredCertificate(body, now) }
  } catch (error) {
    if (!(error instanceof CertificateRefusedError)) throw error
    return { problem: 'The saved IdP certificate cannot be read. Import the IDP Certificate from JumpCloud again.' }
  }
}

function apiKeyText({ keyStatus, bundle }: SetupReportOptions): string {
  if (bundle) {
    const hint = bundle.keyHintLast4 ? ` The key used for this setup ends in …${bundle.keyHintLast4}.` : ''
    return `Not included: bundles never contain the API key.${hint}`
  }
  if (!keyStatus?.stored) return 'Not stored in this app.'
  const where = keyStatus.backend === 'keychain' ? 'Stored in the system keychain' : 'Kept for this session only'
  return `${where}; ends in …${keyStatus.last4}. The key itself is never printed.`
}

function consoles(profile: ReportProfile, sp: ReturnType<typeof deriveSpValues> | null, certificate: ReadCertificate, options: SetupReportOptions): ReportConsole[] {
  const { idp, scim, env } = profile.setup
  const enterDomain = 'Enter the company domain in “Enable SAML in Dialpad”.'
  const bringBack = 'Bring it back from JumpCloud in “Bring the IdP values back from JumpCloud”.'
  const ssoUrl = idp.ssoUrlInput.trim()
  const keyHint = options.bundle?.keyHintLast4 ?? (options.keyStatus?.stored ? options.keyStatus.last4 : null)
  const notes = enteredValueNotes({ entityIdInput: idp.entityIdInput, ssoUrlInput: idp.ssoUrlInput })
  return [
    {
      console: 'Dialpad',
      heading: `Values for Dialpad (${DIALPAD_SAML_PAGE})`,
      values: [
        {
          label: 'IdP Entity ID (Issuer)',
          where: `${DIALPAD_SAML_PAGE} → IdP Entity ID`,
          value: idp.entityIdInput.trim() === '' ? null : idp.entityIdInput,
          missing: bringBack,
          ...notesOf(notes, 'IdP Entity ID'),
        },
        { label: 'IdP SSO URL', where: `${DIALPAD_SAML_PAGE} → IdP SSO URL`, value: ssoUrl === '' ? null : ssoUrl, missing: bringBack, ...notesOf(notes, 'IdP SSO URL') },
        {
          label: 'Certificate',
          where: `${DIALPAD_SAML_PAGE} → Certificate (without BEGIN/END lines)`,
          value: certificate && 'report' in certificate ? certificate.report.body : null,
          missing: certificate ? 'The saved certificate cannot be read; import the IDP Certificate again.' : bringBack,
          block: true,
        },
      ],
    },
    {
      console: 'JumpCloud',
      heading: 'Values for JumpCloud (the Dialpad app)',
      values: [
        { label: 'SP Entity ID', where: `${JUMPCLOUD_SSO_TAB} → SP Entity ID`, value: sp?.spEntityId ?? null, missing: enterDomain },
        { label: 'ACS URL', where: `${JUMPCLOUD_SSO_TAB} → ACS URL`, value: sp?.acsUrl ?? null, missing: enterDomain },
        {
          label: 'Attribute mapping',
          where: `${JUMPCLOUD_SSO_TAB} → Attributes`,
          value: 'Service Provider Attribute Name email → JumpCloud attribute name email',
        },
        // Always Dialpad's: an address the checks were pointed at for testing is never offered to JumpCloud.
        { label: 'SCIM Base URL', where: `${JUMPCLOUD_IDENTITY_MANAGEMENT} → Base URL`, value: jumpCloudBaseUrl(env) },
        {
          label: 'Test User Email',
          where: `${JUMPCLOUD_IDENTITY_MANAGEMENT} → Test User Email`,
          value: testUserEmail(scim.testUserEmail, sp?.domain ?? null),
        },
        {
          label: 'Token Key',
          where: `${JUMPCLOUD_IDENTITY_MANAGEMENT} → Token Key`,
          value: `The Dialpad API key (never printed${keyHint ? `; it ends in …${keyHint}` : ''}).`,
        },
      ],
    },
  ]
}

/** The wizard's error and warnings for one value, as the report prints them under it. */
function notesOf(notes: ValueNote[], field: ValueNote['field']): { error?: string; warnings?: string[] } {
  const mine = notes.filter((note) => note.field === field)
  const error = mine.find((note) => note.level === 'error')?.message
  const warnings = mine.filter((note) => note.level === 'warning').map((note) => note.message)
  return { ...(error ? { error } : {}), ...(warnings.length > 0 ? { warnings } : {}) }
}

function certificateCard(certificate: ReadCertificate): ReportCertificate | null {
  if (certificate === null) return null
  if ('problem' in certificate) return { readable: false, problem: certificate.problem }
  const { report } = certificate
  return {
    readable: true,
    subject: report.subject,
    issuer: report.issuer,
    selfSigned: report.selfSigned,
    serialNumber: report.serialNumber,
    notBefore: report.notBefore,
    notAfter: report.notAfter,
    daysToExpiry: report.daysToExpiry,
    key: report.keyDescription,
    signatureAlgorithm: report.signatureAlgorithm,
    sha256: report.sha256,
    sha1: report.sha1,
    warnings: report.warnings.map((warning) => warning.message),
  }
}

function overview(status: SetupStatus): ReportOverview {
  const notes = new Map(status.steps.map((step) => [step.id, step.note]))
  const withNote = (refs: StepRef[]) => refs.map((ref) => ({ ...ref, note: notes.get(ref.id) ?? null }))
  const { kind, headline, outOfDate, waiting, skipped, open } = status.overview
  return { kind, headline, outOfDate: withNote(outOfDate), waiting: withNote(waiting), skipped: withNote(skipped), open: withNote(open) }
}

function itemState(verdict: Verdict): ReportItemState {
  if (!verdict.made) return 'not-done'
  if (verdict.freshness === 'out-of-date') return 'out-of-date'
  if (verdict.freshness === 'unrecorded') return 'unrecorded'
  return verdict.ok === false ? 'failed' : 'done'
}

const itemOf = (verdict: Verdict): ReportStepItem => ({ kind: verdict.kind, id: verdict.id, label: verdict.label, state: itemState(verdict), note: verdict.note })

/** Each step once, with one state: its ticks and deciding check; skip ticks only when the step was skipped. */
function steps(status: SetupStatus): ReportStep[] {
  return status.steps.map((step) => ({
    id: step.id,
    number: step.number,
    title: step.title,
    state: step.state,
    stateLabel: STEP_STATE_LABELS[step.state],
    note: step.note ?? (step.state === 'done' || step.state === 'skipped' ? null : step.missing),
    items: [...decidingVerdictsOf(step), ...(step.state === 'skipped' ? step.skip : [])].map(itemOf),
  }))
}

function checks(profile: ReportProfile, status: SetupStatus, sp: ReturnType<typeof deriveSpValues> | null, certificate: ReadCertificate, generatedAt: string): ReportCheck[] {
  const { setup } = profile
  const address = scimCheckAddress(setup.scim, setup.env)
  const verdicts = new Map(setupChecks(status).map((verdict) => [verdict.id, verdict]))
  const live = latestChecksOf(setup).map((check): ReportCheck => ({
    kind: 'live',
    title: check.title,
    checkedAt: check.run.checkedAt,
    ok: check.run.ok,
    freshness: verdicts.get(check.kind)?.freshness ?? 'current',
    freshnessNote: verdicts.get(check.kind)?.note ?? null,
    note: checkNote(check, address, setup),
    steps: check.run.steps,
  }))
  const crossChecks = checkRunFrom(
    crossCheckSaml({ sp, spCopiedToJumpCloud: setup.spCopiedToJumpCloud, idp: setup.idp, certificate: certificate && 'report' in certificate ? certificate.report : null }),
    new Date(generatedAt),
  )
  return [
    {
      kind: 'offline' as const,
      title: 'Offline SAML cross-checks',
      checkedAt: generatedAt,
      ok: crossChecks.ok,
      freshness: 'current' as const,
      freshnessNote: null,
      note: 'Worked out from the saved values when this report was made.',
      steps: crossChecks.steps,
    },
    ...live,
  ]
}

function checkNote(check: LatestCheck, address: ScimCheckAddress, setup: ReportProfile['setup']): string | null {
  if (check.kind === 'scim-connection' || check.kind === 'scim-lifecycle') {
    // The address the result was made against, as its provenance recorded it; else what the checks are set to now.
    const recorded = setup.provenance.checks[check.kind]?.against.scimBaseUrl
    if (recorded === undefined) {
      return address.testOnly ? `The SCIM checks are set to the test-only address ${address.url || '(none entered)'}, not Dialpad's.` : null
    }
    return recorded !== defaultScimBaseUrl(setup.env) ? `Ran against the test-only address ${recorded ?? '(none entered)'}, not Dialpad's.` : null
  }
  if (check.source === undefined) return null
  return check.source === 'pasted' ? 'Checked a pasted SAML response.' : 'Checked a login in the app’s login window.'
}

function timeline(profile: ReportProfile, options: SetupReportOptions, generatedAt: string): ReportEvent[] {
  const events: ReportEvent[] = []
  if (profile.createdAt) events.push({ at: profile.createdAt, event: 'Profile created.' })
  const metadata = profile.setup.idp.metadata
  if (metadata) events.push({ at: metadata.importedAt, event: `JumpCloud’s metadata imported from ${metadata.fileName}.` })
  for (const check of latestChecksOf(profile.setup)) {
    const failures = check.run.steps.filter((step) => step.status === 'fail').length
    events.push({
      at: check.run.checkedAt,
      event: check.run.ok ? `${check.title} passed.` : `${check.title} failed (${failures} of ${check.run.steps.length} steps failed).`,
    })
  }
  if (profile.modifiedAt) events.push({ at: profile.modifiedAt, event: 'Profile last changed.' })
  if (options.bundle) events.push({ at: options.bundle.exportedAt, event: 'Configuration bundle exported.' })
  events.push({ at: generatedAt, event: 'This report made.' })
  // Stable: events at the same instant keep the order above.
  return events
    .map((event, index) => ({ event, index, time: Date.parse(event.at) }))
    .map((entry) => ({ ...entry, time: Number.isNaN(entry.time) ? Number.MAX_SAFE_INTEGER : entry.time }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ event }) => event)
}
