import type { LapsingVerdict } from '../../../shared/wizard/stepState'

/** What a change would make out of date, by step: the ticks to set again and the checks to run again. */
export function LapsingVerdicts({ lapsing }: { lapsing: readonly LapsingVerdict[] }) {
  if (lapsing.length === 0) return <p>Nothing done so far depends on it.</p>
  const steps = [...new Map(lapsing.map((verdict) => [verdict.stepNumber, verdict.stepTitle])).entries()]
  return (
    <ul className="lapsing">
      {steps.map(([number, title]) => (
        <li key={number}>
          <strong>
            Step {number}. {title}
          </strong>
          <ul>
            {lapsing
              .filter((verdict) => verdict.stepNumber === number)
              .map((verdict) => (
                <li key={verdict.label}>{verdict.kind === 'check' ? `${verdict.label} (run it again)` : `“${verdict.label}” (tick it again)`}</li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  )
}
