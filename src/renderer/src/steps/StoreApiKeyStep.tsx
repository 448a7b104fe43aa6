import { useState } from 'react'
import type { KeyStatus } from '../../../shared/keyStatus'
import { call } from '../api/client'
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
  const setKeyStatus = useWizard((s) => s.setKeyStatus)
  const [apiKey, setApiKey] = useState('')
  const [replacing, setReplacing] = useState(false)
  // A refusal is about the key as it was typed: changing the key clears it.
  const refusal = useTiedMessage<{ message: string; offerSession: boolean }, string>(apiKey)
  const problem = refusal.message

  async function act(method: 'apiKey.store' | 'apiKey.keepForSession' | 'apiKey.delete') {
    refusal.clear()
    try {
      const next = method === 'apiKey.delete' ? await call(method, {}) : await call(method, { apiKey })
      setKeyStatus(next)
      // The key leaves the renderer as soon as main has it.
      setApiKey('')
      setReplacing(false)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      // When main finds no keychain at all, its status says so: only then is "this session only" offered.
      const now = await call('apiKey.status', {}).catch(() => null)
      if (now) setKeyStatus(now)
      refusal.show({ message, offerSession: method === 'apiKey.store' && now?.backend === 'none' }, apiKey)
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
                }).then((confirmed) => (confirmed ? act('apiKey.delete') : undefined))
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
              void act('apiKey.store')
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
              <button type="button" className="button" onClick={() => void act('apiKey.keepForSession')}>
                Keep the key for this session only
              </button>
            ) : null}
          </Alert>
        ) : null}
      </Card>
    </>
  )
}

