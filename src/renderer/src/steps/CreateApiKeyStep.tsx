import { Checklist, type ChecklistItem, allChecked } from '../components/Checklist'
import { ClickPath } from '../components/ClickPath'
import type { StepDefinition } from './stepTypes'

const API_KEY_PATH = ['Admin Settings', 'My Company', 'Authentication', 'API Keys', 'Add key']

const ITEMS: readonly ChecklistItem[] = [
  { id: 'create-api-key.opened', label: 'As a Dialpad Company Admin, I opened Admin Settings › My Company › Authentication › API Keys.' },
  { id: 'create-api-key.created', label: 'I selected Add key and generated a new key for JumpCloud with the default scopes (already selected).' },
  { id: 'create-api-key.kept', label: 'The key is on screen (Dialpad shows it only once); I will paste it into the next step now.' },
]

function CreateApiKeyStep() {
  return (
    <>
      <section className="note" aria-labelledby="scim-who-heading">
        <h3 id="scim-who-heading">Who can use SCIM provisioning</h3>
        <p>
          JumpCloud SCIM provisioning is available to Dialpad Ai Sales and Contact Center, and to Ai Voice on a Pro or
          Enterprise plan. Only a Company Admin can create API keys. With it in place, JumpCloud creates, updates and
          deactivates Dialpad users for you.
        </p>
      </section>
      <p>JumpCloud signs in to Dialpad&apos;s SCIM service with a Dialpad API key. Create one:</p>
      <ClickPath label="Dialpad API key click-path" parts={API_KEY_PATH} />
      <p>
        Keep the default scopes. Dialpad shows the key only once: do not save it in a file or chat. The next step keeps
        it in your computer&apos;s keychain.
      </p>
      <Checklist title="In Dialpad" items={ITEMS} />
    </>
  )
}

export const createApiKeyStep: StepDefinition = {
  id: 'create-api-key',
  title: 'Create a Dialpad API key',
  component: CreateApiKeyStep,
  isComplete: (state) => allChecked(state.checklist, ITEMS),
  incompleteHint: 'Create the key in Dialpad, then tick each item under “In Dialpad”.',
}
