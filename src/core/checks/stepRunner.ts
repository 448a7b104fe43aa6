import { performance } from 'node:perf_hooks'
import type { CheckStep } from '../../shared/checkRun'
import { redactThenShorten } from '../secrets/redact'
import { skip, stepFrom, unexpectedProblem, type StepDefinition, type StepOutcome } from '../../shared/checkOutcome'

/** Given to a step's work: requests made for the step report the HTTP status they received through it. */
export type HttpStatusListener = (status: number) => void

/**
 * Called when a step starts (phase 'started': durationMs is null, status is a 'skipped' placeholder until it
 * finishes) and again with its result (phase 'finished').
 */
export type ProgressListener = (step: CheckStep, phase: 'started' | 'finished') => void

export interface StepContext {
  /** The secret the check uses (the API key), hidden in every step; '' when the check uses none. */
  token: string
  onProgress?: ProgressListener
}

/** What a running step shows until it finishes, when "Running…" would not tell the admin enough. */
export interface RunOptions {
  runningDetail?: string
}

/**
 * Runs one step: reports it started, times it, records the HTTP status of the step's (last) answer, turns a bug into
 * a failed step, hides the check's secret, reports the result. An informational step's failure is a warning.
 * Cancelling is the work's business (its requests take the admin's AbortSignal and fail as cancelled).
 */
export async function runStep(
  ctx: StepContext,
  definition: StepDefinition,
  work: (onHttpStatus: HttpStatusListener) => Promise<StepOutcome>,
  { runningDetail = 'Running…' }: RunOptions = {},
): Promise<CheckStep> {
  ctx.onProgress?.(stepFrom(definition, skip(runningDetail)), 'started')
  const started = performance.now()
  let httpStatus: number | undefined
  let outcome: StepOutcome
  try {
    outcome = await work((status) => (httpStatus = status))
  } catch (error) {
    outcome = unexpectedProblem(error)
  }
  const step = stepFrom(definition, outcome, Math.round(performance.now() - started))
  return finish(ctx, httpStatus === undefined ? step : { ...step, httpStatus })
}

/** A step whose outcome is already known (judged from what an earlier step found): reported, hidden, no timing. */
export function finishedStep(ctx: StepContext, definition: StepDefinition, outcome: StepOutcome): CheckStep {
  return finish(ctx, stepFrom(definition, outcome))
}

export function skippedStep(ctx: StepContext, definition: StepDefinition, detail: string): CheckStep {
  return finishedStep(ctx, definition, skip(detail))
}

function finish(ctx: StepContext, step: CheckStep): CheckStep {
  const shown = redactStep(step, ctx.token)
  ctx.onProgress?.(shown, 'finished')
  return shown
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
