import { useEffect, useId, useRef, useState } from 'react'
import type { ProfileSummary } from '../../../../shared/profile'
import { call } from '../../api/client'

export interface DeleteProfileDialogProps {
  profile: ProfileSummary
  onDone(deleted: boolean): void
}

/**
 * Asks before deleting, in a modal dialog (focus stays inside; Escape cancels). Says plainly that the profile's API
 * key goes from the keychain too, and that nothing brings it back.
 */
export function DeleteProfileDialog({ profile, onDone }: DeleteProfileDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const titleId = useId()
  const textId = useId()

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])

  const confirmDelete = async () => {
    setBusy(true)
    setError('')
    try {
      await call('profiles.delete', { id: profile.id })
      onDone(true)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
      setBusy(false)
    }
  }

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault()
        onDone(false)
      }}
    >
      <h3 id={titleId}>Delete “{profile.name}”?</h3>
      <p id={textId}>
        The profile’s saved setup and its API key in this computer’s keychain are deleted. This cannot be undone; export a
        bundle first if you may need the setup again (the bundle never holds the key).
      </p>
      <p className="error-text" role="alert">
        {error}
      </p>
      <div className="dialog__buttons">
        {/* Cancel first and focused: the safe choice is the default one. */}
        <button type="button" className="button" autoFocus onClick={() => onDone(false)}>
          Cancel
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void confirmDelete()}>
          Delete profile and API key
        </button>
      </div>
    </dialog>
  )
}
