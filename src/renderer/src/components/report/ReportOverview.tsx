import { useId } from 'react'
import type { ReportOverview as Overview, ReportStepRef } from '../../../../shared/setupReport'

/** The overall status the report opens with: the same sentence and lists as the app's completion view. */
export function ReportOverview({ overview }: { overview: Overview }) {
  const headingId = useId()
  const list = (title: string, refs: readonly ReportStepRef[]) =>
    refs.length === 0 ? null : (
      <>
        <h3>{title}</h3>
        <ul>
          {refs.map((ref) => (
            <li key={ref.id}>
              {ref.number}. {ref.title}
              {ref.note ? <span className="report__quiet"> {ref.note}</span> : null}
            </li>
          ))}
        </ul>
      </>
    )
  return (
    <section className={`report__section report__card report__overview report__overview--${overview.kind}`} aria-labelledby={headingId} data-testid="report-overview">
      <h2 id={headingId}>Overall status</h2>
      <p className="report__headline">{overview.headline}</p>
      {list('Out of date', overview.outOfDate)}
      {list('Waiting', overview.waiting)}
      {list('Skipped', overview.skipped)}
      {list('Not done yet', overview.open)}
    </section>
  )
}
