import { randomUUID } from 'node:crypto'
import type { CheckRun, CheckStep } from '../../shared/checkRun'
import type { LiveCheckKind, LiveCheckProgress, LoginCheckExtras } from '../../shared/liveCheck'
import { UserFacingError } from '../userFacingError'

export type StepListener = (step: CheckStep, phase: 'started' | 'finished') => void
/** Lets a test login hand the decoded response (and, once, the response itself) to whoever follows the run. */
export type AttachLoginExtras = (extras: LoginCheckExtras) => void
export type LiveCheck = (signal: AbortSignal, onProgress: StepListener, attachLogin: AttachLoginExtras) => Promise<CheckRun>

interface Running {
  kind: LiveCheckKind
  started: number
  controller: AbortController
  steps: Map<string, CheckStep & { running: boolean }>
  run: CheckRun | null
  login: LoginCheckExtras | null
}

/** Finished runs are kept this long so a last progress poll still finds them. */
const KEEP_FINISHED_MS = 10 * 60_000

/**
 * Runs live checks in the background so every transport can follow them the same way: start returns an id,
 * progress is polled (steps as they start and finish, elapsed time), cancel aborts through an AbortSignal.
 */
export class LiveCheckRunner {
  private readonly runs = new Map<string, Running>()

  constructor(private readonly now: () => number = Date.now) {}

  start(kind: LiveCheckKind, check: LiveCheck): { runId: string } {
    const runId = randomUUID()
    const running: Running = { kind, started: this.now(), controller: new AbortController(), steps: new Map(), run: null, login: null }
    this.runs.set(runId, running)
    const onProgress: StepListener = (step, phase) => running.steps.set(step.id, { ...step, running: phase === 'started' })
    const attachLogin: AttachLoginExtras = (extras) => {
      running.login = extras
    }
    void check(running.controller.signal, onProgress, attachLogin)
      .then((run) => {
        // A cancelled check proved nothing, even when only informational steps were cut short.
        running.run = running.controller.signal.aborted ? { ...run, ok: false } : run
      })
      .catch(() => {
        running.run = {
          ok: false,
          checkedAt: new Date(running.started).toISOString(),
          steps: [{ id: 'unexpected', title: 'The check ran', status: 'fail', durationMs: null, detail: 'The check stopped unexpectedly.', fix: 'Run it again.', decisive: true }],
        }
      })
      .finally(() => setTimeout(() => this.runs.delete(runId), KEEP_FINISHED_MS).unref())
    return { runId }
  }

  progress(runId: string): LiveCheckProgress {
    const running = this.find(runId)
    const steps = running.run ? running.run.steps.map((step) => ({ ...step, running: false })) : [...running.steps.values()]
    return {
      runId,
      kind: running.kind,
      startedAt: new Date(running.started).toISOString(),
      elapsedMs: this.now() - running.started,
      steps,
      done: running.run !== null,
      run: running.run,
      login: running.run ? this.handOverLoginExtras(running) : null,
    }
  }

  cancel(runId: string): { cancelled: boolean } {
    const running = this.find(runId)
    if (running.run) return { cancelled: false }
    running.controller.abort()
    return { cancelled: true }
  }

  /** The captured response leaves main once: later reports keep the summary but no longer carry the response. */
  private handOverLoginExtras(running: Running): LoginCheckExtras | null {
    const extras = running.login
    if (extras?.capturedResponse) running.login = { ...extras, capturedResponse: null }
    return extras
  }

  private find(runId: string): Running {
    const running = this.runs.get(runId)
    if (!running) throw new UserFacingError('That check is no longer known to the app (it may have been restarted). Run it again.')
    return running
  }
}
