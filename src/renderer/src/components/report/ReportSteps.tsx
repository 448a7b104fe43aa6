import { useId } from 'react'
import type { ReportStep } from '../../../../shared/setupReport'

/** Every wizard step, complete or not, with each checklist item's state spelled out (not shown by colour alone). */
export function ReportSteps({ steps }: { steps: readonly ReportStep[] }) {
  const headingId = useId()
  return (
    <section className="report__section" aria-labelledby={headingId} data-testid="report-steps">
      <h2 id={headingId}>Wizard steps and checklists</h2>
      <ol className="report__steps">
        {steps.map((step, index) => (
          <li key={step.id} className="report__step" data-step-id={step.id}>
            <h3>
              {index + 1}. {step.title}{' '}
              <span className={`report__badge report__badge--${step.complete ? 'pass' : 'open'}`}>{step.complete ? '✓ Complete' : '✗ Not complete'}</span>
            </h3>
            {step.sections.length === 0 ? (
              <p className="report__quiet">No checklist: completed by the values and checks in the app.</p>
            ) : (
              step.sections.map((section) => (
                <div key={section.title}>
                  <h4>{section.title}</h4>
                  <ul className="report__ticks" aria-label={section.title}>
                    {section.items.map((item) => (
                      <li key={item.id} className={item.checked ? 'report__tick--done' : 'report__tick--open'} data-item-id={item.id}>
                        <span className="report__tick-state">
                          <span aria-hidden="true">{item.checked ? '✓' : '✗'}</span> {item.checked ? 'Done' : 'Not done'}:
                        </span>{' '}
                        {item.label}
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
