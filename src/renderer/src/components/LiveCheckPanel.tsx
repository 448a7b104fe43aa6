import { type ReactNode, useEffect, useState } from 'react'
import type { CheckRun } from '../../../shared/checkRun'
import type { LiveCheckKind } from '../../../shared/liveCheck'
import type { LoginCheckSource } from '../../../shared/setupState'
import { useOnline } from '../hooks/useOnline'
import { useCheckVerdict } from '../hooks/useSetupStatus'
import { type LiveCheckStart, liveRunOf, startRefusalOf } from '../store/liveRunSlice'
import { useWizard } from '../store/wizardStore'
import { CheckStepList } from './CheckStepList'
import { formatUtc } from './formatDate'
import { Alert } from './ui/Alert'
import { Card } from './ui/Card'

export interface LiveCheckPanelProps {
  /** Which check: its result is saved with what it was run against. */
  kind: LiveCheckKind
  /** For the login check: where the checked response comes from. */
  source?: LoginCheckSource
  title: string
  buttonLabel: string
  /** What starts the check in main, or why it cannot run yet. */
  start: LiveCheckStart | { blocked: string }
  lastRun: CheckRun | null
  /** Options shown under the button (disabled while the check runs). */
  children?: ReactNode
  /** 'secondary' when another action is the step's main one (one primary action per view). Default 'primary'. */
  emphasis?: 'primary' | 'secondary'
  /** Asked before starting (askToConfirm); the check only starts when it answers true. */
  askFirst?: () => Promise<boolean>
}

/**
 * Seconds since `since`, for the "Running…" line. Progress comes only from the run's events; this re-renders the
 * counter alone, once a second, so a step that waits long (a test login) does not look frozen.
 */
function useSecondsSince(since: string | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (since === null) return undefined
    let timer: ReturnType<typeof setTimeout>
    const tick = () => {
      setNow(Date.now())
      timer = setTimeout(tick, 1000)
    }
    timer = setTimeout(tick, 1000)
    return () => clearTimeout(timer)
  }, [since])
  return since === null ? 0 : Math.max(0, (now - Date.parse(since)) / 1000)
}

/**
 * Runs a live check in main through the store (which owns the run: leaving the step does not lose it), showing its
 * steps as their events arrive, the elapsed time and a Cancel button. The values it runs against are captured when it
 * starts and saved with its result; a result that no longer holds for the current values says so.
 */
export function LiveCheckPanel({ kind, source, title, buttonLabel, start: startCheck, lastRun, askFirst, emphasis = 'primary', children }: LiveCheckPanelProps) {
  const online = useOnline()
  const verdict = useCheckVerdict(kind)
  const liveRun = useWizard((state) => liveRunOf(state, kind))
  const startLiveRun = useWizard((state) => state.startLiveRun)
  const cancelLiveRun = useWizard((state) => state.cancelLiveRun)
  const running = liveRun.state === 'running'
  const progress = running ? liveRun.progress : null
  // A refused start is shown only while the same request and the same values would be sent again.
  const error = useWizard((state) => startRefusalOf(state, kind, startCheck))
  const seconds = useSecondsSince(running ? (progress?.startedAt ?? liveRun.context.clickedAt) : null)

  async function start() {
    if ('blocked' in startCheck) return
    if (askFirst && !(await askFirst())) return
    void startLiveRun(kind, startCheck, source)
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
            disabled={liveRun.cancelRequested}
            onClick={() => cancelLiveRun(kind)}
          >
            Cancel
          </button>
        ) : null}
      </p>
      {error ? <Alert tone="error" message={error} /> : null}
      <p className="hint" role="status">
        {running
          ? `Running… ${seconds.toFixed(0)} s`
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
        <CheckStepList label={`${title} progress`} steps={progress?.steps ?? []} />
      ) : shown ? (
        <CheckStepList label={`${title} results`} steps={shown.steps} />
      ) : null}
    </Card>
  )
}
