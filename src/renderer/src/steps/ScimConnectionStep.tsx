import { call } from '../api/client'
import { useState } from 'react'
import { defaultScimBaseUrl } from '../../../shared/environments'
import { MAX_CA_PEM_BYTES } from '../../../shared/setupState'
import { FileDropZone } from '../components/FileDropZone'
import { LiveCheckPanel } from '../components/LiveCheckPanel'
import { useScimBaseUrl } from '../hooks/useScimBaseUrl'
import { useWizard } from '../store/wizardStore'

export function ScimConnectionStep() {
  const env = useWizard((s) => s.env)
  const scim = useWizard((s) => s.scim)
  const keyStored = useWizard((s) => s.keyStatus?.stored === true)
  const updateScim = useWizard((s) => s.updateScim)
  const baseUrl = useScimBaseUrl()
  const [caProblem, setCaProblem] = useState<string | null>(null)

  async function chooseCa(file: File) {
    setCaProblem(null)
    if (file.size > MAX_CA_PEM_BYTES) return setCaProblem(`${file.name} is too large to be a CA certificate file.`)
    updateScim({ extraCa: { fileName: file.name, pem: await file.text() } })
  }

  return (
    <>
      <p>
        Before you turn on provisioning in JumpCloud, the assistant does what JumpCloud&apos;s “Test Connection” does, and
        explains any failure: it asks Dialpad&apos;s SCIM service for its configuration and lists one user, with your API key.
      </p>
      <fieldset className="form-row">
        <legend>SCIM base URL</legend>
        <label className="radio">
          <input type="radio" name="scim-base" checked={scim.baseUrlMode === 'environment'} onChange={() => updateScim({ baseUrlMode: 'environment' })} />
          <span>Dialpad: {defaultScimBaseUrl(env)}</span>
        </label>
        <label className="radio">
          <input type="radio" name="scim-base" checked={scim.baseUrlMode === 'custom'} onChange={() => updateScim({ baseUrlMode: 'custom' })} />
          <span>Another address (for example a proxy)</span>
        </label>
        {scim.baseUrlMode === 'custom' ? (
          <div className="form-row">
            <label htmlFor="scim-custom-url">Custom SCIM base URL</label>
            <input
              id="scim-custom-url"
              className="text-input"
              type="text"
              spellCheck={false}
              autoComplete="off"
              value={scim.customBaseUrl}
              onChange={(event) => updateScim({ customBaseUrl: event.target.value })}
            />
          </div>
        ) : null}
      </fieldset>
      <section className="card" aria-labelledby="corporate-ca-heading">
        <h3 id="corporate-ca-heading">Corporate CA certificate (optional)</h3>
        <p>
          If your network inspects HTTPS traffic, choose the root CA certificate your IT team gives you (.pem), so the
          assistant trusts it in addition to the usual ones.
        </p>
        {scim.extraCa ? (
          <p>
            Using {scim.extraCa.fileName}.{' '}
            <button type="button" className="button" onClick={() => updateScim({ extraCa: null })}>
              Stop using it
            </button>
          </p>
        ) : (
          <FileDropZone label="corporate CA file" accept=".pem,.crt,.cer" hint="PEM file from your IT team." onFile={(file) => void chooseCa(file)} />
        )}
        {caProblem ? (
          <p className="error-text" role="alert">
            {caProblem}
          </p>
        ) : null}
      </section>
      <LiveCheckPanel
        kind="scim-connection"
        title="Test connection"
        buttonLabel="Test connection"
        start={
          !keyStored
            ? { blocked: 'Store the API key first (step “Store the API key”).' }
            : baseUrl === ''
              ? { blocked: 'Enter the custom SCIM base URL first.' }
              : () => call('scim.start', { kind: 'scim-connection', baseUrl, extraCaPem: scim.extraCa?.pem ?? null })
        }
        lastRun={scim.lastConnectionTest}
      />
    </>
  )
}

