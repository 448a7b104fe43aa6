import { displayText } from '../../../../shared/displayText'
/** What the reader must know about the report itself before trusting it. */
export function ReportWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null
  return (
    <div className="report__warnings">
      {warnings.map((warning) => (
        <p key={warning} className="report__alert" role="alert">
          <strong>Warning:</strong> {displayText(warning)}
        </p>
      ))}
    </div>
  )
}
