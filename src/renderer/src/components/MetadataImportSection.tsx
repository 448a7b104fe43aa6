import { oneLine } from '../../../shared/displayText'
import { useState } from 'react'
import { MAX_METADATA_BYTES } from '../../../shared/limits'
import { fileTooLargeMessage } from '../files/fileBytes'
import { useCertificateReports } from '../hooks/useCertificateReport'
import { useWizard } from '../store/wizardStore'
import { CertificateChooser } from './CertificateChooser'
import { useIdpChange } from './IdpChangeDialog'
import { FileDropZone } from './FileDropZone'
import { type ImportOutcome, ImportOutcomeMessage, refusal } from './ImportOutcome'
import { useTiedMessage } from './ui/useTiedMessage'
import { plural } from '../../../shared/plural'
import { Card } from './ui/Card'

/** JumpCloud's "Export Metadata" file fills the IdP Entity ID, SSO URL and certificate in one go. */
export function MetadataImportSection() {
  const metadata = useWizard((s) => s.idp.metadata)
  const certificate = useWizard((s) => s.idp.certificate)
  const importMetadata = useWizard((s) => s.importMetadata)
  const { propose, dialog } = useIdpChange()
  const idp = useWizard((s) => s.idp)
  // Shown while the IdP values are what this import left them (the latest of the step's two imports).
  const outcome = useTiedMessage<ImportOutcome, typeof idp>(idp, 'idp-import')
  const setOutcome = (next: ImportOutcome) => outcome.show(next, useWizard.getState().idp)
  const [suggestedIndex, setSuggestedIndex] = useState<number | undefined>(undefined)
  const reports = useCertificateReports(metadata?.signingCertificates ?? [])

  async function importFile(file: File) {
    const tooLarge = fileTooLargeMessage(file, 2 * MAX_METADATA_BYTES)
    if (tooLarge) return setOutcome({ kind: 'refused', message: tooLarge })
    setOutcome({ kind: 'busy' })
    try {
      const result = await importMetadata(file)
      const signingCertificates = result.certificates.map((report) => report.bodySingleLine)
      const count = signingCertificates.length
      const read = `Read ${oneLine(result.fileName, 200)}: IdP Entity ID, IdP SSO URL (${result.ssoBinding} binding) and ${plural(count, 'signing certificate')}.`
      const suggested = result.suggestedCertificateIndex
      propose(
        {
          entityIdInput: result.entityId,
          ssoUrlInput: result.ssoUrl,
          certificate: signingCertificates[suggested],
          metadata: {
            fileName: result.fileName,
            importedAt: new Date().toISOString(),
            entityId: result.entityId,
            ssoUrl: result.ssoUrl,
            signingCertificates,
          },
        },
        {
          newCertificate: result.certificates[suggested],
          onApplied: () => {
            setSuggestedIndex(suggested)
            setOutcome({ kind: 'done', message: read })
          },
          onKept: () => setOutcome({ kind: 'kept', message: `Kept the current IdP values; nothing from ${oneLine(result.fileName, 200)} was used.` }),
        },
      )
    } catch (error) {
      setOutcome(refusal(error))
    }
  }

  return (
    <Card title={<>Import JumpCloud&apos;s metadata (fastest)</>}>
      <p>
        In JumpCloud, open the Dialpad app&apos;s SSO tab and select <strong>Export Metadata</strong>. Then drop the
        downloaded XML file here or choose it.
      </p>
      <FileDropZone
        label="metadata file"
        accept=".xml,application/xml,text/xml"
        hint="Fills the IdP Entity ID, IdP SSO URL and certificate."
        onFile={(file) => void importFile(file)}
      />
      <ImportOutcomeMessage outcome={outcome.message} />
      {metadata && metadata.signingCertificates.length > 1 && reports.kind === 'ready' ? (
        <CertificateChooser
          title={`${oneLine(metadata.fileName, 200)} lists ${metadata.signingCertificates.length} signing certificates (a rotation). Which one should Dialpad use?`}
          certificates={reports.reports}
          chosen={certificate}
          suggestedIndex={suggestedIndex}
          onChoose={(report) => propose({ certificate: report.bodySingleLine }, { newCertificate: report })}
        />
      ) : null}
      {dialog}
    </Card>
  )
}
