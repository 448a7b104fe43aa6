import { randomUUID } from 'node:crypto'
import { type CheckRun, type CheckStep, checkRunFrom } from '../../shared/checkRun'
import type { Caller } from '../../shared/contract'
import type { LiveCheckKind, LiveCheckProgress, LoginCheckExtras } from '../../shared/liveCheck'
import { UserFacingError } from '../userFacingError'
import { fail, stepFrom } from '../../shared/checkOutcome'
import type { ProgressListener } from './stepRunner'

/** Lets a test login hand the decoded response (and, once, the response itself) to whoever follows the run. */
export type AttachLoginExtras = (extras: LoginCheckExtras) => void
export type LiveCheck = (signal: AbortSignal, onProgress: ProgressListener, attachLogin: AttachLoginExtras) => Promise<CheckRun>
/** Told the run's whole state each time it moves on: a step started or finished, or the run ended. */
export type ProgressNotifier = (progress: LiveCheckProgress) => void

/** What the check services need of the runner: start a check in the background. */
export interface LiveCheckStarter {
  start(kind: LiveCheckKind, check: LiveCheck): { runId: string }
}

interface Running {
  kind: LiveCheckKind
  started: number
  controller: AbortController
  steps: Map<string, CheckStep & { running: boolean }>
  run: CheckRun | null
  login: LoginCheckExtras | null
}

/** Finished runs are kept this long so a late cancel (or a snapshot in tests and the CLI) still finds them. */
const KEEP_FINISHED_MS = 10 * 60_000

const UNEXPECTED_STEP = { id: 'unexpected', title: 'The check ran' } as const

/**
 * Runs live checks in the background so every transport follows them the same way: start returns an id, each step
 * that starts or finishes (and the end of the run) is pushed to the caller as a 'liveCheck.progress' event, and
 * cancel aborts the check's AbortSignal, which every request of the check takes down to its socket.
 */
export class LiveCheckRunner implements LiveCheckStarter {
  private readonly runs = new Map<string, Running>()

  constructor(private readonly now: () => number = Date.now) {}

  /** A starter whose runs report their progress to `caller`: the window (or bridge page) that asked for them. */
  reportingTo(caller: Caller): LiveCheckStarter {
    return { start: (kind, check) => this.start(kind, check, (progress) => caller.emit('liveCheck.progress', progress)) }
  }

  start(kind: LiveCheckKind, check: LiveCheck, notify?: ProgressNotifier): { runId: string } {
    const runId = randomUUID()
    // Whoever follows the run cannot break it: a window gone mid-send loses the event, the check goes on.
    const tell = (progress: LiveCheckProgress) => {
      try {
        notify?.(progress)
      } catch {
        // Nothing to do: the next event, or the result, is the whole state again.
      }
    }
    const running: Running = { kind, started: this.now(), controller: new AbortController(), steps: new Map(), run: null, login: null }
    this.runs.set(runId, running)
    const onProgress: ProgressListener = (step, phase) => {
      running.steps.set(step.id, { ...step, running: phase === 'started' })
      if (notify) tell(this.snapshot(runId, running))
    }
    const attachLogin: AttachLoginExtras = (extras) => {
      running.login = extras
    }
    void check(running.controller.signal, onProgress, attachLogin)
      // A cancelled check proved nothing, even when only informational steps were cut short.
      .then((run) => (running.controller.signal.aborted ? { ...run, ok: false } : run))
      .catch(() => checkRunFrom([stepFrom(UNEXPECTED_STEP, fail('The check stopped unexpectedly.', 'Run it again.'))], new Date(running.started)))
      .then((run) => {
        running.run = run
        if (notify) tell(this.snapshot(runId, running))
      })
      .finally(() => setTimeout(() => this.runs.delete(runId), KEEP_FINISHED_MS).unref())
    return { runId }
  }

  /**
   * Where a run is now: what every progress event carries. A finished test login's captured response is handed over
   * once: in the run's last event, or (when nobody listens) in the first snapshot taken after it finished.
   */
  progress(runId: string): LiveCheckProgress {
    return this.snapshot(runId, this.find(runId))
  }

  cancel(runId: string): { cancelled: boolean } {
    const running = this.find(runId)
    if (running.run) return { cancelled: false }
    running.controller.abort()
    return { cancelled: true }
  }

  private snapshot(runId: string, running: Running): LiveCheckProgress {
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
