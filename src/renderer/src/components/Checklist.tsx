import { useId } from 'react'
import { useWizard } from '../store/wizardStore'

import type { ChecklistSection } from '../../../shared/wizard/checklists'

/** Ticks the admin sets as they do each thing in a console; saved with the setup. */
export function Checklist({
  section,
  onChange,
}: {
  section: ChecklistSection
  /** Replaces the plain tick, for items whose tick means more (it must still record the tick). */
  onChange?: (itemId: string, checked: boolean) => void
}) {
  const checklist = useWizard((s) => s.checklist)
  const storeSetChecked = useWizard((s) => s.setChecked)
  const setChecked = onChange ?? storeSetChecked
  const headingId = useId()
  return (
    <fieldset className="checklist" aria-labelledby={headingId}>
      <legend id={headingId}>{section.title}</legend>
      <ul>
        {section.items.map((item) => (
          <li key={item.id}>
            <label>
              <input
                type="checkbox"
                checked={checklist[item.id] === true}
                onChange={(event) => setChecked(item.id, event.target.checked)}
              />
              <span>{item.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}
