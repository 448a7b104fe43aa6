import { Alert } from '../ui/Alert'

/** Where saving the report as an HTML file stands. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; fileName: string } | { kind: 'error'; message: string }

/** Back, print (the print dialog offers "Save as PDF") and save as HTML. Never printed itself. */
export function ReportToolbar({
  ready,
  save,
  onBack,
  onPrint,
  onSaveHtml,
}: {
  ready: boolean
  save: SaveState
  onBack(): void
  onPrint(): void
  onSaveHtml(): void
}) {
  return (
    <header className="report-toolbar">
      <button type="button" className="button" onClick={onBack}>
        Back
      </button>
      <div className="report-toolbar__actions">
        <button type="button" className="button button--primary" onClick={onPrint} disabled={!ready}>
          Print or save as PDF
        </button>
        <button type="button" className="button" onClick={onSaveHtml} disabled={!ready || save.kind === 'saving'}>
          Save as HTML file
        </button>
      </div>
      <p className="report-toolbar__status" role="status">
        {save.kind === 'saving'
          ? 'Preparing the HTML file…'
          : save.kind === 'saved'
            ? `${save.fileName} is ready: save it where you are asked, or find it in your Downloads folder.`
            : ''}
      </p>
      {save.kind === 'error' ? <Alert tone="error" message={save.message} /> : null}
    </header>
  )
}
