import { checkIdpEntityId, checkIdpSsoUrl } from '../../../shared/idpValues'
import { CertificateImportSection } from '../components/CertificateImportSection'
import { CurrentCertificate } from '../components/CurrentCertificate'
import { IdpValueInputs } from '../components/IdpValueInputs'
import { MetadataImportSection } from '../components/MetadataImportSection'
import type { StepDefinition } from './stepTypes'

function IdpValuesStep() {
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

export const idpValuesStep: StepDefinition = {
  id: 'idp-values',
  title: 'Bring the IdP values back from JumpCloud',
  component: IdpValuesStep,
  isComplete: ({ idp }) =>
    checkIdpEntityId(idp.entityIdInput).error === null && checkIdpSsoUrl(idp.ssoUrlInput).error === null && idp.certificate !== null,
  incompleteHint: 'Import JumpCloud’s metadata or certificate, and make sure the IdP Entity ID and IdP SSO URL have no errors.',
}
