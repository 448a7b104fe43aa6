import { CertificateImportSection } from '../components/CertificateImportSection'
import { CurrentCertificate } from '../components/CurrentCertificate'
import { IdpValueInputs } from '../components/IdpValueInputs'
import { MetadataImportSection } from '../components/MetadataImportSection'

export function IdpValuesStep() {
  return (
    <>
      <p>
        Dialpad needs three values from JumpCloud. In JumpCloud, click the Dialpad application again and open its SSO
        tab: you need the <strong>IdP Entity ID</strong>, the <strong>IDP URL</strong> and the{' '}
        <strong>IDP Certificate</strong> (downloaded from the left pane).
      </p>
      <MetadataImportSection />
      <CertificateImportSection />
      <IdpValueInputs />
      <CurrentCertificate withBody />
    </>
  )
}

