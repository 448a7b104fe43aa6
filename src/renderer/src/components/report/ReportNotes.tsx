import { displayText } from '../../../../shared/displayText'
import { useId } from 'react'

/** The admin's own notes on the profile, line breaks kept. */
export function ReportNotes({ notes }: { notes: string }) {
  const headingId = useId()
  if (notes.trim() === '') return null
  return (
    <section className="report__section" aria-labelledby={headingId}>
      <h2 id={headingId}>Notes</h2>
      <p className="report__notes">{displayText(notes, { multiline: true })}</p>
    </section>
  )
}
