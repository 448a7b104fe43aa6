import { useState } from 'react'
import type { KeyStatus } from '../../../shared/keyStatus'
import { failureOf } from '../store/failures'
import { useWizard } from '../store/wizardStore'

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
  const [problem, setProblem] = useState<{ message: string; offerSession: boolean } | null>(null)

  async function act(action: 'store' | 'keepForSession' | 'delete') {
    setProblem(null)
    try {
      if (action === 'delete') await deleteApiKey()
      else await (action === 'store' ? storeApiKey : keepApiKeyForSession)(apiKey)
      // The key leaves the renderer as soon as main has it.
      setApiKey('')
      setReplacing(false)
    } catch (error) {
      const failure = failureOf(error)
      // Only when this computer has no keychain at all is "this session only" offered (a locked one is unlocked instead).
      setProblem({ message: failure.message, offerSession: action === 'store' && failure.action.kind === 'offer-session-key' })
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
      <section className="card" aria-labelledby="api-key-status-heading">
        <h3 id="api-key-status-heading">Dialpad API key</h3>
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
            <button type="button" className="button" onClick={() => confirm('Delete the stored API key from this computer?') && void act('delete')}>
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
            <div className="form-row">
              <label htmlFor="api-key">API key</label>
              <input
                id="api-key"
                className="text-input"
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={apiKey}
                onChange={(event) => setApiKey(event.target.value)}
              />
            </div>
            <button type="submit" className="button button--primary" disabled={apiKey.trim() === ''}>
              Store in keychain
            </button>
          </form>
        ) : null}
        {problem ? (
          <div role="alert">
            <p className="error-text">{problem.message}</p>
            {problem.offerSession ? (
              <button type="button" className="button" onClick={() => void act('keepForSession')}>
                Keep the key for this session only
              </button>
            ) : null}
          </div>
        ) : null}
      </section>
    </>
  )
}

