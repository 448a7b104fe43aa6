import { LiveCheckPanel } from '../components/LiveCheckPanel'
import { SKIP_LIFECYCLE_TEST } from '../../../shared/wizard/checklists'
import { Checklist } from '../components/Checklist'
import { TestOnlyAddressNote } from '../components/TestOnlyAddressNote'
import { TestUserEmailField, useTestUserEmail } from '../components/TestUserEmailField'
import { useScimCheckAddress } from '../hooks/useScimBaseUrl'
import { useWizard } from '../store/wizardStore'
import { askToConfirm } from '../components/ui/askToConfirm'

export const LIFECYCLE_WARNING =
  'This creates a real user in your Dialpad company, which may use a paid license and a phone number until it is deleted. ' +
  'The test deletes it at the end, even when a step fails (if Dialpad refuses the delete, it is left deactivated and named so you can delete it by hand). ' +
  'Use the Dialpad sandbox if you can.'

export function ScimLifecycleStep() {
  const scim = useWizard((s) => s.scim)
  const keyStored = useWizard((s) => s.keyStatus?.stored === true)
  const address = useScimCheckAddress()
  const email = useTestUserEmail()
  return (
    <>
      <p>
        Optional: before you click Activate in JumpCloud, try what provisioning does with a test user. The assistant
        creates it, reads it back, updates its name (with PATCH when Dialpad takes it, else PUT), finds it by userName,
        deactivates it (SCIM active = false) and deletes it, explaining each answer in Dialpad&apos;s terms. JumpCloud&apos;s
        own activation test also creates and deletes a test user; JumpCloud documents that when the delete is refused it
        leaves the user deactivated, and so does this test.
      </p>
      <p className="warning-text">
        This creates a <strong>real user</strong> in your Dialpad company and may use a paid license and phone number
        until it is deleted. The sandbox environment is recommended.
      </p>
      <TestUserEmailField hint="The same address you will enter in JumpCloud's Test User Email field (next step). Use one at your company's domain: Dialpad only accepts users on the company's domains. An @jumpcloud.com address needs jumpcloud.com as a secondary domain (the step before)." />
      <TestOnlyAddressNote address={address} />
      <LiveCheckPanel
        kind="scim-lifecycle"
        title="User lifecycle test"
        buttonLabel="Create and delete a test user"
        askFirst={() =>
          askToConfirm({ title: 'Create a real test user in Dialpad?', body: LIFECYCLE_WARNING, confirmLabel: 'Create the test user', cancelLabel: 'Not now' })
        }
        start={
          !keyStored
            ? { blocked: 'Store the API key first (step “Store the API key”).' }
            : address.url === ''
              ? { blocked: 'Enter the custom SCIM base URL first (step “Test the SCIM connection”).' }
              : {
                  method: 'scim.start',
                  input: {
                    kind: 'scim-lifecycle',
                    baseUrl: address.url,
                    extraCaPem: scim.extraCa?.pem ?? null,
                    userEmail: email,
                    confirmedRealUser: true,
                  },
                }
        }
        lastRun={scim.lastLifecycleTest}
      />
      <Checklist section={SKIP_LIFECYCLE_TEST} />
    </>
  )
}
