import { useId } from 'react'
import { useWizard } from '../store/wizardStore'

export interface ChecklistItem {
  id: string
  label: string
}

/** Ticks the admin sets as they do each thing in a console; saved with the setup. */
export function Checklist({ title, items }: { title: string; items: readonly ChecklistItem[] }) {
  const checklist = useWizard((s) => s.checklist)
  const setChecked = useWizard((s) => s.setChecked)
  const headingId = useId()
  return (
    <fieldset className="checklist" aria-labelledby={headingId}>
      <legend id={headingId}>{title}</legend>
      <ul>
        {items.map((item) => (
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

export function allChecked(checklist: Record<string, boolean>, items: readonly ChecklistItem[]): boolean {
  return items.every((item) => checklist[item.id] === true)
}
