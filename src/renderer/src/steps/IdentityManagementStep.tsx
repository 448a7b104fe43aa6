import { useState } from 'react'
import { call } from '../api/client'
import { Checklist, type ChecklistItem, allChecked } from '../components/Checklist'
import { ClickPath } from '../components/ClickPath'
import { CopyField } from '../components/CopyField'
import { useScimBaseUrl } from '../hooks/useScimBaseUrl'
import { useWizard } from '../store/wizardStore'
import type { StepDefinition } from './stepTypes'

const PATH = ['SSO Applications', 'the Dialpad SSO app', 'Identity Management', 'Configuration Settings']

const ITEMS: readonly ChecklistItem[] = [
  { id: 'identity-management.opened', label: 'In JumpCloud, I opened the Dialpad SSO application and its Identity Management tab.' },
  { id: 'identity-management.scim-2', label: 'Under Configuration Settings, the SCIM Version is SCIM 2.0.' },
  { id: 'identity-management.base-url', label: 'I pasted the Base URL.' },
  { id: 'identity-management.token-key', label: 'I pasted the API key into Token Key.' },
  { id: 'identity-management.test-connection', label: 'I clicked Test Connection and it succeeded (Group Management became available).' },
  { id: 'identity-management.group-management-off', label: 'I turned OFF Group Management.' },
  { id: 'identity-management.activated', label: 'I clicked Activate and JumpCloud’s user creation/deletion test succeeded.' },
  { id: 'identity-management.saved', label: 'I selected Save.' },
]

function IdentityManagementStep() {
  const baseUrl = useScimBaseUrl()
  const keyStatus = useWizard((s) => s.keyStatus)
  const [tokenMessage, setTokenMessage] = useState<{ text: string; error: boolean } | null>(null)

  async function copyToken() {
    if (!window.confirm('Put the Dialpad API key on the clipboard for 60 seconds, to paste into JumpCloud’s Token Key field?')) return
    try {
      const { clearsAfterSeconds } = await call('apiKey.copyToClipboard', {})
      setTokenMessage({ text: `The API key is on the clipboard. It is cleared in ${clearsAfterSeconds} seconds.`, error: false })
    } catch (error) {
      setTokenMessage({ text: error instanceof Error ? error.message : String(error), error: true })
    }
  }

  return (
    <>
      <p>Last, turn on provisioning in JumpCloud. Sign in to JumpCloud as an admin and follow this path:</p>
      <ClickPath label="JumpCloud Identity Management click-path" parts={PATH} />
      <section className="card" aria-labelledby="identity-values-heading">
        <h3 id="identity-values-heading">Paste into Identity Management</h3>
        <CopyField label="Base URL" value={baseUrl} destination="JumpCloud → Dialpad app → Identity Management → Base URL" />
        <div className="copy-field">
          <div className="copy-field__label">Token Key</div>
          <p className="copy-field__where">
            The Dialpad API key{keyStatus?.stored ? ` ending in ${keyStatus.last4}` : ''}. The assistant copies it from the
            keychain straight to the clipboard (it is never shown) and clears the clipboard after 60 seconds.
          </p>
          <button type="button" className="button" disabled={!keyStatus?.stored} onClick={() => void copyToken()}>
            Copy API key for Token Key
          </button>
          <p className={tokenMessage?.error ? 'error-text' : 'copy-field__status'} role="status">
            {tokenMessage?.text ?? ''}
          </p>
        </div>
      </section>
      <Checklist title="In JumpCloud" items={ITEMS} />
    </>
  )
}

export const identityManagementStep: StepDefinition = {
  id: 'identity-management',
  title: 'Enable Identity Management in JumpCloud',
  component: IdentityManagementStep,
  isComplete: (state) => allChecked(state.checklist, ITEMS),
  incompleteHint: 'Tick each item once it is done in JumpCloud; Activate runs JumpCloud’s own test.',
}
