import { useId } from 'react'
import type { ProfileMatch } from '../../../../shared/bundle'
import { displayText } from '../../../../shared/displayText'
import { plural } from '../../../../shared/plural'
import { formatUtc } from '../formatDate'

export interface ProfileMatchDifferencesProps {
  match: ProfileMatch
  replaceLabel: string
  disabled: boolean
  onReplace(): void
}

/** An existing profile for the same customer: what replacing it would change, field by field, then the choice to. */
export function ProfileMatchDifferences({ match, replaceLabel, disabled, onReplace }: ProfileMatchDifferencesProps) {
  const headingId = useId()
  const name = displayText(match.name)
  return (
    <section className="import-match" aria-labelledby={headingId}>
      <h4 id={headingId}>Existing profile “{name}”</h4>
      <p className="hint">Same company domain and environment · last modified {formatUtc(match.modifiedAt)}</p>
      {match.differences.length === 0 ? (
        <p>The bundle holds exactly what this profile holds: replacing it changes nothing.</p>
      ) : (
        <table className="value-table">
          <caption className="value-table__caption">
            Replacing “{name}” changes {plural(match.differences.length, 'field')}
          </caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">In “{name}” now</th>
              <th scope="col">From the bundle</th>
            </tr>
          </thead>
          <tbody>
            {match.differences.map((difference) => (
              <tr key={difference.field}>
                <th scope="row">{displayText(difference.field)}</th>
                <td>{displayText(difference.before)}</td>
                <td>{displayText(difference.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="button" disabled={disabled} onClick={onReplace}>
        {replaceLabel}
      </button>
    </section>
  )
}
