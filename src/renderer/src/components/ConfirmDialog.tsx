import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react'
import { Alert } from './ui/Alert'

export interface ConfirmDialogProps {
  title: string
  /** What will happen, in the admin's words; the dialog's description for screen readers. */
  children: ReactNode
  confirmLabel: string
  cancelLabel?: string
  /** 'danger' for what cannot be undone (deleting); 'primary' otherwise. */
  tone?: 'danger' | 'primary'
  /** While the confirmed action runs: the confirm button is disabled. */
  busy?: boolean
  /** Why the confirmed action failed, if it did. */
  error?: string
  onConfirm(): void
  onCancel(): void
}

const FOCUSABLE = 'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])'

/**
 * Asks before something that changes or destroys work, in a modal dialog: labelled by its title and described by its
 * text, focus kept inside (Tab wraps), Escape cancels, the safe choice (Cancel) focused first, and focus given back
 * to where it was when the dialog closes.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel = 'Cancel', tone = 'primary', busy = false, error = '', onConfirm, onCancel }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const textId = useId()

  useEffect(() => {
    const element = dialog.current
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (element && !element.open) element.showModal()
    return () => {
      element?.close()
      if (returnTo?.isConnected) returnTo.focus()
    }
  }, [])

  /** Tab from the last control goes to the first, Shift+Tab from the first to the last: focus never leaves. */
  const keepFocusInside = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !dialog.current) return
    const controls = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    if (controls.length === 0) return
    const [first, last] = [controls[0], controls[controls.length - 1]]
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onKeyDown={keepFocusInside}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      <h3 id={titleId}>{title}</h3>
      <div id={textId} className="dialog__text">
        {children}
      </div>
      {error ? <Alert tone="error" message={error} /> : null}
      <div className="dialog__buttons">
        {/* Cancel first and focused: the safe choice is the default one. */}
        <button type="button" className="button" autoFocus onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className={`button button--${tone}`} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
