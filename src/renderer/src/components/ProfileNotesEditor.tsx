import { useId, useState } from 'react'
import { MAX_PROFILE_NOTES_LENGTH } from '../../../shared/limits'
import { useWizard } from '../store/wizardStore'

/**
 * Free-text notes for the open profile (ticket numbers, contacts, what is pending). Saved automatically like
 * everything else: shortly after typing stops, and at once when the admin leaves the profile or closes the window.
 */
export function ProfileNotesEditor() {
  const profile = useWizard((s) => s.openProfile)
  const setNotes = useWizard((s) => s.setNotes)
  const fieldId = useId()
  const hintId = useId()
  // Open at first when there are notes; after that the admin decides (emptying the field does not close it).
  const [openAtFirst] = useState(profile !== null && profile.notes !== '')
  if (!profile) return null

  return (
    <details className="profile-notes" open={openAtFirst}>
      <summary>Notes</summary>
      <label htmlFor={fieldId}>Notes for “{profile.name}”</label>
      <textarea
        id={fieldId}
        className="text-area profile-notes__field"
        value={profile.notes}
        maxLength={MAX_PROFILE_NOTES_LENGTH}
        aria-describedby={hintId}
        onChange={(event) => setNotes(event.target.value)}
      />
      <p id={hintId} className="hint">
        Saved automatically with the profile.
      </p>
    </details>
  )
}
