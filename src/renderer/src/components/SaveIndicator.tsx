import { useWizard } from '../store/wizardStore'
import { Alert } from './ui/Alert'

/**
 * "Saving…" / "All changes saved" is plain text (announcing it on every pause in typing would keep
 * interrupting a screen reader); a failed save is an alert with a way to try again.
 */
export function SaveIndicator() {
  const status = useWizard((s) => s.saveStatus)
  const retrySave = useWizard((s) => s.retrySave)
  if (status.kind === 'error') {
    return (
      <div className="save-indicator save-indicator--error">
        <Alert tone="error" message={status.message}>
          <button type="button" className="button" onClick={retrySave}>
            Try again
          </button>
        </Alert>
      </div>
    )
  }
  return <p className="save-indicator">{status.kind === 'saving' ? 'Saving…' : status.kind === 'saved' ? 'All changes saved' : ''}</p>
}
