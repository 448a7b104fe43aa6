import { useCertificateReport } from '../hooks/useCertificateReport'
import { useWizard } from '../store/wizardStore'
import { CertificateBodyField, CertificateCard } from './CertificateCard'
import { Alert } from './ui/Alert'

/** The accepted certificate: its card and, when asked, the body to paste into Dialpad. */
export function CurrentCertificate({ withBody }: { withBody: boolean }) {
  const certificate = useWizard((s) => s.idp.certificate)
  const answer = useCertificateReport(certificate)
  if (certificate === null) return <p className="hint">No certificate imported yet.</p>
  if (answer.kind === 'error') {
    return <Alert tone="error" message={answer.message} />
  }
  if (answer.kind === 'none') return <p className="hint">Reading the certificate…</p>
  return (
    <>
      {withBody ? <CertificateBodyField report={answer.report} /> : null}
      <CertificateCard report={answer.report} />
    </>
  )
}
