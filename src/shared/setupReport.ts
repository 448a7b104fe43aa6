import type { CheckStep } from './checkRun'
import type { Progress } from './profile'
import type { Freshness, OverviewKind, StepRef, StepState } from './wizard/stepState'

/**
 * The printable setup report as data: core builds it, and renders it to one self-contained HTML document (printed
 * to PDF for change-management records and support tickets). Every string in it is already redacted.
 */
export interface SetupReport {
  title: string
  profileName: string
  notes: string
  /** Where the report was made from: the app's profile, or a bundle file (with its export time). */
  source: string
  generatedAt: string
  appVersion: string
  /** The normalized domain, or null while the one typed is not valid. */
  domain: string | null
  /** The company's other email domains (Dialpad secondary domains) the SSO login check accepts too; empty when none. */
  otherEmailDomains: string[]
  environment: string
  progress: Progress
  /** The overall status the report opens with, as the app's completion view shows it. */
  overview: ReportOverview
  /** Whether an API key is stored, and at most its last 4 characters: never the key. */
  apiKey: string
  consoles: ReportConsole[]
  certificate: ReportCertificate | null
  steps: ReportStep[]
  checks: ReportCheck[]
  /** What was verified when, oldest first. */
  timeline: ReportEvent[]
  /** Things the reader must know about the report itself (for example: the bundle was edited after export). */
  warnings: string[]
}

/** The values one console needs, each with the exact place it goes. */
export interface ReportConsole {
  console: 'Dialpad' | 'JumpCloud'
  heading: string
  values: ReportValue[]
}

export interface ReportValue {
  label: string
  /** The page and field, in the console's own words. */
  where: string
  /** null when not known yet (`missing` then says what to do). */
  value: string | null
  missing?: string
  /** Printed in a monospace block keeping its line breaks (the certificate body). */
  block?: boolean
  /** What the wizard says about this value (its own rules, see enteredValueNotes): an error means Dialpad must not get it. */
  error?: string
  warnings?: string[]
}

export type ReportCertificate =
  | {
      readable: true
      subject: string
      issuer: string
      selfSigned: boolean
      serialNumber: string
      notBefore: string
      notAfter: string
      daysToExpiry: number
      key: string
      signatureAlgorithm: string
      sha256: string
      sha1: string
      warnings: string[]
    }
  | { readable: false; problem: string }

export interface ReportOverview {
  kind: OverviewKind
  headline: string
  outOfDate: ReportStepRef[]
  waiting: ReportStepRef[]
  skipped: ReportStepRef[]
  open: ReportStepRef[]
}

export interface ReportStepRef extends StepRef {
  note: string | null
}

/** A wizard step, shown once with one state, and what it is made of (each with its own state). */
export interface ReportStep {
  id: string
  number: number
  title: string
  state: StepState
  /** The state in words ("Out of date"). */
  stateLabel: string
  /** Why, when it needs saying ("Out of date: was for acme-corp.com. Tick again for the current values."). */
  note: string | null
  items: ReportStepItem[]
}

export type ReportItemState = 'done' | 'not-done' | 'failed' | 'out-of-date' | 'unrecorded'

export interface ReportStepItem {
  kind: 'tick' | 'check'
  /** The checklist item id, or the live check kind. */
  id: string
  label: string
  state: ReportItemState
  note: string | null
}

export interface ReportCheck {
  /** 'offline': worked out from the saved values when the report was made; 'live': a check that ran against the services. */
  kind: 'offline' | 'live'
  title: string
  /** When it ran; for the offline cross-checks, when the report was made. */
  checkedAt: string
  ok: boolean
  /** Live checks: whether the result holds for the current values (offline checks always do). */
  freshness: Freshness
  /** For a result that no longer holds: why ("Out of date: was for acme-corp.com. Run it again …"). */
  freshnessNote: string | null
  /** Extra context, e.g. where the checked SAML response came from. */
  note: string | null
  steps: CheckStep[]
}

export interface ReportEvent {
  at: string
  event: string
}

/** The secondary domains the SSO login check accepts, or that there are none: the report says so rather than leave the reader guessing. */
export function otherEmailDomainsText(report: Pick<SetupReport, 'otherEmailDomains'>): string {
  return report.otherEmailDomains.length > 0 ? report.otherEmailDomains.join(', ') : 'None (only the company domain)'
}
