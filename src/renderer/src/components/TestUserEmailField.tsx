import { useId } from 'react'
import { parseDomain } from '../../../shared/domain'
import { testUserEmail, testUserEmailNote } from '../../../shared/scimAddress'
import { useWizard } from '../store/wizardStore'

/** The address for JumpCloud's Test User Email field (step 13) and the lifecycle test (step 12): one value, shown in both. */
export function useTestUserEmail(): string {
  const entered = useWizard((s) => s.scim.testUserEmail)
  const domainInput = useWizard((s) => s.domainInput)
  const domain = parseDomain(domainInput)
  return testUserEmail(entered, domain.ok ? domain.domain : null)
}

export function TestUserEmailField({ hint }: { hint: string }) {
  const email = useTestUserEmail()
  const updateScim = useWizard((s) => s.updateScim)
  const domainInput = useWizard((s) => s.domainInput)
  const otherEmailDomains = useWizard((s) => s.otherEmailDomains)
  const domain = parseDomain(domainInput)
  const note = testUserEmailNote(email, [...(domain.ok ? [domain.domain] : []), ...otherEmailDomains])
  const ids = { input: useId(), hint: useId(), note: useId() }
  return (
    <div className="form-row">
      <label htmlFor={ids.input}>Test User Email</label>
      <p id={ids.hint} className="hint">
        {hint}
      </p>
      <input
        id={ids.input}
        className="text-input"
        type="email"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={note ? `${ids.hint} ${ids.note}` : ids.hint}
        value={email}
        onChange={(event) => updateScim({ testUserEmail: event.target.value })}
      />
      {note ? (
        <p id={ids.note} className="warning-text" data-testid="test-user-email-note">
          {note}
        </p>
      ) : null}
    </div>
  )
}
