import { IDENTITY_MANAGEMENT } from '../../../shared/wizard/checklists'
import { useState } from 'react'
import { call } from '../api/client'
import { Checklist } from '../components/Checklist'
import { ClickPath } from '../components/ClickPath'
import { CopyField } from '../components/CopyField'
import { useScimBaseUrl } from '../hooks/useScimBaseUrl'
import { useWizard } from '../store/wizardStore'

const PATH = ['SSO Applications', 'the Dialpad SSO app', 'Identity Management', 'Configuration Settings']

export function IdentityManagementStep() {
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
      <Checklist section={IDENTITY_MANAGEMENT} />
    </>
  )
}

