import { type ReactNode, useEffect, useRef, useState } from 'react'
import type { CheckRun } from '../../../shared/checkRun'
import type { LiveCheckKind, LiveCheckProgress } from '../../../shared/liveCheck'
import { provenanceNow } from '../../../shared/provenance'
import type { LoginCheckSource } from '../../../shared/setupState'
import { checkInputs } from '../../../shared/wizard/verdictInputs'
import { call } from '../api/client'
import { useOnline } from '../hooks/useOnline'
import { useCheckVerdict } from '../hooks/useSetupStatus'
import { factsOf } from '../store/facts'
import { useWizard } from '../store/wizardStore'
import { CheckStepList } from './CheckStepList'
import { formatUtc } from './formatDate'
import { Alert } from './ui/Alert'
import { Card } from './ui/Card'

const POLL_MS = 200

export interface LiveCheckPanelProps {
  /** Which check: its result is saved with what it was run against. */
  kind: LiveCheckKind
  /** For the login check: where the checked response comes from. */
  source?: LoginCheckSource
  title: string
  buttonLabel: string
  /** Starts the check in main, or says why it cannot run yet. */
  start: (() => Promise<{ runId: string }>) | { blocked: string }
  lastRun: CheckRun | null
  /** After the result is saved, for anything more the step shows (the decoded login response). */
  onFinished?(run: CheckRun, progress: LiveCheckProgress): void
  /** Options shown under the button (disabled while the check runs). */
  children?: ReactNode
  /** 'secondary' when another action is the step's main one (one primary action per view). Default 'primary'. */
  emphasis?: 'primary' | 'secondary'
  /** Asked before starting (askToConfirm); the check only starts when it answers true. */
  askFirst?: () => Promise<boolean>
}

/**
 * Runs a live check in main, following its steps as they happen, with the elapsed time and a Cancel button. The
 * values it runs against are captured when it starts and saved with its result; a result that no longer holds for
 * the current values says so.
 */
export function LiveCheckPanel({ kind, source, title, buttonLabel, start: startCheck, lastRun, onFinished, askFirst, emphasis = 'primary', children }: LiveCheckPanelProps) {
  const online = useOnline()
  const recordCheck = useWizard((s) => s.recordCheck)
  const verdict = useCheckVerdict(kind)
  const [progress, setProgress] = useState<LiveCheckProgress | null>(null)
  const [error, setError] = useState<string | null>(null)
  const runId = useRef<string | null>(null)
  const running = progress !== null && !progress.done

  useEffect(() => () => {
    runId.current = null
  }, [])

  async function follow(id: string, against: ReturnType<typeof provenanceNow>) {
    while (runId.current === id) {
      const next = await call('liveCheck.progress', { runId: id })
      if (runId.current !== id) return
      setProgress(next)
      if (next.run) {
        runId.current = null
        recordCheck(kind, next.run, against, source)
        onFinished?.(next.run, next)
        return
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
  }

  async function start() {
    if ('blocked' in startCheck) return
    if (askFirst && !(await askFirst())) return
    setError(null)
    setProgress(null)
    // What this run is made against: the values now, not the ones when it ends.
    const against = provenanceNow(checkInputs(kind, source), factsOf(useWizard.getState()), new Date())
    try {
      const { runId: id } = await startCheck()
      runId.current = id
      await follow(id, against)
    } catch (failure) {
      runId.current = null
      setProgress(null)
      setError(failure instanceof Error ? failure.message : String(failure))
    }
  }

  // Only the saved result is shown (a finished run is saved before it shows), judged by derivation: a run that a later
  // one replaced (the login check's other source) is not a result any more, so it is not shown as one.
  const shown = running ? null : lastRun
  const lapsed = shown !== null && verdict?.made === true && verdict.freshness !== 'current' ? verdict.note : null
  return (
    <Card title={title}>
      {!online ? <Alert tone="warning" message="This check needs a network connection; this computer reports none. Everything else in the assistant works offline." /> : null}
      {'blocked' in startCheck ? <p className="hint">{startCheck.blocked}</p> : null}
      {children ? <fieldset className="live-check-options" disabled={running}>{children}</fieldset> : null}
      <p>
        <button type="button" className={emphasis === 'primary' ? 'button button--primary' : 'button'} disabled={running || 'blocked' in startCheck} onClick={() => void start()}>
          {buttonLabel}
        </button>{' '}
        {running ? (
          <button
            type="button"
            className="button"
            onClick={() => progress && void call('liveCheck.cancel', { runId: progress.runId }).catch(() => undefined)}
          >
            Cancel
          </button>
        ) : null}
      </p>
      {error ? <Alert tone="error" message={error} /> : null}
      <p className="hint" role="status">
        {running
          ? `Running… ${(progress.elapsedMs / 1000).toFixed(1)} s`
          : shown
            ? `${shown.ok ? 'Passed' : 'Failed'} · last run ${formatUtc(shown.checkedAt)}${lapsed ? ' · out of date' : ''}`
            : ''}
      </p>
      {lapsed ? (
        <p className="stale-note">
          {lapsed}
        </p>
      ) : null}
      {running ? (
        <CheckStepList label={`${title} progress`} steps={progress.steps} />
      ) : shown ? (
        <CheckStepList label={`${title} results`} steps={shown.steps} />
      ) : null}
    </Card>
  )
}
