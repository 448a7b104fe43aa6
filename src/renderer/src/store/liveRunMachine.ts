import type { LiveCheckKind, LiveCheckProgress } from '../../../shared/liveCheck'
import type { Provenance } from '../../../shared/provenance'
import type { LoginCheckSource } from '../../../shared/setupState'

/** What a run was started for: its result is saved with these, and only into the profile that started it. */
export interface LiveRunContext {
  kind: LiveCheckKind
  profileId: string
  /** The values the run is made against, captured when the admin clicked (not when it ends). */
  against: Provenance
  source: LoginCheckSource | undefined
  /** When the admin clicked (ISO), for the elapsed time until main names the run. */
  clickedAt: string
  /**
   * What main was asked to start (method and input, as JSON; never a secret: main reads the API key itself). A start
   * main refuses is about this request: its reason is shown only while the admin would send the same one.
   */
  request: string
}

/**
 * One live check as the window follows it:
 *
 *   idle ──start──▶ running ──progress (done)──▶ done | cancelled
 *                    │  ▲                         │
 *                    │  └──────── start ◀─────────┘ (and from failed)
 *                    └──fail──▶ failed
 *
 * `running` covers the wait for main to name the run (runId null) and the run itself. A run that ends after a cancel
 * was asked for and proved nothing is `cancelled`; every other end is `done`, whatever the check found (a failing
 * check is a finished run). `failed` is for a run that could not be started or followed at all.
 */
export type LiveRun =
  | { state: 'idle' }
  | { state: 'running'; context: LiveRunContext; runId: string | null; progress: LiveCheckProgress | null; cancelRequested: boolean }
  | { state: 'done' | 'cancelled'; context: LiveRunContext; runId: string; progress: LiveCheckProgress }
  | { state: 'failed'; context: LiveRunContext; error: string }

export type LiveRunState = LiveRun['state']

export type LiveRunEvent =
  /** The admin clicked the check's button. */
  | { type: 'start'; context: LiveRunContext }
  /** Main started the run and named it. */
  | { type: 'started'; runId: string }
  /** A 'liveCheck.progress' event for this run. */
  | { type: 'progress'; progress: LiveCheckProgress }
  /** The admin clicked Cancel. */
  | { type: 'cancel' }
  /** The run could not be started (main refused, with the reason). */
  | { type: 'fail'; error: string }
  /** The captured SAML response was saved to a file (or dropped): it is not kept any longer. */
  | { type: 'forget-captured-response' }

export type LiveRunTransition = { ok: true; run: LiveRun } | { ok: false; run: LiveRun; refused: string }

export const IDLE_RUN: LiveRun = { state: 'idle' }

const refuse = (run: LiveRun, event: LiveRunEvent): LiveRunTransition => ({
  ok: false,
  run,
  refused: `"${event.type}" is not possible while the check is ${run.state}${run.state === 'running' && run.runId === null ? ' (not yet named)' : ''}.`,
})

/** The one place a live run changes state; anything else is refused and leaves the run as it was. */
export function transition(run: LiveRun, event: LiveRunEvent): LiveRunTransition {
  switch (event.type) {
    case 'start':
      if (run.state === 'running') return refuse(run, event)
      return { ok: true, run: { state: 'running', context: event.context, runId: null, progress: null, cancelRequested: false } }
    case 'started':
      if (run.state !== 'running' || run.runId !== null) return refuse(run, event)
      return { ok: true, run: { ...run, runId: event.runId } }
    case 'progress': {
      const { progress } = event
      if (run.state !== 'running' || run.runId === null || progress.runId !== run.runId || progress.kind !== run.context.kind) return refuse(run, event)
      if (!progress.done || progress.run === null) return { ok: true, run: { ...run, progress } }
      const cancelled = run.cancelRequested && !progress.run.ok
      return { ok: true, run: { state: cancelled ? 'cancelled' : 'done', context: run.context, runId: run.runId, progress } }
    }
    case 'cancel':
      if (run.state !== 'running' || run.cancelRequested) return refuse(run, event)
      return { ok: true, run: { ...run, cancelRequested: true } }
    case 'fail':
      if (run.state !== 'running') return refuse(run, event)
      return { ok: true, run: { state: 'failed', context: run.context, error: event.error } }
    case 'forget-captured-response': {
      if (run.state !== 'done' && run.state !== 'cancelled') return refuse(run, event)
      const { login } = run.progress
      return { ok: true, run: login ? { ...run, progress: { ...run.progress, login: { ...login, capturedResponse: null } } } : run }
    }
  }
}
