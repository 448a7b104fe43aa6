import { createHash } from 'node:crypto'
import type { ProfileDifference } from '../../shared/bundle'
import { DIALPAD_ENVIRONMENTS, defaultScimBaseUrl } from '../../shared/environments'
import { LIVE_CHECK_TITLES } from '../../shared/latestChecks'
import type { LiveCheckKind } from '../../shared/liveCheck'
import type { CheckRun } from '../../shared/checkRun'
import type { SetupState } from '../../shared/setupState'
import { WIZARD_STEPS } from '../../shared/wizard/steps'
import type { ProfileContent } from '../profiles/profileStore'
import { CertificateRefusedError } from '../saml/certificateImport'
import { redactThenShorten } from '../secrets/redact'
import { withoutKeyDigits } from './bundleExport'
import { readStoredCertificate } from './bundleValues'
import { canonicalJson } from './canonicalJson'

const NONE = '(none)'
const EMPTY = '(empty)'
const MAX_SHOWN = 300

/**
 * What importing would change, field by field, with the labels the admin knows ("IdP SSO URL: old → new").
 * Anything that differs without a label of its own is still reported, so nothing is ever replaced silently.
 */
export function profileDifferences(before: ProfileContent, after: ProfileContent, now: Date): ProfileDifference[] {
  const old = labelledFields(before, now)
  const next = labelledFields(after, now)
  const fields = [...old.keys(), ...[...next.keys()].filter((field) => !old.has(field))]
  const differences = fields
    .filter((field) => old.get(field) !== next.get(field))
    // Compared whole, shown shortened: two values that differ only past the cut are still reported.
    .map((field) => ({ field: shown(field), before: shown(old.get(field) ?? NONE), after: shown(next.get(field) ?? NONE) }))
  // A bundle never carries the last 4 characters of the keys its provenance names: that is no difference.
  const content = ({ name, notes, setup }: ProfileContent) => canonicalJson({ name, notes, setup: withoutKeyDigits(setup) })
  if (differences.length === 0 && content(before) !== content(after)) {
    differences.push({ field: 'Other saved details', before: 'as saved in this profile', after: 'as in the bundle' })
  }
  return differences
}

function labelledFields({ name, notes, setup }: ProfileContent, now: Date): Map<string, string> {
  const fields = new Map<string, string>([
    ['Name', raw(name)],
    // One row each: the notes' line breaks are shown as ↵.
    ['Notes', raw(notes.replace(/\r?\n/g, ' ↵ '))],
    ['Company domain', raw(setup.domainInput)],
    ['Other email domains', setup.otherEmailDomains.length > 0 ? raw(setup.otherEmailDomains.join(', ')) : NONE],
    ['Dialpad environment', DIALPAD_ENVIRONMENTS[setup.env].label],
    ['IdP Entity ID', raw(setup.idp.entityIdInput)],
    ['IdP SSO URL', raw(setup.idp.ssoUrlInput)],
    ['IdP certificate', certificateText(setup.idp.certificate, now)],
    ['JumpCloud metadata', setup.idp.metadata ? raw(`${setup.idp.metadata.fileName}, imported ${when(setup.idp.metadata.importedAt)}`) : NONE],
    [
      'SP values copied to JumpCloud',
      setup.spCopiedToJumpCloud ? raw(`${setup.spCopiedToJumpCloud.spEntityId} and ${setup.spCopiedToJumpCloud.acsUrl}`) : '(not copied yet)',
    ],
    ['SCIM base URL', scimBaseUrlText(setup)],
    ['Corporate CA file', setup.scim.extraCa ? `${raw(setup.scim.extraCa.fileName)} (SHA-256 ${sha256(setup.scim.extraCa.pem).slice(0, 16)}…)` : NONE],
    ['SCIM test user email', raw(setup.scim.testUserEmail)],
    ['Current step', stepTitle(setup.currentStepId)],
    ['Steps visited', setup.visitedStepIds.map(stepTitle).join(', ') || NONE],
  ])
  const known = new Set<string>()
  for (const step of WIZARD_STEPS) {
    for (const section of step.checklists) {
      for (const item of section.items) {
        known.add(item.id)
        fields.set(`${step.title} › ${item.label}`, tick(setup.checklist[item.id]))
      }
    }
  }
  for (const [id, checked] of Object.entries(setup.checklist)) {
    if (!known.has(id)) fields.set(`Checklist item ${raw(id)}`, tick(checked))
  }
  const runs: Record<LiveCheckKind, CheckRun | null> = {
    'sso-services': setup.sso.lastServicesCheck,
    'sso-login': setup.sso.lastLoginCheck?.run ?? null,
    'scim-connection': setup.scim.lastConnectionTest,
    'scim-lifecycle': setup.scim.lastLifecycleTest,
  }
  for (const [kind, run] of Object.entries(runs) as [LiveCheckKind, CheckRun | null][]) {
    const source = kind === 'sso-login' && setup.sso.lastLoginCheck ? ` (${setup.sso.lastLoginCheck.source === 'pasted' ? 'pasted SAML response' : 'login window'})` : ''
    fields.set(LIVE_CHECK_TITLES[kind], run ? `${run.ok ? 'passed' : 'failed'} on ${when(run.checkedAt)}${source}` : 'never run')
  }
  return fields
}

const tick = (checked: boolean | undefined) => (checked === true ? 'ticked' : 'not ticked')

/**
 * A time as the admin reads it elsewhere ("2026-12-06 20:02:00 UTC"), without losing anything the comparison needs:
 * to the second, with a fraction that is not zero, and anything that is not such a time as it is.
 */
function when(iso: string): string {
  const time = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(iso)
  if (!time) return raw(iso)
  const [, date, clock, fraction = ''] = time
  return `${date} ${clock}${/[1-9]/.test(fraction) ? `.${fraction}` : ''} UTC`
}

/** A value as compared: an empty one named as such. */
function raw(text: string): string {
  return text === '' ? EMPTY : text
}

/** A value from the profile or the bundle, as the differences show it: redacted, on one line, shortened. */
function shown(text: string): string {
  return redactThenShorten(text, MAX_SHOWN)
}

function stepTitle(id: string): string {
  return WIZARD_STEPS.find((step) => step.id === id)?.title ?? id
}

function scimBaseUrlText(setup: SetupState): string {
  if (setup.scim.baseUrlMode === 'environment') return `${defaultScimBaseUrl(setup.env)} (Dialpad's, for the environment)`
  return `${raw(setup.scim.customBaseUrl.trim())} (custom)`
}

function certificateText(body: string | null, now: Date): string {
  if (body === null) return NONE
  try {
    const report = readStoredCertificate(body, now)
    return `SHA-256 ${report.sha256} (${report.subject}, valid until ${report.notAfter})`
  } catch (error) {
    if (!(error instanceof CertificateRefusedError)) throw error
    return `an unreadable certificate (SHA-256 of its text ${sha256(body).slice(0, 16)}…)`
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
