import { IDENTITY_MANAGEMENT } from '../../../shared/wizard/checklists'
import { useEffect, useState } from 'react'
import { jumpCloudBaseUrl } from '../../../shared/scimAddress'
import { Checklist } from '../components/Checklist'
import { ClickPath } from '../components/ClickPath'
import { CopyField } from '../components/CopyField'
import { ProvisionedUserLookup } from '../components/ProvisionedUserLookup'
import { TestOnlyAddressNote } from '../components/TestOnlyAddressNote'
import { TestUserEmailField } from '../components/TestUserEmailField'
import { useScimCheckAddress } from '../hooks/useScimBaseUrl'
import { type FailureAction, failureOf } from '../store/failures'
import { useWizard } from '../store/wizardStore'
import { askToConfirm } from '../components/ui/askToConfirm'
import { Alert } from '../components/ui/Alert'
import { plural } from '../../../shared/plural'
import { Card } from '../components/ui/Card'

const PATH = ['SSO Applications', 'the Dialpad SSO app', 'Identity Management', 'Configuration Settings']

/** What JumpCloud's Test User Email field is for, in the words of docs/service-facts.md (JumpCloud custom SCIM; Dialpad's articles). */
const TEST_USER_EMAIL_HINT =
  'Enter it in JumpCloud → Dialpad app → Identity Management → Test User Email. JumpCloud’s activation creates a test user and deletes it again; ' +
  'JumpCloud asks for this address “to allow validation with applications that require verified domains for users”, and Dialpad takes users on ' +
  'your company’s domains, so use an address at one of them. Dialpad’s articles, which do not mention this field, say the test user has an ' +
  '@jumpcloud.com address, hence the secondary-domain request; whether an address here makes that request unnecessary is not documented. If ' +
  'Dialpad refuses the delete, JumpCloud leaves the test user deactivated for you to delete by hand. JumpCloud also asks for a test email when ' +
  'you change the settings of an active configuration. The lifecycle test (the step before) uses this same address.'

export function IdentityManagementStep() {
  const env = useWizard((s) => s.env)
  const keyStatus = useWizard((s) => s.keyStatus)
  const checkAddress = useScimCheckAddress()
  const copyApiKeyToClipboard = useWizard((s) => s.copyApiKeyToClipboard)
  const goTo = useWizard((s) => s.goTo)
  const [tokenMessage, setTokenMessage] = useState<{ text: string; error: boolean; action?: FailureAction; clearsAfterSeconds?: number } | null>(null)
  // "The API key is on the clipboard" holds only until the clipboard is cleared; then it says so instead.
  useEffect(() => {
    const seconds = tokenMessage?.clearsAfterSeconds
    if (seconds === undefined) return
    const timer = setTimeout(() => setTokenMessage({ text: 'The clipboard was cleared: the API key is no longer on it.', error: false }), seconds * 1000)
    return () => clearTimeout(timer)
  }, [tokenMessage])

  async function copyToken() {
    const copy = await askToConfirm({
      title: 'Copy the API key to the clipboard?',
      body: 'The Dialpad API key goes on the clipboard for 60 seconds, to paste into JumpCloud’s Token Key field. Anything on this computer that reads the clipboard can see it until then.',
      confirmLabel: 'Copy API key',
    })
    if (!copy) return
    try {
      const clearsAfterSeconds = await copyApiKeyToClipboard()
      setTokenMessage({ text: `The API key is on the clipboard. It is cleared in ${plural(clearsAfterSeconds, 'second')}.`, error: false, clearsAfterSeconds })
    } catch (error) {
      const failure = failureOf(error)
      setTokenMessage({ text: failure.message, error: true, action: failure.action })
    }
  }

  const goToStep = tokenMessage?.action?.kind === 'go-to-step' ? tokenMessage.action : null

  return (
    <>
      <p>Last, turn on provisioning in JumpCloud. Sign in to JumpCloud as an admin and follow this path:</p>
      <ClickPath label="JumpCloud Identity Management click-path" parts={PATH} />
      <Card title="Paste into Identity Management">
        <CopyField label="Base URL" value={jumpCloudBaseUrl(env)} destination="JumpCloud → Dialpad app → Identity Management → Base URL" />
        <TestOnlyAddressNote address={checkAddress} />
        <div className="copy-field">
          <div className="copy-field__label">Token Key</div>
          <p className="copy-field__where">
            The Dialpad API key{keyStatus?.stored ? ` ending in ${keyStatus.last4}` : ''}. The assistant copies it from the
            keychain straight to the clipboard (it is never shown) and clears the clipboard after 60 seconds.
          </p>
          <button type="button" className="button" disabled={!keyStatus?.stored} onClick={() => void copyToken()}>
            Copy API key for Token Key
          </button>
          {tokenMessage?.error ? (
            <Alert tone="error" message={tokenMessage.text} />
          ) : (
            <p className="copy-field__status" role="status">
              {tokenMessage?.text ?? ''}
            </p>
          )}
          {goToStep ? (
            <button type="button" className="button" onClick={() => goTo(goToStep.stepId)}>
              {goToStep.label}
            </button>
          ) : null}
        </div>
        <TestUserEmailField hint={TEST_USER_EMAIL_HINT} />
      </Card>
      <Card title="Why Group Management stays off" tone="note">
        <p>
          Dialpad&apos;s articles say to turn Group Management off before you click Activate; they do not say why.
          JumpCloud&apos;s pages say Group Management makes JumpCloud manage groups and their members in the application,
          and that its activation test creates a test group as well as a test user. Dialpad documents no SCIM groups, only
          users, so leave it off: which users Dialpad gets is decided by the user groups you assign to the Dialpad app,
          not by Group Management.
        </p>
      </Card>
      <Checklist section={IDENTITY_MANAGEMENT} />
      <ProvisionedUserLookup />
    </>
  )
}
