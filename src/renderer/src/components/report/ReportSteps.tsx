import { useId } from 'react'
import type { ReportItemState, ReportStep } from '../../../../shared/setupReport'
import type { StepState } from '../../../../shared/wizard/stepState'

const BADGE: Record<StepState, string> = { done: 'pass', skipped: 'open', waiting: 'open', 'out-of-date': 'fail', 'in-progress': 'open', 'not-started': 'open' }
const STATE_MARK: Record<StepState, string> = { done: '✓', skipped: '↷', waiting: '…', 'out-of-date': '!', 'in-progress': '◐', 'not-started': '○' }
const ITEM: Record<ReportItemState, { mark: string; text: string }> = {
  done: { mark: '✓', text: 'Done' },
  'not-done': { mark: '✗', text: 'Not done' },
  failed: { mark: '✗', text: 'Failed' },
  'out-of-date': { mark: '!', text: 'Out of date' },
  unrecorded: { mark: '?', text: 'Not confirmed' },
}

/** Every wizard step once, with one state, and what it is made of with each item's state spelled out (not colour alone). */
export function ReportSteps({ steps }: { steps: readonly ReportStep[] }) {
  const headingId = useId()
  return (
    <section className="report__section" aria-labelledby={headingId} data-testid="report-steps">
      <h2 id={headingId}>Wizard steps</h2>
      <ol className="report__steps">
        {steps.map((step) => (
          <li key={step.id} className="report__step" data-step-id={step.id} data-state={step.state}>
            <h3>
              {step.number}. {step.title}{' '}
              <span className={`report__badge report__badge--${BADGE[step.state]}`}>
                <span aria-hidden="true">{STATE_MARK[step.state]}</span> {step.stateLabel}
              </span>
            </h3>
            {step.note ? <p className="report__step-note">{step.note}</p> : null}
            {step.items.length === 0 ? (
              <p className="report__quiet">No checklist: done by the values and checks in the app.</p>
            ) : (
              <ul className="report__ticks" aria-label={`${step.title}: items`}>
                {step.items.map((item) => (
                  <li key={item.id} className={`report__tick--${item.state}`} data-item-id={item.id}>
                    <span className="report__tick-state">
                      <span aria-hidden="true">{ITEM[item.state].mark}</span> {ITEM[item.state].text}:
                    </span>{' '}
                    {item.label}
                    {item.note ? <span className="report__item-note"> {item.note}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
