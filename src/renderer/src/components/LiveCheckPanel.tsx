import { useEffect, useId, useRef, useState } from 'react'
import type { CheckRun } from '../../../shared/checkRun'
import type { MethodInput } from '../../../shared/contract'
import type { LiveCheckProgress } from '../../../shared/liveCheck'
import { call } from '../api/client'
import { useOnline } from '../hooks/useOnline'
import { CheckStepList } from './CheckStepList'
import { formatUtc } from './formatDate'

const POLL_MS = 200

export interface LiveCheckPanelProps {
  title: string
  buttonLabel: string
  /** The check to run, or why it cannot run yet. */
  request: MethodInput<'scim.start'> | { blocked: string }
  lastRun: CheckRun | null
  onFinished(run: CheckRun): void
  /** Asked before starting; the check only starts when it returns true. */
  confirm?: () => boolean
}

/** Runs a live check in main, following its steps as they happen, with the elapsed time and a Cancel button. */
export function LiveCheckPanel({ title, buttonLabel, request, lastRun, onFinished, confirm }: LiveCheckPanelProps) {
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
      const next = await call('scim.progress', { runId: id })
      if (runId.current !== id) return
      setProgress(next)
      if (next.run) {
        runId.current = null
        onFinished(next.run)
        return
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
  }

  async function start() {
    if ('blocked' in request) return
    if (confirm && !confirm()) return
    setError(null)
    setProgress(null)
    try {
      const { runId: id } = await call('scim.start', request)
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
      {'blocked' in request ? <p className="hint">{request.blocked}</p> : null}
      <p>
        <button type="button" className="button button--primary" disabled={running || 'blocked' in request} onClick={() => void start()}>
          {buttonLabel}
        </button>{' '}
        {running ? (
          <button
            type="button"
            className="button"
            onClick={() => progress && void call('scim.cancel', { runId: progress.runId }).catch(() => undefined)}
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
