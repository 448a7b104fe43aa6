import { displayText } from '../../../../shared/displayText'
import { useId } from 'react'
import type { ReportConsole, ReportValue } from '../../../../shared/setupReport'

/** The values one console needs: what, the value itself (long ones wrap), and the page and field it goes into. */
export function ReportConsoleValues({ values }: { values: ReportConsole }) {
  const headingId = useId()
  return (
    <section className="report__section" aria-labelledby={headingId} data-testid={`report-values: ${values.console}`}>
      <h2 id={headingId}>{values.heading}</h2>
      <table className="report__table" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
            <th scope="col">Where it goes</th>
          </tr>
        </thead>
        <tbody>
          {values.values.map((value) => (
            <tr key={value.label}>
              <th scope="row">{value.label}</th>
              <td>
                <Value value={value} />
              </td>
              <td className="report__where">{value.where}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** The value as Dialpad or JumpCloud should get it (invisible characters shown), with the wizard's error and warnings. */
function Value({ value }: { value: ReportValue }) {
  if (value.value === null) return <span className="report__missing">Not known yet. {value.missing ?? ''}</span>
  if (value.block) return <pre className="report__block">{displayText(value.value, { multiline: true })}</pre>
  return (
    <>
      <span className="report__value">{displayText(value.value)}</span>
      {value.error ? (
        <span className="report__value-note error-text">
          <strong>Problem:</strong> {value.error}
        </span>
      ) : null}
      {(value.warnings ?? []).map((warning) => (
        <span key={warning} className="report__value-note warning-text">
          <strong>Warning:</strong> {warning}
        </span>
      ))}
    </>
  )
}
