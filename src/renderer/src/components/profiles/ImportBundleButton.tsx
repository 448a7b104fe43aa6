import { useId } from 'react'
import { BUNDLE_FILE_SUFFIX } from '../../../../shared/bundleFile'
import { useWizard } from '../../store/wizardStore'

/** "Import bundle…": a file picker; a bundle dropped anywhere on the window does the same. */
export function ImportBundleButton() {
  const previewBundleFile = useWizard((s) => s.previewBundleFile)
  const inputId = useId()
  const hintId = useId()
  return (
    <div className="import-bundle">
      <input
        id={inputId}
        className="file-input"
        type="file"
        accept={`${BUNDLE_FILE_SUFFIX},.json,application/json`}
        aria-describedby={hintId}
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) void previewBundleFile(file)
        }}
      />
      <label htmlFor={inputId} className="button">
        Import bundle…
      </label>
      <p id={hintId} className="hint">
        Or drop a <code>{BUNDLE_FILE_SUFFIX}</code> file anywhere on this window. You see what it holds before anything changes.
      </p>
    </div>
  )
}
