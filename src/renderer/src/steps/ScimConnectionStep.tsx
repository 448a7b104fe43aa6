import { oneLine } from '../../../shared/displayText'
import { useState } from 'react'
import { defaultScimBaseUrl } from '../../../shared/environments'
import { MAX_CA_PEM_BYTES } from '../../../shared/limits'
import { FileDropZone } from '../components/FileDropZone'
import { LiveCheckPanel } from '../components/LiveCheckPanel'
import { useScimCheckAddress } from '../hooks/useScimBaseUrl'
import { customAddressProblem } from '../../../shared/scimAddress'
import { TestOnlyAddressNote } from '../components/TestOnlyAddressNote'
import { useWizard } from '../store/wizardStore'
import { Alert } from '../components/ui/Alert'
import { Card } from '../components/ui/Card'

export function ScimConnectionStep() {
  const env = useWizard((s) => s.env)
  const scim = useWizard((s) => s.scim)
  const keyStored = useWizard((s) => s.keyStatus?.stored === true)
  const updateScim = useWizard((s) => s.updateScim)
  const address = useScimCheckAddress()
  const baseUrl = address.url
  const addressProblem = address.testOnly ? customAddressProblem(baseUrl) : null
  const [caProblem, setCaProblem] = useState<string | null>(null)

  async function chooseCa(file: File) {
    setCaProblem(null)
    if (file.size > MAX_CA_PEM_BYTES) return setCaProblem(`${oneLine(file.name, 200)} is too large to be a CA certificate file.`)
    updateScim({ extraCa: { fileName: file.name, pem: await file.text() } })
  }

  return (
    <>
      <p>
        Before you click “Test Connection” in JumpCloud, the assistant tests the connection itself and explains any
        failure: it lists one user with your API key, which decides the result. It also reads Dialpad&apos;s
        SCIM discovery endpoints (ServiceProviderConfig, Schemas, ResourceTypes); those are informational, since Dialpad
        does not document them: a missing one is a note, never a failure.
      </p>
      <fieldset className="form-row">
        <legend>SCIM base URL</legend>
        <label className="radio">
          <input type="radio" name="scim-base" checked={scim.baseUrlMode === 'environment'} onChange={() => updateScim({ baseUrlMode: 'environment' })} />
          <span>Dialpad: {defaultScimBaseUrl(env)}</span>
        </label>
        <label className="radio">
          <input type="radio" name="scim-base" checked={scim.baseUrlMode === 'custom'} onChange={() => updateScim({ baseUrlMode: 'custom' })} />
          <span>Another address, for testing only (for example a local test server)</span>
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
              aria-invalid={addressProblem !== null}
              onChange={(event) => updateScim({ customBaseUrl: event.target.value })}
            />
            {addressProblem ? <Alert tone="error" message={addressProblem} /> : null}
          </div>
        ) : null}
        <TestOnlyAddressNote address={address} />
      </fieldset>
      <Card title="Corporate CA certificate (optional)">
        <p>
          If your network inspects HTTPS traffic, choose the root CA certificate your IT team gives you (.pem), so the
          assistant trusts it in addition to the usual ones.
        </p>
        {scim.extraCa ? (
          <p>
            Using {oneLine(scim.extraCa.fileName, 200)}.{' '}
            <button type="button" className="button" onClick={() => updateScim({ extraCa: null })}>
              Stop using it
            </button>
          </p>
        ) : (
          <FileDropZone label="corporate CA file" accept=".pem,.crt,.cer" hint="PEM file from your IT team." onFile={(file) => void chooseCa(file)} />
        )}
        {caProblem ? <Alert tone="error" message={caProblem} /> : null}
      </Card>
      <LiveCheckPanel
        kind="scim-connection"
        title="Test connection"
        buttonLabel="Test connection"
        start={
          !keyStored
            ? { blocked: 'Store the API key first (step “Store the API key”).' }
            : baseUrl === ''
              ? { blocked: 'Enter the custom SCIM base URL first.' }
              : addressProblem
                ? { blocked: `Correct the custom SCIM base URL first: ${addressProblem}` }
                : { method: 'scim.start', input: { kind: 'scim-connection', baseUrl, extraCaPem: scim.extraCa?.pem ?? null } }
        }
        lastRun={scim.lastConnectionTest}
      />
    </>
  )
}

