import type { CertificateReport } from '../../shared/certificate'
import { checkRunFrom } from '../../shared/checkRun'
import { parseDomain } from '../../shared/domain'
import { DIALPAD_ENVIRONMENTS, defaultScimBaseUrl } from '../../shared/environments'
import { enteredValueNotes, type ValueNote } from '../../shared/idpValues'
import type { KeyStatus } from '../../shared/keyStatus'
import { latestChecksOf } from '../../shared/latestChecks'
import type { Profile } from '../../shared/profile'
import { crossCheckSaml } from '../../shared/samlCrossChecks'
import type { ReportCertificate, ReportCheck, ReportConsole, ReportEvent, ReportStep, SetupReport } from '../../shared/setupReport'
import { deriveSpValues } from '../../shared/spValues'
import { WIZARD_STEPS, wizardProgress } from '../../shared/wizard/steps'
import { readStoredCertificate } from '../bundle/bundleValues'
import { redactDeep } from '../profiles/redactDeep'
import { CertificateRefusedError } from '../saml/certificateImport'
import { formatInstant } from './formatInstant'

/** A profile from the app, or one read from a bundle (which has no id and only its export time). */
export type ReportProfile = Pick<Profile, 'name' | 'notes' | 'setup'> & Partial<Pick<Profile, 'createdAt' | 'modifiedAt'>>

export interface SetupReportOptions {
  /** The profile's key status in this app, or null for a bundle (which never holds the key). */
  keyStatus: KeyStatus | null
  now: Date
  appVersion: string
  /** For a report made from a bundle file. */
  bundle?: { exportedAt: string; appVersion: string; keyHintLast4: string | null; digestMismatch: boolean }
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
  const apiKeyStored = options.keyStatus?.stored ?? false

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
    environment: `${DIALPAD_ENVIRONMENTS[setup.env].label} (${DIALPAD_ENVIRONMENTS[setup.env].host})`,
    progress: wizardProgress({ ...setup, apiKeyStored }),
    apiKey: apiKeyText(options),
    consoles: consoles(profile, sp, certificate, options),
    certificate: certificateCard(certificate),
    steps: steps(profile, apiKeyStored),
    checks: checks(profile, sp, certificate, generatedAt),
    timeline: timeline(profile, options, generatedAt),
    warnings: options.bundle?.digestMismatch
      ? ['The bundle this report was made from was changed after it was exported (its digest does not match). Its content may not be what was exported.']
      : [],
  }
  return redactDeep(report)
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
  const scimBaseUrl = scim.baseUrlMode === 'custom' ? scim.customBaseUrl.trim() : defaultScimBaseUrl(env)
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
        { label: 'SCIM Base URL', where: `${JUMPCLOUD_IDENTITY_MANAGEMENT} → Base URL`, value: scimBaseUrl === '' ? null : scimBaseUrl, missing: 'Enter the custom SCIM base URL in “Test the SCIM connection”.' },
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

function steps(profile: ReportProfile, apiKeyStored: boolean): ReportStep[] {
  const facts = { ...profile.setup, apiKeyStored }
  return WIZARD_STEPS.map((step) => ({
    id: step.id,
    title: step.title,
    complete: step.isComplete(facts),
    sections: step.checklists.map((section) => ({
      title: section.title,
      items: section.items.map((item) => ({ id: item.id, label: item.label, checked: profile.setup.checklist[item.id] === true })),
    })),
  }))
}

function checks(profile: ReportProfile, sp: ReturnType<typeof deriveSpValues> | null, certificate: ReadCertificate, generatedAt: string): ReportCheck[] {
  const { setup } = profile
  const live = latestChecksOf(setup).map((check): ReportCheck => ({
    kind: 'live',
    title: check.title,
    checkedAt: check.run.checkedAt,
    ok: check.run.ok,
    note: check.source === undefined ? null : check.source === 'pasted' ? 'Checked a pasted SAML response.' : 'Checked a login in the app’s login window.',
    steps: check.run.steps,
  }))
  const crossChecks = checkRunFrom(
    crossCheckSaml({ sp, spCopiedToJumpCloud: setup.spCopiedToJumpCloud, idp: setup.idp, certificate: certificate && 'report' in certificate ? certificate.report : null }),
    new Date(generatedAt),
  )
  return [
    { kind: 'offline' as const, title: 'Offline SAML cross-checks', checkedAt: generatedAt, ok: crossChecks.ok, note: 'Worked out from the saved values when this report was made.', steps: crossChecks.steps },
    ...live,
  ]
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
