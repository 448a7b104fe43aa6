import { parseDomain } from '../../../shared/domain'
import { deriveSpValues } from '../../../shared/spValues'
import { Checklist, type ChecklistItem, allChecked } from '../components/Checklist'
import { ClickPath } from '../components/ClickPath'
import { ExternalLink } from '../components/ExternalLink'
import { SpValueFields } from '../components/SpValueFields'
import { useWizard } from '../store/wizardStore'
import type { StepDefinition } from './stepTypes'

const JUMPCLOUD_ADD_APP_PATH = ['SSO', '+ (add a new application)', 'Search “Dialpad”', 'Configure']

const CREATE_ITEMS: readonly ChecklistItem[] = [
  { id: 'configure-jumpcloud.signed-in', label: 'I signed in to the JumpCloud Admin Portal as an administrator.' },
  { id: 'configure-jumpcloud.found-dialpad', label: 'I selected SSO, then +, typed Dialpad in the search bar and selected Configure.' },
  { id: 'configure-jumpcloud.activated', label: 'I entered a Display Label, selected Activate, then Continue.' },
  { id: 'configure-jumpcloud.opened-sso-tab', label: 'I clicked the created application and opened its SSO tab.' },
]

export const PASTED_SP_VALUES_ITEM = 'configure-jumpcloud.pasted-sp-values'

const SSO_TAB_ITEMS: readonly ChecklistItem[] = [
  { id: PASTED_SP_VALUES_ITEM, label: 'I pasted the SP Entity ID and ACS URL into the SSO tab and selected Save.' },
  { id: 'configure-jumpcloud.reopened', label: 'I clicked the created application again and went back to the SSO tab.' },
  {
    id: 'configure-jumpcloud.email-attribute',
    label: 'In the Attributes section of the SSO tab, the Service Provider Attribute Name email is mapped to the JumpCloud attribute name email.',
  },
]

function ConfigureJumpCloudStep() {
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
      <section className="note" aria-labelledby="idp-url-heading">
        <h3 id="idp-url-heading">Before you select Activate</h3>
        <p>
          JumpCloud&apos;s <strong>IDP URL</strong> (the SSO IdP URL, for example https://sso.jumpcloud.com/saml2/dialpad)
          cannot be changed after the application is created. If your company already uses that URL for another app,
          choose a different name for it now.
        </p>
      </section>
      <Checklist title="Create the application" items={CREATE_ITEMS} />

      <section aria-labelledby="jumpcloud-sp-heading" className="card">
        <h3 id="jumpcloud-sp-heading">Paste into the SSO tab</h3>
        <SpValueFields missingDomainHint="Enter your company domain in “Enable SAML in Dialpad” to see the values." />
      </section>

      <Checklist
        title="In the SSO tab"
        items={SSO_TAB_ITEMS}
        onChange={(itemId, checked) => {
          setChecked(itemId, checked)
          // Ticking "pasted" is the admin saying JumpCloud now has the values shown here.
          if (itemId === PASTED_SP_VALUES_ITEM && checked) recordPasted()
        }}
      />
    </>
  )
}

export const configureJumpCloudStep: StepDefinition = {
  id: 'configure-jumpcloud',
  title: 'Configure the Dialpad app in JumpCloud',
  component: ConfigureJumpCloudStep,
  isComplete: (state) =>
    parseDomain(state.domainInput).ok && allChecked(state.checklist, CREATE_ITEMS) && allChecked(state.checklist, SSO_TAB_ITEMS),
  incompleteHint: 'Tick each item under “Create the application” and “In the SSO tab” once you have done it in JumpCloud.',
}
