export interface OverviewStepRef {
  id: string
  number: number
  title: string
  /** Why the step is in the list ("Out of date: was for acme-corp.com."), if it needs saying. */
  note: string | null
}

export interface OverviewListsProps {
  outOfDate: readonly OverviewStepRef[]
  waiting: readonly OverviewStepRef[]
  skipped: readonly OverviewStepRef[]
  open: readonly OverviewStepRef[]
  /** In the app each step opens from the list; in the report it is plain text. */
  onOpenStep?(stepId: string): void
  /** The level of each group's heading, one below the section's. */
  headingLevel: 3 | 4
}

/** The steps the overall status names, by kind: what is out of date, waiting, skipped and not done yet. */
export function OverviewLists({ outOfDate, waiting, skipped, open, onOpenStep, headingLevel }: OverviewListsProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  const groups: [string, readonly OverviewStepRef[]][] = [
    ['Out of date', outOfDate],
    ['Waiting', waiting],
    ['Skipped', skipped],
    ['Not done yet', open],
  ]
  return (
    <>
      {groups
        .filter(([, refs]) => refs.length > 0)
        .map(([title, refs]) => (
          <section key={title} aria-label={title} className="overview-lists__group">
            <Heading>{title}</Heading>
            <ul>
              {refs.map((ref) => (
                <li key={ref.id}>
                  {onOpenStep ? (
                    <button type="button" className="link-button" onClick={() => onOpenStep(ref.id)}>
                      {ref.number}. {ref.title}
                    </button>
                  ) : (
                    `${ref.number}. ${ref.title}`
                  )}
                  {ref.note ? <span className="overview-lists__note"> {ref.note}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  )
}
