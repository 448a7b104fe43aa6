import { MAX_PROFILE_NAME_LENGTH } from '../../../../shared/limits'
import { type FormEvent, useId, useState } from 'react'
import { useWizard } from '../../store/wizardStore'
import { errorMessage } from '../../../../shared/errorMessage'
import { Alert } from '../ui/Alert'
import { useTiedMessage } from '../ui/useTiedMessage'

/**
 * Name a new profile (usually the customer) and start its wizard. `primary`: whether creating is the view's main
 * action (it is not while a bundle's import choices or a card's rename or export form are shown: one primary action
 * per view).
 */
export function NewProfileForm({ primary = true }: { primary?: boolean }) {
  const createProfile = useWizard((s) => s.createProfile)
  const [name, setName] = useState('')
  // A refusal is about the name it was given: typing another one takes it away.
  const refusal = useTiedMessage<string, string>(name)
  const error = refusal.message
  const [busy, setBusy] = useState(false)
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    refusal.clear()
    try {
      await createProfile(name)
    } catch (failure) {
      refusal.show(errorMessage(failure), name)
      setBusy(false)
    }
  }

  return (
    <form className="new-profile" onSubmit={(event) => void submit(event)}>
      <label htmlFor={inputId}>New profile name</label>
      <div className="inline-form__row">
        <input
          id={inputId}
          className="text-input"
          value={name}
          maxLength={MAX_PROFILE_NAME_LENGTH}
          aria-describedby={`${hintId} ${errorId}`}
          aria-invalid={error !== null}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className={primary ? 'button button--primary' : 'button'} disabled={busy}>
          Create profile
        </button>
      </div>
      <p id={hintId} className="hint">
        Usually the customer or its company domain. The profile opens in the wizard.
      </p>
      <div id={errorId}>{error !== null ? <Alert tone="error" message={error} /> : null}</div>
    </form>
  )
}
