import { checkIdpEntityId, checkIdpSsoUrl } from '../../../shared/idpValues'
import { Checklist, type ChecklistItem, allChecked } from '../components/Checklist'
import { ClickPath } from '../components/ClickPath'
import { CopyField } from '../components/CopyField'
import { CurrentCertificate } from '../components/CurrentCertificate'
import { SamlCrossCheckCard } from '../components/SamlCrossCheckCard'
import { useWizard } from '../store/wizardStore'
import type { StepDefinition } from './stepTypes'

const DIALPAD_SAML_PATH = ['Admin Settings', 'My Company', 'Authentication', 'SAML']
const DIALPAD_SAML_PAGE = 'Dialpad → Admin Settings → My Company → Authentication → SAML'

const ITEMS: readonly ChecklistItem[] = [
  { id: 'configure-dialpad.opened-saml-page', label: 'In Dialpad, I opened Admin Settings › My Company › Authentication › SAML.' },
  { id: 'configure-dialpad.pasted-values', label: 'I pasted the IdP Entity ID (Issuer), IdP SSO URL and Certificate.' },
  { id: 'configure-dialpad.saved', label: 'I selected Save, and Dialpad saved the SAML settings without an error.' },
]

function ConfigureDialpadStep() {
  const idp = useWizard((s) => s.idp)
  const entityId = checkIdpEntityId(idp.entityIdInput)
  const ssoUrl = checkIdpSsoUrl(idp.ssoUrlInput)
  return (
    <>
      <p>Go back to the Dialpad tab you kept open (or open it again):</p>
      <ClickPath label="Dialpad click-path" parts={DIALPAD_SAML_PATH} />
      <p>Fill in the IdP fields in this order, then select Save.</p>
      <SamlCrossCheckCard />
      <section className="card" aria-labelledby="dialpad-idp-heading">
        <h3 id="dialpad-idp-heading">Paste into Dialpad</h3>
        {entityId.error === null ? (
          <CopyField
            label="IdP Entity ID (Issuer)"
            value={entityId.value}
            destination={`${DIALPAD_SAML_PAGE} → IdP Entity ID (Issuer)`}
            alsoShownAs="IdP Entity ID"
            alsoShownIn="JumpCloud"
          />
        ) : (
          <p className="error-text">IdP Entity ID (Issuer): {entityId.error}</p>
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
          <p className="error-text">IdP SSO URL: {ssoUrl.error}</p>
        )}
        <CurrentCertificate withBody />
      </section>
      <Checklist title="In Dialpad" items={ITEMS} />
    </>
  )
}

export const configureDialpadStep: StepDefinition = {
  id: 'configure-dialpad',
  title: 'Configure SAML in Dialpad',
  component: ConfigureDialpadStep,
  isComplete: (state) => allChecked(state.checklist, ITEMS),
  incompleteHint: 'Paste the three values into Dialpad, select Save, then tick each item under “In Dialpad”.',
}
