import { CREATE_API_KEY } from '../../../shared/wizard/checklists'
import { Checklist } from '../components/Checklist'
import { ClickPath } from '../components/ClickPath'
import { MY_COMPANY_RENAMED, PLAN_NAMES_CHANGE, SCIM_PLANS } from '../../../shared/wizard/servicePlans'
import { Card } from '../components/ui/Card'

const API_KEY_PATH = ['Admin Settings', 'My Company', 'Authentication', 'API Keys', 'Add key']

export function CreateApiKeyStep() {
  return (
    <>
      <Card title="Who can use SCIM provisioning" tone="note">
        <p>
          {SCIM_PLANS} {PLAN_NAMES_CHANGE} Only a Company Admin can create API keys. With it in place, JumpCloud creates,
          updates and deactivates Dialpad users for you.
        </p>
      </Card>
      <p>JumpCloud signs in to Dialpad&apos;s SCIM service with a Dialpad API key. Create one:</p>
      <ClickPath label="Dialpad API key click-path" parts={API_KEY_PATH} />
      <p className="hint">{MY_COMPANY_RENAMED}</p>
      <p>
        Keep the default scopes. Dialpad shows the key only once: do not save it in a file or chat. The next step keeps
        it in your computer&apos;s keychain.
      </p>
      <Checklist section={CREATE_API_KEY} />
    </>
  )
}

