import { MAX_PROFILE_NAME_LENGTH } from '../../../../shared/limits'
import { type FormEvent, useId, useState } from 'react'
import type { ProfileSummary } from '../../../../shared/profile'
import { useWizard } from '../../store/wizardStore'
import { errorMessage } from '../../../../shared/errorMessage'

export interface RenameProfileFormProps {
  profile: ProfileSummary
  onDone(renamed: ProfileSummary | null): void
}

/** Renames a profile in place; Escape or Cancel leaves the name as it was. */
export function RenameProfileForm({ profile, onDone }: RenameProfileFormProps) {
  const renameProfile = useWizard((s) => s.renameProfile)
  const [name, setName] = useState(profile.name)
  const [error, setError] = useState('')
  const inputId = useId()
  const errorId = useId()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() === profile.name) return onDone(null)
    try {
      onDone(await renameProfile(profile, name))
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  return (
    <form
      className="inline-form"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone(null)
      }}
    >
      <label htmlFor={inputId}>New name for “{profile.name}”</label>
      <div className="inline-form__row">
        <input
          id={inputId}
          className="text-input"
          value={name}
          maxLength={MAX_PROFILE_NAME_LENGTH}
          // The form appears because the admin asked to rename: typing starts right away.
          autoFocus
          aria-describedby={errorId}
          aria-invalid={error !== ''}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button--primary">
          Save name
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      <p id={errorId} className="error-text" role="alert">
        {error}
      </p>
    </form>
  )
}
