import { MAX_PROFILE_NAME_LENGTH } from '../../../../shared/limits'
import { type FormEvent, useId, useState } from 'react'
import type { ProfileSummary } from '../../../../shared/profile'
import { useWizard } from '../../store/wizardStore'
import { errorMessage } from '../../../../shared/errorMessage'
import { Alert } from '../ui/Alert'
import { useTiedMessage } from '../ui/useTiedMessage'

export interface RenameProfileFormProps {
  profile: ProfileSummary
  onDone(renamed: ProfileSummary | null): void
}

/** Renames a profile in place; Escape or Cancel leaves the name as it was. */
export function RenameProfileForm({ profile, onDone }: RenameProfileFormProps) {
  const renameProfile = useWizard((s) => s.renameProfile)
  const [name, setName] = useState(profile.name)
  // A refusal is about the name it was given: typing another one takes it away.
  const refusal = useTiedMessage<string, string>(name)
  const error = refusal.message
  const inputId = useId()
  const errorId = useId()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() === profile.name) return onDone(null)
    refusal.clear()
    try {
      onDone(await renameProfile(profile, name))
    } catch (failure) {
      refusal.show(errorMessage(failure), name)
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
          aria-invalid={error !== null}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button--primary">
          Save name
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      <div id={errorId}>{error !== null ? <Alert tone="error" message={error} /> : null}</div>
    </form>
  )
}
