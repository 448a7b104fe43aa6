import { displayText } from '../../../shared/displayText'
import { useState } from 'react'
import type { SetupOverview, StepRef, StepStatus } from '../../../shared/wizard/stepState'
import { useCertificateReport } from '../hooks/useCertificateReport'
import { useWizard } from '../store/wizardStore'
import { formatUtc } from './formatDate'
import { OverviewLists } from './OverviewLists'
import { ExportBundleForm } from './profiles/ExportBundleForm'
import { daysToExpiryText } from '../../../shared/plural'
import { Card } from './ui/Card'

export interface CompletionViewProps {
  steps: readonly StepStatus[]
  overview: SetupOverview
  onOpenStep(stepId: string): void
}

/** After the last step: where the setup stands, when the certificate runs out, and the report and bundle. */
export function CompletionView({ steps, overview, onOpenStep }: CompletionViewProps) {
  const profile = useWizard((s) => s.openProfile)
  const showReport = useWizard((s) => s.showReport)
  const saveOpenProfile = useWizard((s) => s.saveOpenProfile)
  const body = useWizard((s) => s.idp.certificate)
  const certificate = useCertificateReport(body)
  const [exporting, setExporting] = useState(false)
  const [exported, setExported] = useState('')
  const notes = new Map(steps.map((step) => [step.id, step.state === 'in-progress' || step.state === 'not-started' ? step.missing : step.note]))

  const withNotes = (refs: readonly StepRef[]) => refs.map((ref) => ({ ...ref, note: notes.get(ref.id) ?? null }))

  return (
    <>
      <Card title="Overall status" className={`completion completion--${overview.kind}`} testId="completion-status">
        <p className="completion__headline">{overview.headline}</p>
        <OverviewLists
          outOfDate={withNotes(overview.outOfDate)}
          waiting={withNotes(overview.waiting)}
          skipped={withNotes(overview.skipped)}
          open={withNotes(overview.open)}
          onOpenStep={onOpenStep}
          headingLevel={4}
        />
      </Card>

      <Card title="IdP certificate">
        <p data-testid="completion-certificate">
          {certificate.kind === 'ready'
            ? `${displayText(certificate.report.subject)} is valid until ${formatUtc(certificate.report.notAfter)} (${
                daysToExpiryText(certificate.report.daysToExpiry)
              }). Before then, import JumpCloud’s new certificate here and paste it into Dialpad.`
            : certificate.kind === 'error'
              ? certificate.message
              : body === null
                ? 'No IdP certificate imported yet.'
                : 'Reading the certificate…'}
        </p>
      </Card>

      {profile ? (
        <Card title="Report and bundle">
          <p>The setup report is the record for change management or a support ticket; a bundle hands the setup to a colleague or Dialpad Support (never with the API key).</p>
          <p className="completion__actions">
            <button type="button" className="button button--primary" onClick={() => void showReport(profile.id)}>
              Open the setup report
            </button>
            <button type="button" className="button" aria-expanded={exporting} onClick={() => setExporting(!exporting)}>
              Export a bundle…
            </button>
          </p>
          {exporting ? (
            <ExportBundleForm
              profile={profile}
              beforeExport={async () => {
                await saveOpenProfile()
              }}
              onDone={(savedAs) => {
                setExporting(false)
                if (savedAs) setExported(`Exported as ${savedAs}.`)
              }}
            />
          ) : null}
          <p className="copy-field__status" role="status">
            {exported}
          </p>
        </Card>
      ) : null}
    </>
  )
}
