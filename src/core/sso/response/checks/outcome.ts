import { informationalStatus, type CheckStatus, type CheckStep } from '../../../../shared/checkRun'

/** What one check found; the orchestrator adds id and title. A fix is given on warn and fail. */
export interface Outcome {
  status: CheckStatus
  detail: string
  fix?: string
}

export const pass = (detail: string): Outcome => ({ status: 'pass', detail })
export const warn = (detail: string, fix: string): Outcome => ({ status: 'warn', detail, fix })
export const fail = (detail: string, fix: string): Outcome => ({ status: 'fail', detail, fix })
export const skip = (detail: string): Outcome => ({ status: 'skipped', detail })

/** Offline checks take no measurable time, so they report none. An informational step's failure is a warning. */
export function toStep(id: string, title: string, outcome: Outcome, decisive = true): CheckStep {
  const status = decisive ? outcome.status : informationalStatus(outcome.status)
  return { id, title, status, durationMs: null, detail: outcome.detail, ...(outcome.fix ? { fix: outcome.fix } : {}), decisive }
}
