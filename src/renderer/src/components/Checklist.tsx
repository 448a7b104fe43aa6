import { useId } from 'react'
import type { ChecklistItem, ChecklistSection } from '../../../shared/wizard/checklists'
import type { Verdict } from '../../../shared/wizard/stepState'
import { useSetupStatus } from '../hooks/useSetupStatus'
import { useWizard } from '../store/wizardStore'

/**
 * Ticks the admin sets as they do each thing in a console; saved with what each was made against. A tick made for
 * values that have changed since shows unticked, with what it was for: ticking it again confirms it for the values
 * now.
 */
export function Checklist({
  section,
  onChange,
}: {
  section: ChecklistSection
  /** Replaces the plain tick, for items whose tick means more (it must still record the tick). */
  onChange?: (itemId: string, checked: boolean) => void
}) {
  const status = useSetupStatus()
  const storeSetChecked = useWizard((s) => s.setChecked)
  const setChecked = onChange ?? storeSetChecked
  const headingId = useId()
  const verdicts = new Map(status.steps.flatMap((step) => [...step.ticks, ...step.skip]).map((verdict) => [verdict.id, verdict]))
  return (
    <fieldset className="checklist" aria-labelledby={headingId}>
      <legend id={headingId}>{section.title}</legend>
      <ul>
        {section.items.map((item) => (
          <ChecklistRow key={item.id} item={item} verdict={verdicts.get(item.id)} onChange={(checked) => setChecked(item.id, checked)} />
        ))}
      </ul>
    </fieldset>
  )
}

function ChecklistRow({ item, verdict, onChange }: { item: ChecklistItem; verdict: Verdict | undefined; onChange(checked: boolean): void }) {
  const noteId = useId()
  const lapsed = verdict !== undefined && verdict.made && verdict.freshness !== 'current'
  return (
    <li className={lapsed ? 'checklist__item checklist__item--lapsed' : 'checklist__item'}>
      <label>
        <input
          type="checkbox"
          checked={verdict?.made === true && !lapsed}
          aria-describedby={lapsed ? noteId : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>{item.label}</span>
      </label>
      {lapsed ? (
        <p id={noteId} className="checklist__note">
          {verdict.note}
        </p>
      ) : null}
    </li>
  )
}
