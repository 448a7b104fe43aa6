import { call } from '../api/client'
import { LiveCheckPanel } from '../components/LiveCheckPanel'
import { SKIP_LIFECYCLE_TEST } from '../../../shared/wizard/checklists'
import { Checklist } from '../components/Checklist'
import { useScimBaseUrl } from '../hooks/useScimBaseUrl'
import { useWizard } from '../store/wizardStore'

export const DEFAULT_TEST_USER_EMAIL = 'dialpad-scim-test@jumpcloud.com'

export const LIFECYCLE_WARNING =
  'This creates a real user in your Dialpad company, which may use a paid license and a phone number until it is deleted. ' +
  'The test deletes it at the end, even when a step fails. Use the Dialpad sandbox if you can. Create the test user now?'

export function ScimLifecycleStep() {
  const scim = useWizard((s) => s.scim)
  const keyStored = useWizard((s) => s.keyStatus?.stored === true)
  const updateScim = useWizard((s) => s.updateScim)
  const baseUrl = useScimBaseUrl()
  const email = scim.testUserEmail || DEFAULT_TEST_USER_EMAIL
  return (
    <>
      <p>
        Optional: do what JumpCloud&apos;s activation test does before you click Activate. The assistant creates a test
        user, reads it back, finds it by email, suspends it (SCIM active = false) and deletes it, explaining each answer
        in Dialpad&apos;s terms.
      </p>
      <p className="warning-text">
        This creates a <strong>real user</strong> in your Dialpad company and may use a paid license and phone number
        until it is deleted. The sandbox environment is recommended.
      </p>
      <div className="form-row">
        <label htmlFor="test-user-email">Test user email</label>
        <p className="hint">JumpCloud&apos;s own test uses an @jumpcloud.com address, which needs the secondary domain from the step before.</p>
        <input
          id="test-user-email"
          className="text-input"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => updateScim({ testUserEmail: event.target.value })}
        />
      </div>
      <LiveCheckPanel
        kind="scim-lifecycle"
        title="User lifecycle test"
        buttonLabel="Create and delete a test user"
        confirm={() => window.confirm(LIFECYCLE_WARNING)}
        start={
          !keyStored
            ? { blocked: 'Store the API key first (step “Store the API key”).' }
            : () =>
                call('scim.start', {
                  kind: 'scim-lifecycle',
                  baseUrl,
                  extraCaPem: scim.extraCa?.pem ?? null,
                  userEmail: email,
                  confirmedRealUser: true,
                })
        }
        lastRun={scim.lastLifecycleTest}
      />
      <Checklist section={SKIP_LIFECYCLE_TEST} />
    </>
  )
}

