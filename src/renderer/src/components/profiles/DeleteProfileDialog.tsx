import { useState } from 'react'
import type { ProfileSummary } from '../../../../shared/profile'
import { useWizard } from '../../store/wizardStore'
import { ConfirmDialog } from '../ConfirmDialog'
import { errorMessage } from '../../../../shared/errorMessage'

export interface DeleteProfileDialogProps {
  profile: ProfileSummary
  onDone(deleted: boolean): void
}

/** Asks before deleting. Says plainly that the profile's API key goes from the keychain too, and that nothing brings it back. */
export function DeleteProfileDialog({ profile, onDone }: DeleteProfileDialogProps) {
  const deleteProfile = useWizard((s) => s.deleteProfile)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const confirmDelete = async () => {
    setBusy(true)
    setError('')
    try {
      await deleteProfile(profile)
      onDone(true)
    } catch (failure) {
      setError(errorMessage(failure))
      setBusy(false)
    }
  }

  return (
    <ConfirmDialog
      title={`Delete “${profile.name}”?`}
      confirmLabel="Delete profile and API key"
      tone="danger"
      busy={busy}
      error={error}
      onConfirm={() => void confirmDelete()}
      onCancel={() => onDone(false)}
    >
      <p>
        The profile’s saved setup and its API key in this computer’s keychain are deleted. This cannot be undone; export a
        bundle first if you may need the setup again (the bundle never holds the key).
      </p>
    </ConfirmDialog>
  )
}
