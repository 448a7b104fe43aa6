import { performance } from 'node:perf_hooks'
import { informationalStatus, type CheckStatus, type CheckStep } from '../../shared/checkRun'
import type { Diagnosis } from './diagnose'
import { redactThenShorten } from '../secrets/redact'
import { errorMessage } from '../../shared/errorMessage'

export interface StepOutcome {
  status: CheckStatus
  detail: string
  fix?: string
}

/** Given to a step's work: requests made for the step report the HTTP status they received through it. */
export type HttpStatusListener = (status: number) => void

/**
 * Called when a step starts (phase 'started': durationMs is null, status is a 'skipped' placeholder until it
 * finishes) and again with its result (phase 'finished').
 */
export type ProgressListener = (step: CheckStep, phase: 'started' | 'finished') => void

export interface StepContext {
  token: string
  onProgress?: ProgressListener
}

export const failed = (diagnosis: Diagnosis): StepOutcome => ({ status: 'fail', ...diagnosis })
export const passed = (detail: string): StepOutcome => ({ status: 'pass', detail })
/** Pass, or warn when the answer was usable but not quite right (application/json instead of SCIM's type). */
export const passedWith = (detail: string, warning: Diagnosis | undefined): StepOutcome =>
  warning ? { status: 'warn', detail: `${detail} ${warning.detail}`, fix: warning.fix } : passed(detail)

/** How much a step's result counts; see CheckStep.decisive. Steps are decisive unless they say otherwise. */
export interface StepKind {
  decisive?: boolean
}

/**
 * Runs one step: times it, reports progress, records the HTTP status of the step's (last) answer, turns a bug into
 * a failed step, and hides the API key. An informational step's failure is reported as a warning.
 */
export async function runStep(
  ctx: StepContext,
  id: string,
  title: string,
  work: (onHttpStatus: HttpStatusListener) => Promise<StepOutcome>,
  { decisive = true }: StepKind = {},
): Promise<CheckStep> {
  ctx.onProgress?.({ id, title, status: 'skipped', durationMs: null, detail: 'Running…', decisive }, 'started')
  const started = performance.now()
  let httpStatus: number | undefined
  let outcome: StepOutcome
  try {
    outcome = await work((status) => (httpStatus = status))
  } catch (error) {
    outcome = {
      status: 'fail',
      detail: `Unexpected problem: ${errorMessage(error)}`,
      fix: 'Test again; if it keeps failing, copy these details for support.',
    }
  }
  const durationMs = Math.round(performance.now() - started)
  const status = decisive ? outcome.status : informationalStatus(outcome.status)
  const step = redactStep({ id, title, status, ...(httpStatus === undefined ? {} : { httpStatus }), durationMs, detail: outcome.detail, fix: outcome.fix, decisive }, ctx.token)
  ctx.onProgress?.(step, 'finished')
  return step
}

/** A step's text is read on one line; a server cannot make it longer than this (ids, messages, error text). */
const MAX_STEP_TEXT = 2000

/**
 * Hides the check's API key (in every form redactSecrets knows) and every other remembered secret, then keeps the
 * text printable and bounded: redacted first, so a cut never leaves part of the key.
 */
function redactStep(step: CheckStep, token: string): CheckStep {
  const redact = (text: string) => redactThenShorten(text, MAX_STEP_TEXT, [token])
  const { fix, ...rest } = step
  return { ...rest, title: redact(step.title), detail: redact(step.detail), ...(fix === undefined ? {} : { fix: redact(fix) }) }
}

export function skippedStep(ctx: StepContext, id: string, title: string, detail: string, { decisive = true }: StepKind = {}): CheckStep {
  const step: CheckStep = { id, title, status: 'skipped', durationMs: null, detail, decisive }
  ctx.onProgress?.(step, 'finished')
  return step
}
