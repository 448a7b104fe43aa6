import { displayText } from '../../../../shared/displayText'
import { useId } from 'react'
import type { ReportCheck } from '../../../../shared/setupReport'
import { CheckStepList } from '../CheckStepList'
import { formatUtc } from '../formatDate'

/** Every check with its result, when it ran, and each step's detail, duration and fix. */
export function ReportChecks({ checks }: { checks: readonly ReportCheck[] }) {
  const headingId = useId()
  // The offline cross-checks are always there; anything more is a live check that was run.
  const liveChecksRun = checks.some((check) => check.kind === 'live')
  return (
    <section className="report__section" aria-labelledby={headingId} data-testid="report-checks">
      <h2 id={headingId}>Checks</h2>
      {checks.map((check) => (
        <Check key={`${check.title} ${check.checkedAt}`} check={check} />
      ))}
      {liveChecksRun ? null : <p className="report__quiet">No live check has been run yet.</p>}
    </section>
  )
}

function Check({ check }: { check: ReportCheck }) {
  const headingId = useId()
  return (
    <section className="report__check" aria-labelledby={headingId} data-testid={`report-check: ${check.title}`}>
      <h3 id={headingId}>
        {displayText(check.title)}{' '}
        <span className={`report__badge report__badge--${check.ok ? 'pass' : 'fail'}`}>{check.ok ? '✓ Passed' : '✗ Failed'}</span>
        {check.freshness === 'current' ? null : (
          <>
            {' '}
            <span className="report__badge report__badge--fail">! {check.freshness === 'out-of-date' ? 'Out of date' : 'Not confirmed'}</span>
          </>
        )}
      </h3>
      {check.freshnessNote ? <p className="report__step-note">{check.freshnessNote}</p> : null}
      <p className="report__quiet">
        Checked <time dateTime={check.checkedAt}>{formatUtc(check.checkedAt)}</time>.{check.note ? ` ${displayText(check.note)}` : ''}
      </p>
      <CheckStepList label={`${check.title}: results`} steps={check.steps} foldPasses={false} />
    </section>
  )
}
