import { parseDomain } from '../../../shared/domain'
import { testUserEmail, testUserEmailNote } from '../../../shared/scimAddress'
import { useWizard } from '../store/wizardStore'
import { Field } from './ui/Field'

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
  return (
    <Field
      label="Test User Email"
      help={hint}
      notes={
        note ? (
          <p className="warning-text" data-testid="test-user-email-note">
            {note}
          </p>
        ) : null
      }
    >
      {(control) => (
        <input
          {...control}
          className="text-input"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(event) => updateScim({ testUserEmail: event.target.value })}
        />
      )}
    </Field>
  )
}
