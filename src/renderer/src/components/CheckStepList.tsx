import type { CheckStatus, CheckStep } from '../../../shared/checkRun'
import { displayText } from '../../../shared/displayText'
import { plural } from '../../../shared/plural'

const STATUS_LABEL: Record<CheckStatus, string> = { pass: '✓ Pass', warn: '⚠ Warning', fail: '✗ Problem', skipped: '– Not checked' }
/** An informational step that could not be done is a note: it never stood in the way. */
const NOTE_LABEL = 'ℹ Note'
/** Problems first, then warnings, then what was not checked; passes last (folded). */
const ORDER: Record<CheckStatus, number> = { fail: 0, warn: 1, skipped: 2, pass: 3 }
/** A few passes read fine in full; more than this are folded into "N passed". */
const SHOWN_PASSES = 3

type ShownStep = CheckStep & { running?: boolean }

export interface CheckStepListProps {
  label: string
  steps: readonly ShownStep[]
  /**
   * Fold the passes (default): failures and warnings first, the passes behind "11 passed", which opens. Off where
   * everything must be on the page (the printable report). A run still in progress is shown in its own order.
   */
  foldPasses?: boolean
}

/**
 * The one result list: the steps of a check, each with its result, what was found and how to fix it; informational
 * ones are marked. Details quote outside text: shown safely.
 */
export function CheckStepList({ label, steps, foldPasses = true }: CheckStepListProps) {
  const informational = steps.some((step) => !step.decisive)
  const running = steps.some((step) => step.running)
  const passes = steps.filter((step) => step.status === 'pass' && !step.running)
  const fold = foldPasses && !running && passes.length > SHOWN_PASSES
  const ordered = running || !foldPasses ? steps : [...steps].sort((a, b) => ORDER[a.status] - ORDER[b.status])
  const open = fold ? ordered.filter((step) => step.status !== 'pass') : ordered
  return (
    <>
      <ul className="check-list" aria-label={label}>
        {open.map((step) => (
          <CheckStepItem key={step.id} step={step} />
        ))}
        {fold ? (
          <li className="check-list__fold">
            <details>
              <summary>
                <span className="check-status check-status--pass">✓ {plural(passes.length, 'check')} passed</span>
              </summary>
              <ul className="check-list check-list--passed">
                {passes.map((step) => (
                  <CheckStepItem key={step.id} step={step} />
                ))}
              </ul>
            </details>
          </li>
        ) : null}
      </ul>
      {informational ? <p className="hint">Steps marked informational can warn but never make the check fail.</p> : null}
    </>
  )
}

function CheckStepItem({ step }: { step: ShownStep }) {
  return (
    <li data-check-id={step.id} data-status={step.running ? 'running' : step.status} data-decisive={step.decisive ? 'true' : 'false'}>
      <span className={`check-status check-status--${step.running ? 'skipped' : step.status}`}>
        {step.running ? '… Running' : !step.decisive && step.status === 'skipped' ? NOTE_LABEL : STATUS_LABEL[step.status]}
      </span>
      <div>
        <p className="check-title">
          {displayText(step.title)}
          {step.decisive ? null : <span className="check-kind"> · informational</span>}
        </p>
        <p>
          {displayText(step.detail)}
          {step.durationMs !== null && !step.running ? ` (${Math.round(step.durationMs)} ms)` : ''}
        </p>
        {step.fix ? (
          <p className="check-fix">
            <strong>Fix:</strong> {displayText(step.fix)}
          </p>
        ) : null}
      </div>
    </li>
  )
}
