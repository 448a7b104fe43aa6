import type { Ref } from 'react'
import type { SetupReport } from '../../../../shared/setupReport'
import { ReportCertificateSection } from './ReportCertificateSection'
import { ReportChecks } from './ReportChecks'
import { ReportConsoleValues } from './ReportConsoleValues'
import { ReportHeader } from './ReportHeader'
import { ReportNotes } from './ReportNotes'
import { ReportOverview } from './ReportOverview'
import { ReportSteps } from './ReportSteps'
import { ReportTimeline } from './ReportTimeline'
import { ReportWarnings } from './ReportWarnings'

/** The report itself, in the same order as the HTML file core writes. */
export function ReportBody({ report, titleRef }: { report: SetupReport; titleRef?: Ref<HTMLHeadingElement> }) {
  return (
    <article className="report__body" data-testid="setup-report">
      <ReportHeader report={report} titleRef={titleRef} />
      <ReportOverview overview={report.overview} />
      <ReportWarnings warnings={report.warnings} />
      <ReportNotes notes={report.notes} />
      {report.consoles.map((values) => (
        <ReportConsoleValues key={values.console} values={values} />
      ))}
      <ReportCertificateSection certificate={report.certificate} />
      <ReportSteps steps={report.steps} />
      <ReportChecks checks={report.checks} />
      <ReportTimeline events={report.timeline} />
      <footer className="report__footer">
        <p>Secrets are redacted: the Dialpad API key never appears in this report (at most its last 4 characters).</p>
      </footer>
    </article>
  )
}
