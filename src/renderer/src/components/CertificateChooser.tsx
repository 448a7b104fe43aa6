import { displayText } from '../../../shared/displayText'
import { useId } from 'react'
import type { CertificateReport } from '../../../shared/certificate'
import { formatUtc } from './formatDate'
import { plural } from '../../../shared/plural'

export interface CertificateChooserProps {
  title: string
  certificates: readonly CertificateReport[]
  chosen: string | null
  suggestedIndex?: number
  onChoose(report: CertificateReport): void
}

/** Several certificates found (a rotation, or a chain pasted): the admin picks, the app never guesses silently. */
export function CertificateChooser({ title, certificates, chosen, suggestedIndex, onChoose }: CertificateChooserProps) {
  const name = useId()
  return (
    <fieldset className="form-row">
      <legend>{title}</legend>
      <ul className="choice-list">
        {certificates.map((report, index) => (
          <li key={report.sha256}>
            <label>
              <input
                type="radio"
                name={name}
                checked={chosen === report.bodySingleLine}
                onChange={() => onChoose(report)}
              />
              <span>
                <strong>{displayText(report.subject)}</strong>
                {index === suggestedIndex ? ' (suggested: valid the longest)' : ''}
                <br />
                Valid {formatUtc(report.notBefore)} to {formatUtc(report.notAfter)} · SHA-256 {report.sha256.slice(0, 23)}…
                {report.warnings.length > 0 ? ` · ${plural(report.warnings.length, 'warning')}` : ''}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}
