import { useWizard } from '../store/wizardStore'

export function SaveIndicator() {
  const status = useWizard((s) => s.saveStatus)
  if (status.kind === 'error') {
    return (
      <p className="save-indicator save-indicator--error" role="alert">
        {status.message}
      </p>
    )
  }
  return (
    <p className="save-indicator" role="status">
      {status.kind === 'saving' ? 'Saving…' : status.kind === 'saved' ? 'All changes saved' : ''}
    </p>
  )
}
