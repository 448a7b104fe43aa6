import { useId, useState } from 'react'
import { call } from '../api/client'
import { useWizard } from '../store/wizardStore'

/** Free-text notes for the open profile (ticket numbers, contacts, what is pending), saved when the admin says so. */
export function ProfileNotesEditor() {
  const profile = useWizard((s) => s.openProfile)
  const setOpenProfile = useWizard((s) => s.setOpenProfile)
  const [draft, setDraft] = useState(profile?.notes ?? '')
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; message: string } | null>(null)
  const fieldId = useId()
  if (!profile) return null
  const changed = draft !== profile.notes

  const save = async () => {
    setStatus(null)
    try {
      await call('profiles.setNotes', { id: profile.id, notes: draft })
      setOpenProfile({ ...profile, notes: draft })
      setStatus({ kind: 'saved', message: 'Notes saved.' })
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
    }
  }

  return (
    <details className="profile-notes" open={profile.notes !== ''}>
      <summary>Notes</summary>
      <label htmlFor={fieldId}>Notes for “{profile.name}”</label>
      <textarea
        id={fieldId}
        className="text-area profile-notes__field"
        value={draft}
        maxLength={20_000}
        onChange={(event) => {
          setDraft(event.target.value)
          setStatus(null)
        }}
      />
      <button type="button" className="button" disabled={!changed} onClick={() => void save()}>
        Save notes
      </button>
      <p className="copy-field__status" role="status">
        {status?.kind === 'saved' ? status.message : changed ? 'Not saved yet.' : ''}
      </p>
      <p className="error-text" role="alert">
        {status?.kind === 'error' ? status.message : ''}
      </p>
    </details>
  )
}
