import type { CheckStatus, CheckStep } from '../../../shared/checkRun'
import { displayText } from '../../../shared/displayText'

const STATUS_LABEL: Record<CheckStatus, string> = { pass: '✓ Pass', warn: '⚠ Warning', fail: '✗ Problem', skipped: '– Not checked' }

/** The steps of a check, each with its result, what was found and how to fix it. Details quote outside text: shown safely. */
export function CheckStepList({ label, steps }: { label: string; steps: readonly (CheckStep & { running?: boolean })[] }) {
  return (
    <ul className="check-list" aria-label={label}>
      {steps.map((step) => (
        <li key={step.id} data-check-id={step.id} data-status={step.running ? 'running' : step.status}>
          <span className={`check-status check-status--${step.running ? 'skipped' : step.status}`}>
            {step.running ? '… Running' : STATUS_LABEL[step.status]}
          </span>
          <div>
            <p className="check-title">{displayText(step.title)}</p>
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
  )
}
