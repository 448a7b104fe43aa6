import { CREATE_JUMPCLOUD_APP, JUMPCLOUD_SSO_TAB, PASTED_SP_VALUES_ITEM } from '../../../shared/wizard/checklists'
import { parseDomain } from '../../../shared/domain'
import { deriveSpValues } from '../../../shared/spValues'
import { Checklist } from '../components/Checklist'
import { ClickPath } from '../components/ClickPath'
import { ExternalLink } from '../components/ExternalLink'
import { SpValueFields } from '../components/SpValueFields'
import { useWizard } from '../store/wizardStore'
import { Card } from '../components/ui/Card'

const JUMPCLOUD_ADD_APP_PATH = ['SSO', '+ (add a new application)', 'Search “Dialpad”', 'Configure']

export function ConfigureJumpCloudStep() {
  const domainInput = useWizard((s) => s.domainInput)
  const env = useWizard((s) => s.env)
  const setSpCopiedToJumpCloud = useWizard((s) => s.setSpCopiedToJumpCloud)
  const setChecked = useWizard((s) => s.setChecked)
  const recordPasted = () => {
    const domain = parseDomain(domainInput)
    if (domain.ok) {
      const { spEntityId, acsUrl } = deriveSpValues(domain.domain, env)
      setSpCopiedToJumpCloud({ spEntityId, acsUrl })
    }
  }

  return (
    <>
      <p>
        Add Dialpad to JumpCloud as an SSO application and give it Dialpad&apos;s Service Provider values. Sign in to the{' '}
        <ExternalLink href="https://console.jumpcloud.com/">JumpCloud Admin Portal</ExternalLink> as an administrator and
        follow this path:
      </p>
      <ClickPath label="JumpCloud click-path" parts={JUMPCLOUD_ADD_APP_PATH} />
      <Card title="Before you select Activate" tone="note">
        <p>
          JumpCloud&apos;s <strong>IDP URL</strong> (the SSO IdP URL under General Info › Advanced Settings; by default
          https://sso.jumpcloud.com/saml2/ followed by the application&apos;s name, for example …/saml2/dialpad) cannot be
          changed after the application is created: JumpCloud would have you delete and recreate it. If you want another
          one (for a second Dialpad app, say), set it before you select Activate.
        </p>
      </Card>
      <Checklist section={CREATE_JUMPCLOUD_APP} />

      <Card title="Paste into the SSO tab">
        <SpValueFields missingDomainHint="Enter your company domain in “Enable SAML in Dialpad” to see the values." />
      </Card>

      <Checklist
        section={JUMPCLOUD_SSO_TAB}
        onChange={(itemId, checked) => {
          setChecked(itemId, checked)
          // Ticking "pasted" is the admin saying JumpCloud now has the values shown here.
          if (itemId === PASTED_SP_VALUES_ITEM && checked) recordPasted()
        }}
      />
    </>
  )
}

