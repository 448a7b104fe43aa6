import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import type { CheckRun } from '../../../shared/checkRun'
import type { LiveCheckProgress } from '../../../shared/liveCheck'
import { call } from '../api/client'
import { useOnline } from '../hooks/useOnline'
import { CheckStepList } from './CheckStepList'
import { formatUtc } from './formatDate'

const POLL_MS = 200

export interface LiveCheckPanelProps {
  title: string
  buttonLabel: string
  /** Starts the check in main, or says why it cannot run yet. */
  start: (() => Promise<{ runId: string }>) | { blocked: string }
  lastRun: CheckRun | null
  onFinished(run: CheckRun, progress: LiveCheckProgress): void
  /** Options shown under the button (disabled while the check runs). */
  children?: ReactNode
  /** Asked before starting; the check only starts when it returns true. */
  confirm?: () => boolean
}

/** Runs a live check in main, following its steps as they happen, with the elapsed time and a Cancel button. */
export function LiveCheckPanel({ title, buttonLabel, start: startCheck, lastRun, onFinished, confirm, children }: LiveCheckPanelProps) {
  const online = useOnline()
  const [progress, setProgress] = useState<LiveCheckProgress | null>(null)
  const [error, setError] = useState<string | null>(null)
  const runId = useRef<string | null>(null)
  const headingId = useId()
  const running = progress !== null && !progress.done

  useEffect(() => () => {
    runId.current = null
  }, [])

  async function follow(id: string) {
    while (runId.current === id) {
      const next = await call('liveCheck.progress', { runId: id })
      if (runId.current !== id) return
      setProgress(next)
      if (next.run) {
        runId.current = null
        onFinished(next.run, next)
        return
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
  }

  async function start() {
    if ('blocked' in startCheck) return
    if (confirm && !confirm()) return
    setError(null)
    setProgress(null)
    try {
      const { runId: id } = await startCheck()
      runId.current = id
      await follow(id)
    } catch (failure) {
      runId.current = null
      setProgress(null)
      setError(failure instanceof Error ? failure.message : String(failure))
    }
  }

  const shown = progress?.run ?? lastRun
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {!online ? <p className="warning-text">This check needs a network connection; this computer reports none. Everything else in the assistant works offline.</p> : null}
      {'blocked' in startCheck ? <p className="hint">{startCheck.blocked}</p> : null}
      {children ? <fieldset className="live-check-options" disabled={running}>{children}</fieldset> : null}
      <p>
        <button type="button" className="button button--primary" disabled={running || 'blocked' in startCheck} onClick={() => void start()}>
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
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <p className="hint" role="status">
        {running
          ? `Running… ${(progress.elapsedMs / 1000).toFixed(1)} s`
          : shown
            ? `${shown.ok ? 'Passed' : 'Failed'} · last run ${formatUtc(shown.checkedAt)}`
            : ''}
      </p>
      {running ? (
        <CheckStepList label={`${title} progress`} steps={progress.steps} />
      ) : shown ? (
        <CheckStepList label={`${title} results`} steps={shown.steps} />
      ) : null}
    </section>
  )
}
