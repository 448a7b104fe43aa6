import type { CheckStatus, CheckStep } from './checkRun'
import { errorMessage } from './errorMessage'

/**
 * The one vocabulary of checks: what a step found (StepOutcome), what a step is (StepDefinition) and the CheckStep
 * they make. The live checks (core/checks' step runner, core/scim, core/sso) and the offline SAML cross-checks
 * (shared/samlCrossChecks.ts) all speak it. Zod-free, so the renderer's first load can use it.
 */

/** What happened, and what the admin should do about it. */
export interface Diagnosis {
  detail: string
  fix: string
}

/** What one step found; the runner adds id, title, timing and decisiveness. A fix is given on warn and fail. */
export interface StepOutcome {
  status: CheckStatus
  detail: string
  fix?: string
}

export const pass = (detail: string): StepOutcome => ({ status: 'pass', detail })
export const warn = (detail: string, fix: string): StepOutcome => ({ status: 'warn', detail, fix })
export const fail = (detail: string, fix: string): StepOutcome => ({ status: 'fail', detail, fix })
export const skip = (detail: string): StepOutcome => ({ status: 'skipped', detail })
export const failed = (diagnosis: Diagnosis): StepOutcome => ({ status: 'fail', ...diagnosis })
/** Pass, or warn when the answer was usable but not quite right (application/json instead of SCIM's type). */
export const passedWith = (detail: string, warning: Diagnosis | undefined): StepOutcome =>
  warning ? { status: 'warn', detail: `${detail} ${warning.detail}`, fix: warning.fix } : pass(detail)

/** A bug in a check, not a fact about the setup: still a result the admin can read and send on. */
export function unexpectedProblem(error: unknown): StepOutcome {
  return fail(`Unexpected problem while checking: ${errorMessage(error)}`, 'Check again; if it keeps failing, send these details to support.')
}

/**
 * A step as data: what it checks, and how much its result counts. Decisive (the default): the integration cannot
 * work when it fails, so a failure fails the run. Informational (decisive: false): its failures are warnings.
 */
export interface StepDefinition {
  id: string
  title: string
  decisive?: boolean
}

/** What an informational step may say at most: a failure it found is a warning, since it cannot decide the run. */
export function informationalStatus(status: CheckStatus): CheckStatus {
  return status === 'fail' ? 'warn' : status
}

/** The step a definition and its outcome make; durationMs stays null for a step that took no measurable time. */
export function stepFrom(definition: StepDefinition, outcome: StepOutcome, durationMs: number | null = null): CheckStep {
  const decisive = definition.decisive ?? true
  const status = decisive ? outcome.status : informationalStatus(outcome.status)
  return { id: definition.id, title: definition.title, status, durationMs, detail: outcome.detail, ...(outcome.fix === undefined ? {} : { fix: outcome.fix }), decisive }
}
