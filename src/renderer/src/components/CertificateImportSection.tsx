import { useId, useState } from 'react'
import type { CertificateReport } from '../../../shared/certificate'
import { MAX_CERTIFICATE_INPUT_BYTES } from '../../../shared/limits'
import type { MethodInput } from '../../../shared/contract'
import { fileAsBase64, fileTooLargeMessage } from '../files/fileBytes'
import { useWizard } from '../store/wizardStore'
import { CertificateChooser } from './CertificateChooser'
import { useIdpChange } from './IdpChangeDialog'
import { FileDropZone } from './FileDropZone'
import { type ImportOutcome, ImportOutcomeMessage, refusal } from './ImportOutcome'
import { useTiedMessage } from './ui/useTiedMessage'
import { Card } from './ui/Card'

/** The "IDP Certificate" file JumpCloud downloads, by file, drop or paste, in any of the usual formats. */
export function CertificateImportSection() {
  const certificate = useWizard((s) => s.idp.certificate)
  const importCertificate = useWizard((s) => s.importCertificate)
  const { propose, dialog } = useIdpChange()
  const idp = useWizard((s) => s.idp)
  // Shown while the IdP values are what this import left them (the latest of the step's two imports): a refused
  // private key does not stay under a metadata import that worked.
  const outcome = useTiedMessage<ImportOutcome, typeof idp>(idp, 'idp-import')
  const setOutcome = (next: ImportOutcome) => outcome.show(next, useWizard.getState().idp)
  const [candidates, setCandidates] = useState<CertificateReport[]>([])
  const [pasted, setPasted] = useState('')
  const pasteId = useId()

  async function importFrom(source: MethodInput<'certificate.import'>, from: string) {
    // The paste box never keeps what was pasted: if it was a private key, it should not stay on screen.
    setPasted('')
    setOutcome({ kind: 'busy' })
    setCandidates([])
    try {
      const result = await importCertificate(source)
      if (result.kind === 'choose') {
        setCandidates(result.certificates)
        setOutcome({ kind: 'done', message: `${from} holds ${result.certificates.length} different certificates. Choose the one JumpCloud signs with.` })
        return
      }
      takeCertificate(result.certificate, `Certificate imported from ${from}.`)
    } catch (error) {
      setOutcome(refusal(error))
    }
  }

  /** Takes the certificate (asking first when it replaces another) and says what happened. */
  function takeCertificate(report: CertificateReport, message: string) {
    propose(
      { certificate: report.bodySingleLine },
      {
        newCertificate: report,
        onApplied: () => setOutcome({ kind: 'done', message }),
        onKept: () => setOutcome({ kind: 'kept', message: 'Kept the current certificate; nothing was changed.' }),
      },
    )
  }

  async function importFile(file: File) {
    const tooLarge = fileTooLargeMessage(file, MAX_CERTIFICATE_INPUT_BYTES)
    if (tooLarge) return setOutcome({ kind: 'refused', message: tooLarge })
    await importFrom({ source: 'file', fileName: file.name, base64: await fileAsBase64(file) }, file.name)
  }

  return (
    <Card title="Or import the IDP Certificate">
      <p>
        Download the <strong>IDP Certificate</strong> from the left pane of the Dialpad app in JumpCloud. Any usual form
        works: the PEM file with or without its BEGIN and END lines, or a binary .cer/.der file. The app removes the
        BEGIN and END lines for Dialpad.
      </p>
      <FileDropZone
        label="certificate file"
        accept=".pem,.crt,.cer,.der,.txt"
        hint="PEM or DER, up to 64 KiB."
        onFile={(file) => void importFile(file)}
      />
      <label htmlFor={pasteId} className="copy-field__label">
        Or paste the certificate
      </label>
      <textarea
        id={pasteId}
        className="text-input text-area"
        spellCheck={false}
        value={pasted}
        onChange={(event) => setPasted(event.target.value)}
      />
      <p>
        <button type="button" className="button" onClick={() => void importFrom({ source: 'text', text: pasted }, 'the pasted text')}>
          Use pasted certificate
        </button>
      </p>
      <ImportOutcomeMessage outcome={outcome.message} />
      {candidates.length > 0 ? (
        <CertificateChooser
          title="Which certificate does JumpCloud sign with?"
          certificates={candidates}
          chosen={certificate}
          onChoose={(report) => {
            setCandidates([])
            takeCertificate(report, 'Certificate chosen.')
          }}
        />
      ) : null}
      {dialog}
    </Card>
  )
}
