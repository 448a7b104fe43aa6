import type { CheckStatus, CheckStep } from '../../../shared/checkRun'
import { displayText } from '../../../shared/displayText'

const STATUS_LABEL: Record<CheckStatus, string> = { pass: '✓ Pass', warn: '⚠ Warning', fail: '✗ Problem', skipped: '– Not checked' }
/** An informational step that could not be done is a note: it never stood in the way. */
const NOTE_LABEL = 'ℹ Note'

/** The steps of a check, each with its result, what was found and how to fix it; informational ones are marked. Details quote outside text: shown safely. */
export function CheckStepList({ label, steps }: { label: string; steps: readonly (CheckStep & { running?: boolean })[] }) {
  const informational = steps.some((step) => !step.decisive)
  return (
    <>
      <ul className="check-list" aria-label={label}>
        {steps.map((step) => (
          <li key={step.id} data-check-id={step.id} data-status={step.running ? 'running' : step.status} data-decisive={step.decisive ? 'true' : 'false'}>
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
        ))}
      </ul>
      {informational ? <p className="hint">Steps marked informational can warn but never make the check fail.</p> : null}
    </>
  )
}
