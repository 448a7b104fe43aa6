import { useState } from 'react'
import type { KeyStatus } from '../../../shared/keyStatus'
import { failureOf } from '../store/failures'
import { useWizard } from '../store/wizardStore'
import { askToConfirm } from '../components/ui/askToConfirm'
import { Alert } from '../components/ui/Alert'
import { Field } from '../components/ui/Field'
import { useTiedMessage } from '../components/ui/useTiedMessage'
import { Card } from '../components/ui/Card'

const BACKEND_LABEL: Record<KeyStatus['backend'], string> = {
  keychain: 'in your computer’s keychain',
  memory: 'in memory for this session only (it is forgotten when the app closes)',
  none: 'nowhere',
}

export function StoreApiKeyStep() {
  const status = useWizard((s) => s.keyStatus)
  const storeApiKey = useWizard((s) => s.storeApiKey)
  const keepApiKeyForSession = useWizard((s) => s.keepApiKeyForSession)
  const deleteApiKey = useWizard((s) => s.deleteApiKey)
  const [apiKey, setApiKey] = useState('')
  const [replacing, setReplacing] = useState(false)
  // A refusal is about the key as it was typed: changing the key clears it.
  const refusal = useTiedMessage<{ message: string; offerSession: boolean }, string>(apiKey)
  const problem = refusal.message

  async function act(action: 'store' | 'keepForSession' | 'delete') {
    refusal.clear()
    try {
      if (action === 'delete') await deleteApiKey()
      else await (action === 'store' ? storeApiKey : keepApiKeyForSession)(apiKey)
      // The key leaves the renderer as soon as main has it.
      setApiKey('')
      setReplacing(false)
    } catch (error) {
      const failure = failureOf(error)
      // Only when this computer has no keychain at all is "this session only" offered (a locked one is unlocked instead).
      refusal.show({ message: failure.message, offerSession: action === 'store' && failure.action.kind === 'offer-session-key' }, apiKey)
    }
  }

  const showForm = !status?.stored || replacing
  return (
    <>
      <p>
        The assistant keeps the key in your operating system&apos;s keychain (macOS Keychain, Windows Credential Manager,
        or the Secret Service on Linux). It never writes it to a file, a log, a report or an export, and this window
        never sees it again after you store it.
      </p>
      <Card title="Dialpad API key">
        <p role="status">
          {status === null
            ? 'Checking…'
            : status.stored
              ? `Stored ${BACKEND_LABEL[status.backend]}: the key ending in ${status.last4}.`
              : 'No key stored yet.'}
        </p>
        {status?.stored && !replacing ? (
          <p>
            <button type="button" className="button" onClick={() => setReplacing(true)}>
              Replace key
            </button>{' '}
            <button
              type="button"
              className="button"
              onClick={() =>
                void askToConfirm({
                  title: 'Delete the stored API key?',
                  body: 'The key is removed from this computer’s keychain. The checks and the Token Key copy need it again afterwards; the key itself stays valid in Dialpad until you delete it there.',
                  confirmLabel: 'Delete key',
                  tone: 'danger',
                }).then((confirmed) => (confirmed ? act('delete') : undefined))
              }
            >
              Delete key
            </button>
          </p>
        ) : null}
        {showForm ? (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              void act('store')
            }}
          >
            <Field
              id="api-key"
              label="API key"
              help="The key you created in Dialpad (Admin Settings › My Company › Authentication › API Keys). It goes straight to the keychain; this window does not keep it."
            >
              {(control) => (
                <input
                  {...control}
                  className="text-input"
                  type="password"
                  autoComplete="off"
                  spellCheck={false}
                  value={apiKey}
                  onChange={(event) => setApiKey(event.target.value)}
                />
              )}
            </Field>
            <button type="submit" className="button button--primary" disabled={apiKey.trim() === ''}>
              Store in keychain
            </button>
          </form>
        ) : null}
        {problem ? (
          <Alert tone="error" message={problem.message}>
            {problem.offerSession ? (
              <button type="button" className="button" onClick={() => void act('keepForSession')}>
                Keep the key for this session only
              </button>
            ) : null}
          </Alert>
        ) : null}
      </Card>
    </>
  )
}

