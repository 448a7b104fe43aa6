import { STEP_STATE_LABELS, type StepState, type StepStatus } from '../../../shared/wizard/stepState'

const STATE_MARK: Record<StepState, string> = {
  done: '✓',
  skipped: '↷',
  waiting: '…',
  'out-of-date': '!',
  'in-progress': '◐',
  'not-started': '○',
}
/** States worth reading at a glance are spelled out next to the title, not left to the mark alone. */
const SHOWN_STATES: readonly StepState[] = ['out-of-date', 'waiting', 'skipped']

interface StepListProps {
  steps: readonly StepStatus[]
  /** The step on screen, or null while the completion view is. */
  currentId: string | null
  onSelect(stepId: string): void
  onSummary(): void
}

/** Every step with its state; any of them can be opened at any time, and so can the summary. */
export function StepList({ steps, currentId, onSelect, onSummary }: StepListProps) {
  return (
    <nav aria-label="Setup steps" className="step-list">
      <ol>
        {steps.map((step) => {
          const current = step.id === currentId
          return (
            <li key={step.id} className={`step-list__item step-list__item--${step.state}${current ? ' step-list__item--current' : ''}`}>
              <button type="button" className="step-list__button" aria-current={current ? 'step' : undefined} onClick={() => onSelect(step.id)}>
                <span className="step-list__mark" aria-hidden="true">
                  {STATE_MARK[step.state]}
                </span>
                <span className="step-list__title">
                  {step.number}. {step.title}
                  {SHOWN_STATES.includes(step.state) ? <span className="step-list__state"> ({STEP_STATE_LABELS[step.state].toLowerCase()})</span> : null}
                </span>
                <span className="visually-hidden">
                  {SHOWN_STATES.includes(step.state) ? '' : `, ${STEP_STATE_LABELS[step.state].toLowerCase()}`}
                  {current ? ', current step' : ''}
                </span>
              </button>
            </li>
          )
        })}
      </ol>
      <button type="button" className="step-list__button step-list__summary" aria-current={currentId === null ? 'step' : undefined} onClick={onSummary}>
        <span className="step-list__mark" aria-hidden="true">
          ★
        </span>
        <span className="step-list__title">Summary and report</span>
      </button>
    </nav>
  )
}
