import { displayText } from '../../../../shared/displayText'
import { type Ref, useId } from 'react'
import { otherEmailDomainsText, type SetupReport } from '../../../../shared/setupReport'
import { formatUtc } from '../formatDate'

/** Title and the facts a change record starts with. The API key line is the model's text: its status, never the key. */
export function ReportHeader({ report, titleRef }: { report: SetupReport; titleRef?: Ref<HTMLHeadingElement> }) {
  const progressId = useId()
  const { done, total } = report.progress
  return (
    <header className="report__header">
      <h1 ref={titleRef} tabIndex={-1}>
        {displayText(report.title)}
      </h1>
      <p className="report__progress-label" id={progressId}>
        {done} of {total} steps done
      </p>
      <progress className="progress report__progress" max={total} value={done} aria-labelledby={progressId} />
      <dl className="report__facts">
        <dt>Profile</dt>
        <dd>{displayText(report.profileName)}</dd>
        <dt>Company domain</dt>
        <dd>{report.domain === null ? 'Not entered yet. Enter it in “Enable SAML in Dialpad”.' : displayText(report.domain)}</dd>
        <dt>Other email domains</dt>
        <dd>{displayText(otherEmailDomainsText(report))}</dd>
        <dt>Dialpad environment</dt>
        <dd>{report.environment}</dd>
        <dt>API key</dt>
        <dd>{displayText(report.apiKey)}</dd>
        <dt>Source</dt>
        <dd>{displayText(report.source)}</dd>
        <dt>Report made</dt>
        <dd>
          <time dateTime={report.generatedAt}>{formatUtc(report.generatedAt)}</time>
        </dd>
        <dt>App version</dt>
        <dd>Dialpad SSO Assistant {displayText(report.appVersion)}</dd>
      </dl>
    </header>
  )
}
