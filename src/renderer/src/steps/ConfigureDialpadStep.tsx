import { CONFIGURE_SAML_IN_DIALPAD } from '../../../shared/wizard/checklists'
import { checkIdpEntityId, checkIdpSsoUrl } from '../../../shared/idpValues'
import { Checklist } from '../components/Checklist'
import { ClickPath } from '../components/ClickPath'
import { CopyField } from '../components/CopyField'
import { CurrentCertificate } from '../components/CurrentCertificate'
import { SamlCrossCheckCard } from '../components/SamlCrossCheckCard'
import { useWizard } from '../store/wizardStore'
import { Alert } from '../components/ui/Alert'
import { Card } from '../components/ui/Card'

const DIALPAD_SAML_PATH = ['Admin Settings', 'My Company', 'Authentication', 'SAML']
const DIALPAD_SAML_PAGE = 'Dialpad → Admin Settings → My Company → Authentication → SAML'

export function ConfigureDialpadStep() {
  const idp = useWizard((s) => s.idp)
  const entityId = checkIdpEntityId(idp.entityIdInput)
  const ssoUrl = checkIdpSsoUrl(idp.ssoUrlInput)
  return (
    <>
      <p>Go back to the Dialpad tab you kept open (or open it again):</p>
      <ClickPath label="Dialpad click-path" parts={DIALPAD_SAML_PATH} />
      <p>Fill in the IdP fields in this order, then select Save.</p>
      <SamlCrossCheckCard />
      <Card title="Paste into Dialpad">
        {entityId.error === null ? (
          <CopyField
            label="IdP Entity ID (Issuer)"
            value={entityId.value}
            destination={`${DIALPAD_SAML_PAGE} → IdP Entity ID (Issuer)`}
            alsoShownAs="IdP Entity ID"
            alsoShownIn="JumpCloud"
          />
        ) : (
          <Alert tone="error" message={`IdP Entity ID (Issuer): ${entityId.error}`} />
        )}
        {ssoUrl.error === null ? (
          <CopyField
            label="IdP SSO URL"
            value={ssoUrl.value}
            destination={`${DIALPAD_SAML_PAGE} → IdP SSO URL`}
            alsoShownAs="IDP URL"
            alsoShownIn="JumpCloud"
          />
        ) : (
          <Alert tone="error" message={`IdP SSO URL: ${ssoUrl.error}`} />
        )}
        <CurrentCertificate withBody />
      </Card>
      <Checklist section={CONFIGURE_SAML_IN_DIALPAD} />
    </>
  )
}

