import { useId, useState } from 'react'
import type { MethodInput } from '../../../shared/contract'
import type { CheckRun } from '../../../shared/checkRun'
import { MAX_SAML_RESPONSE_BYTES } from '../../../shared/limits'
import type { SsoResponseCheck } from '../../../shared/ssoResponse'
import { useCheckVerdict } from '../hooks/useSetupStatus'
import { useWizard } from '../store/wizardStore'
import { fileAsBase64, fileTooLargeMessage } from '../files/fileBytes'
import { CheckStepList } from './CheckStepList'
import { FileDropZone } from './FileDropZone'
import { formatUtc } from './formatDate'
import { SamlResponseTable } from './SamlResponseTable'
import { errorMessage } from '../../../shared/errorMessage'
import { Alert } from './ui/Alert'
import { Card } from './ui/Card'

type ResponseSource = MethodInput<'sso.validateResponse'>['response']

export interface ResponsePasteSectionProps {
  /** Everything the check compares the response with, or why it cannot run yet. */
  expectations: Omit<MethodInput<'sso.validateResponse'>, 'response' | 'requestId' | 'judgeAtIssueInstant'> | { blocked: string }
  /** The last pasted response's checks, from the saved setup (the response itself was not kept). */
  lastRun: CheckRun | null
}

/**
 * Paste mode: the same checks as the test login, for a SAMLResponse captured in a browser (a customer's, during a
 * support call). The pasted text is cleared after each check; the response is not kept anywhere.
 */
export function ResponsePasteSection({ expectations, lastRun }: ResponsePasteSectionProps) {
  const checkPastedResponse = useWizard((s) => s.checkPastedResponse)
  const verdict = useCheckVerdict('sso-login')
  const [pasted, setPasted] = useState('')
  const [requestId, setRequestId] = useState('')
  const [capturedEarlier, setCapturedEarlier] = useState(false)
  const [result, setResult] = useState<SsoResponseCheck | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const pasteId = useId()
  const requestIdId = useId()
  const blocked = 'blocked' in expectations

  async function check(response: ResponseSource) {
    if ('blocked' in expectations) return
    setBusy(true)
    setError(null)
    try {
      const checked = await checkPastedResponse({
        ...expectations,
        response,
        requestId: requestId.trim() || null,
        judgeAtIssueInstant: capturedEarlier,
      })
      setResult(checked)
    } catch (failure) {
      setResult(null)
      setError(errorMessage(failure))
    } finally {
      setPasted('')
      setBusy(false)
    }
  }

  async function checkFile(file: File) {
    const tooLarge = fileTooLargeMessage(file, MAX_SAML_RESPONSE_BYTES)
    if (tooLarge) {
      setError(tooLarge)
      return
    }
    await check({ source: 'file', fileName: file.name, base64: await fileAsBase64(file) })
  }

  // The response just checked, while it is still the saved result (a test login since then replaces it), judged like
  // every saved result.
  const checked = result !== null && result.run === lastRun ? result : null
  const staleNote = lastRun !== null && verdict?.made && verdict.freshness !== 'current' ? <p className="stale-note">{verdict.note}</p> : null
  return (
    <Card title="Check a SAML response from a browser">
      <p>
        For a login you cannot run here (for example a customer’s, during a support call): capture the SAMLResponse that
        JumpCloud posts to Dialpad with the browser’s developer tools (Network tab, the POST to the ACS URL, form data)
        or a SAML browser extension, then paste it here or load it from a file. Base64 as posted and plain XML both work.
      </p>
      {blocked ? <p className="hint">{expectations.blocked}</p> : null}
      <label htmlFor={pasteId} className="copy-field__label">
        SAML response (base64 or XML)
      </label>
      <textarea
        id={pasteId}
        className="text-input text-area"
        rows={5}
        spellCheck={false}
        value={pasted}
        disabled={blocked || busy}
        onChange={(event) => {
          setPasted(event.target.value)
          setError(null)
        }}
      />
      <div className="form-row">
        <label htmlFor={requestIdId}>Request ID (optional)</label>
        <p className="hint">For a login that started at Dialpad: the ID of its AuthnRequest, so InResponseTo can be checked.</p>
        <input
          id={requestIdId}
          className="text-input"
          value={requestId}
          disabled={blocked || busy}
          spellCheck={false}
          onChange={(event) => setRequestId(event.target.value)}
        />
      </div>
      <p>
        <label>
          <input type="checkbox" checked={capturedEarlier} disabled={blocked || busy} onChange={(event) => setCapturedEarlier(event.target.checked)} />{' '}
          This response was captured earlier: judge its time window at the moment JumpCloud issued it
        </label>
      </p>
      <p>
        <button
          type="button"
          className="button"
          disabled={blocked || busy || pasted.trim() === ''}
          onClick={() => void check({ source: 'text', text: pasted })}
        >
          Check response
        </button>
      </p>
      {blocked ? null : (
        <FileDropZone
          label="SAML response file"
          hint="Or choose or drop a file holding the response (base64 or XML)."
          accept=".xml,.txt,.b64,.saml"
          onFile={(file) => void checkFile(file)}
        />
      )}
      {error ? <Alert tone="error" message={error} /> : null}
      {checked ? (
        <>
          <p className="hint" role="status">
            {checked.run.ok ? 'The response passes every check.' : 'The response has problems: see each fix below.'}
          </p>
          {staleNote}
          <CheckStepList label="Response checks" steps={checked.run.steps} />
          {checked.summary ? <SamlResponseTable summary={checked.summary} /> : null}
        </>
      ) : lastRun ? (
        <>
          <p className="hint" role="status">
            {`Last response checked ${formatUtc(lastRun.checkedAt)}: ${lastRun.ok ? 'it passed every check' : 'it had problems'}.`}
          </p>
          {staleNote}
          <CheckStepList label="Response checks" steps={lastRun.steps} />
        </>
      ) : null}
    </Card>
  )
}
