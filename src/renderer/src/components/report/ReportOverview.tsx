import { useId } from 'react'
import type { ReportOverview as Overview } from '../../../../shared/setupReport'
import { OverviewLists } from '../OverviewLists'

/** The overall status the report opens with: the same sentence and lists as the app's completion view. */
export function ReportOverview({ overview }: { overview: Overview }) {
  const headingId = useId()
  return (
    <section className={`report__section report__card report__overview report__overview--${overview.kind}`} aria-labelledby={headingId} data-testid="report-overview">
      <h2 id={headingId}>Overall status</h2>
      <p className="report__headline">{overview.headline}</p>
      <OverviewLists outOfDate={overview.outOfDate} waiting={overview.waiting} skipped={overview.skipped} open={overview.open} headingLevel={3} />
    </section>
  )
}
