import type { StepDefinition, WizardFacts } from '../steps/stepTypes'

export type StepStatus = 'done' | 'current' | 'ahead'

export function statusOf(step: StepDefinition, currentId: string, setup: WizardFacts): StepStatus {
  if (step.id === currentId) return 'current'
  return step.isComplete(setup) ? 'done' : 'ahead'
}

const STATUS_TEXT: Record<StepStatus, string> = { done: 'done', current: 'current step', ahead: 'not done yet' }
const STATUS_MARK: Record<StepStatus, string> = { done: '✓', current: '●', ahead: '○' }

interface StepListProps {
  steps: readonly StepDefinition[]
  currentId: string
  visited: readonly string[]
  setup: WizardFacts
  onSelect(stepId: string): void
}

/** The ordered step list: done / current / ahead, and a jump to any step already reached. */
export function StepList({ steps, currentId, visited, setup, onSelect }: StepListProps) {
  return (
    <nav aria-label="Setup steps" className="step-list">
      <ol>
        {steps.map((step, index) => {
          const status = statusOf(step, currentId, setup)
          const reached = visited.includes(step.id) || step.id === currentId
          return (
            <li key={step.id} className={`step-list__item step-list__item--${status}`}>
              <button
                type="button"
                className="step-list__button"
                aria-current={status === 'current' ? 'step' : undefined}
                disabled={!reached}
                onClick={() => onSelect(step.id)}
              >
                <span className="step-list__mark" aria-hidden="true">
                  {STATUS_MARK[status]}
                </span>
                <span className="step-list__title">
                  {index + 1}. {step.title}
                </span>
                <span className="visually-hidden">, {reached ? STATUS_TEXT[status] : 'not reached yet'}</span>
              </button>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
