import type { BundleSummary } from '../../../../shared/bundle'
import { IMPORTED_WITHOUT_KEY } from '../../../../shared/bundleFile'
import { displayText } from '../../../../shared/displayText'
import { DIALPAD_ENVIRONMENTS } from '../../../../shared/environments'
import { formatUtc } from '../formatDate'

/** What a bundle holds, as the admin decides whether to import it. Everything in it comes from the file: shown safely. */
export function BundleSummaryDetails({ summary }: { summary: BundleSummary }) {
  const { certificate } = summary
  return (
    <>
      <dl className="details">
        <dt>Profile name</dt>
        <dd>{displayText(summary.name)}</dd>
        <dt>Company domain</dt>
        <dd>{summary.domain === null ? 'Not entered yet, or not valid' : displayText(summary.domain)}</dd>
        <dt>Dialpad environment</dt>
        <dd>{DIALPAD_ENVIRONMENTS[summary.env].label}</dd>
        <dt>Exported</dt>
        <dd>
          {formatUtc(summary.exportedAt)} by Dialpad SSO Assistant {displayText(summary.appVersion)}
        </dd>
        {summary.exportedOverview ? (
          <>
            <dt>When exported</dt>
            <dd>{displayText(summary.exportedOverview.headline)}</dd>
          </>
        ) : null}
        <dt>Once imported</dt>
        <dd>
          {summary.overview.headline} <span className="hint">{IMPORTED_WITHOUT_KEY}</span>
          {summary.steps.some((step) => step.note !== null && step.state !== 'skipped') ? (
            <ul className="plain-list">
              {summary.steps
                .filter((step) => step.note !== null && step.state !== 'skipped')
                .map((step) => (
                  <li key={step.number}>
                    {step.number}. {step.title}: {step.note}
                  </li>
                ))}
            </ul>
          ) : null}
        </dd>
        <dt>IdP certificate</dt>
        <dd>
          {certificate ? (
            <>
              {displayText(certificate.subject)}, valid until {formatUtc(certificate.notAfter)}
              <br />
              SHA-256 fingerprint <code>{certificate.sha256}</code>
            </>
          ) : (
            'None imported yet'
          )}
        </dd>
        <dt>API key</dt>
        <dd>{summary.keyHintLast4 ? `Not included; the key used ended in ${displayText(summary.keyHintLast4)}` : 'Not included'}</dd>
        <dt>Latest checks</dt>
        <dd>
          {summary.checks.length === 0 ? (
            'None run yet'
          ) : (
            <ul className="plain-list">
              {summary.checks.map((check) => (
                <li key={check.title}>
                  {displayText(check.title)}: {check.ok ? 'passed' : 'failed'} on {formatUtc(check.checkedAt)}
                  {check.note ? <span className="hint"> {displayText(check.note)}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {summary.notes ? (
          <>
            <dt>Notes</dt>
            <dd className="pre-wrap">{displayText(summary.notes, { multiline: true })}</dd>
          </>
        ) : null}
      </dl>
      {summary.problems.map((problem) => (
        <p key={problem} className="error-text">
          Problem: {displayText(problem)} (the profile imports; its step shows this until the value is fixed)
        </p>
      ))}
      {summary.warnings.map((warning) => (
        <p key={warning} className="warning-text">
          {displayText(warning)}
        </p>
      ))}
    </>
  )
}
