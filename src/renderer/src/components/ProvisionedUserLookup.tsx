import { oneLine } from '../../../shared/displayText'
import { useState } from 'react'
import type { ProvisionedUserLookup as Lookup } from '../../../shared/provisionedUser'
import { PROVISIONED_USER_VERDICT as VERDICT } from '../../../shared/provisionedUserVerdict'
import { useScimCheckAddress } from '../hooks/useScimBaseUrl'
import { useWizard } from '../store/wizardStore'
import { CheckStepList } from './CheckStepList'
import { TestOnlyAddressNote } from './TestOnlyAddressNote'
import { errorMessage } from '../../../shared/errorMessage'
import { Field } from './ui/Field'
import { useTiedMessage } from './ui/useTiedMessage'
import { Card } from './ui/Card'

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
  // The answer and a failure are about the email they were for: typing another one clears them.
  const error = useTiedMessage<string, string>(email.trim())
  const shown = result !== null && result.email === email.trim() ? result : null
  const blocked = !keyStored ? 'Store the API key first (step “Store the API key”).' : address.url === '' ? 'Enter the custom SCIM base URL first.' : null

  async function look() {
    setBusy(true)
    error.clear()
    setResult(null)
    try {
      const found = await findProvisionedUser({ baseUrl: address.url, extraCaPem, email })
      setResult({ ...found, email: email.trim() })
    } catch (failure) {
      error.show(errorMessage(failure), email.trim())
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card title="Is this user provisioned?">
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
        <Field label="Email of a group member" help="For example jane@yourcompany.com, as it is in JumpCloud." error={error.message}>
          {(control) => (
            <div className="inline-form__row">
              <input
                {...control}
                className="text-input"
                type="email"
                autoComplete="off"
                spellCheck={false}
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
              <button type="submit" className="button button--primary" disabled={blocked !== null || email.trim() === '' || busy}>
                {busy ? 'Looking…' : 'Look up in Dialpad'}
              </button>
            </div>
          )}
        </Field>
      </form>
      <p className="hint" role="status">
        {shown ? `${VERDICT[shown.state]}: ${oneLine(shown.email, 200)}` : ''}
      </p>
      {shown ? <CheckStepList label="Provisioned user lookup" steps={shown.run.steps} /> : null}
    </Card>
  )
}
