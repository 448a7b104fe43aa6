import { displayText } from '../../../../shared/displayText'
import { useId } from 'react'
import type { ReportEvent } from '../../../../shared/setupReport'
import { formatUtc } from '../formatDate'

/** What was verified when, oldest first. */
export function ReportTimeline({ events }: { events: readonly ReportEvent[] }) {
  const headingId = useId()
  return (
    <section className="report__section" aria-labelledby={headingId} data-testid="report-timeline">
      <h2 id={headingId}>Timeline</h2>
      <ol className="report__timeline">
        {events.map((event, index) => (
          <li key={`${index} ${event.at}`}>
            <time dateTime={event.at}>{formatUtc(event.at)}</time> <span>{displayText(event.event)}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
