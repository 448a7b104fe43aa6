import { useId } from 'react'

export interface ProfileSearchProps {
  query: string
  onQuery(query: string): void
  shown: number
  total: number
}

/** Filters the list by name or company domain as the admin types. */
export function ProfileSearch({ query, onQuery, shown, total }: ProfileSearchProps) {
  const inputId = useId()
  const countId = useId()
  return (
    <div className="profile-search">
      <label htmlFor={inputId}>Search profiles</label>
      <input
        id={inputId}
        className="text-input"
        type="search"
        value={query}
        placeholder="Name or company domain"
        aria-describedby={countId}
        onChange={(event) => onQuery(event.target.value)}
      />
      <p id={countId} className="hint" aria-live="polite">
        {query.trim() === '' ? '' : `${shown} of ${total} profiles match “${query.trim()}”.`}
      </p>
    </div>
  )
}
