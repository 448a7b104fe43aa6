import { type FormEvent, useId, useState } from 'react'
import type { ProfileSummary } from '../../../../shared/profile'
import { useWizard } from '../../store/wizardStore'
import { errorMessage } from '../../../../shared/errorMessage'
import { Alert } from '../ui/Alert'

export interface ExportBundleFormProps {
  profile: Pick<ProfileSummary, 'id' | 'name'>
  onDone(savedAs: string | null): void
  /** Runs first (the wizard saves the open profile's latest change, so the bundle holds it). */
  beforeExport?(): Promise<void>
}

/** Exports a profile as a bundle file. The API key never goes in; its last 4 characters only when ticked. */
export function ExportBundleForm({ profile, onDone, beforeExport }: ExportBundleFormProps) {
  const exportBundle = useWizard((s) => s.exportBundle)
  const [includeKeyHint, setIncludeKeyHint] = useState(false)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const hintId = useId()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError('')
    try {
      await beforeExport?.()
      onDone(await exportBundle(profile, includeKeyHint))
    } catch (failure) {
      setError(errorMessage(failure))
      setBusy(false)
    }
  }

  return (
    <form
      className="inline-form"
      aria-label={`Export “${profile.name}” as a bundle`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone(null)
      }}
    >
      <p id={hintId} className="hint">
        A bundle holds the setup values, certificate, checklist progress and latest check results, for a colleague or
        Dialpad Support. It never holds the API key.
      </p>
      <label className="radio">
        <input type="checkbox" checked={includeKeyHint} aria-describedby={hintId} onChange={(event) => setIncludeKeyHint(event.target.checked)} />
        Include key hint (last 4 characters of the API key)
      </label>
      <div className="inline-form__row">
        <button type="submit" className="button button--primary" disabled={busy}>
          Save bundle file
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      {error ? <Alert tone="error" message={error} /> : null}
    </form>
  )
}
