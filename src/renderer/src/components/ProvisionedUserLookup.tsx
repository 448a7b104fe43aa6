import { oneLine } from '../../../shared/displayText'
import { useId, useState } from 'react'
import type { ProvisionedUserLookup as Lookup } from '../../../shared/provisionedUser'
import { PROVISIONED_USER_VERDICT as VERDICT } from '../../../shared/provisionedUserVerdict'
import { useScimCheckAddress } from '../hooks/useScimBaseUrl'
import { useWizard } from '../store/wizardStore'
import { CheckStepList } from './CheckStepList'
import { TestOnlyAddressNote } from './TestOnlyAddressNote'
import { errorMessage } from '../../../shared/errorMessage'

/**
 * "Is this user provisioned?": after Activate, one read-only lookup in Dialpad of a JumpCloud group member's email.
 * The answer is shown here only; it is never saved with the profile.
 */
export function ProvisionedUserLookup() {
  const keyStored = useWizard((s) => s.keyStatus?.stored === true)
  const extraCaPem = useWizard((s) => s.scim.extraCa?.pem ?? null)
  const findProvisionedUser = useWizard((s) => s.findProvisionedUser)
  const address = useScimCheckAddress()
  const [email, setEmail] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<(Lookup & { email: string }) | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ids = { heading: useId(), input: useId(), hint: useId() }
  const blocked = !keyStored ? 'Store the API key first (step “Store the API key”).' : address.url === '' ? 'Enter the custom SCIM base URL first.' : null

  async function look() {
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      const found = await findProvisionedUser({ baseUrl: address.url, extraCaPem, email })
      setResult({ ...found, email: email.trim() })
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>Is this user provisioned?</h3>
      <p>
        After Activate, JumpCloud creates the members of the user group assigned to the Dialpad app in Dialpad. Type the
        email of one of them: the assistant looks them up in Dialpad (read only, nothing is changed) and says whether
        they are there and active. The answer is not saved.
      </p>
      <TestOnlyAddressNote address={address} />
      {blocked ? <p className="hint">{blocked}</p> : null}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (!blocked && email.trim() !== '' && !busy) void look()
        }}
      >
        <label htmlFor={ids.input}>Email of a group member</label>
        <p id={ids.hint} className="hint">
          For example jane@yourcompany.com, as it is in JumpCloud.
        </p>
        <div className="inline-form__row">
          <input
            id={ids.input}
            className="text-input"
            type="email"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={ids.hint}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={blocked !== null || email.trim() === '' || busy}>
            {busy ? 'Looking…' : 'Look up in Dialpad'}
          </button>
        </div>
      </form>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <p className="hint" role="status">
        {result ? `${VERDICT[result.state]}: ${oneLine(result.email, 200)}` : ''}
      </p>
      {result ? <CheckStepList label="Provisioned user lookup" steps={result.run.steps} /> : null}
    </section>
  )
}
