import { parseDomain } from '../../../shared/domain'
import { Checklist, type ChecklistItem, allChecked } from '../components/Checklist'
import { ClickPath } from '../components/ClickPath'
import { CopyField } from '../components/CopyField'
import { SamlCrossCheckCard } from '../components/SamlCrossCheckCard'
import { useWizard } from '../store/wizardStore'
import type { StepDefinition } from './stepTypes'

const GROUP_PATH = ['User Groups', 'your Dialpad group', 'Applications tab', 'tick the Dialpad SSO app']

const GROUP_ITEMS: readonly ChecklistItem[] = [
  { id: 'saml-users.admin-signed-in', label: 'In JumpCloud, I signed in as an administrator and selected User Groups.' },
  { id: 'saml-users.group-app', label: 'I selected the group we use for Dialpad, opened its Applications tab and ticked the Dialpad SSO app.' },
]

const TEST_LOGIN_ITEMS: readonly ChecklistItem[] = [
  { id: 'saml-users.test-user-portal', label: 'In another browser profile or private window, I signed in to JumpCloud as a test user from that group.' },
  { id: 'saml-users.app-listed', label: 'The Dialpad application is listed under the test user’s Applications.' },
  { id: 'saml-users.dialpad-login', label: 'In the same test user’s browser session, I opened the Dialpad login page in a new tab.' },
  { id: 'saml-users.another-provider', label: 'I clicked “Login with Another Provider”, entered our domain and clicked Next.' },
  { id: 'saml-users.logged-in', label: 'After a few redirections, the test user is logged in to Dialpad.' },
]

function SamlUsersStep() {
  const domainInput = useWizard((s) => s.domainInput)
  const domain = parseDomain(domainInput)
  return (
    <>
      <p>SSO is configured. Now give your users the app and test a real login.</p>
      <ClickPath label="JumpCloud click-path" parts={GROUP_PATH} />
      <Checklist title="Give the group the Dialpad app" items={GROUP_ITEMS} />
      <p>
        Test as a user who is <strong>not</strong> an admin, in a separate browser profile or private window so your
        admin sessions are not used.
      </p>
      {domain.ok ? (
        <CopyField
          label="Domain for “Login with Another Provider”"
          value={domain.domain}
          destination="Dialpad login → Login with Another Provider → domain"
        />
      ) : null}
      <Checklist title="Test a login" items={TEST_LOGIN_ITEMS} />
      <SamlCrossCheckCard />
      <section className="note" aria-labelledby="login-fails-heading">
        <h3 id="login-fails-heading">If the login fails</h3>
        <p>
          Fix every problem the cross-checks above show first. Most failed logins come from a value pasted into the wrong
          field, a domain that differs between the two consoles, or a certificate that is not the one JumpCloud signs with.
        </p>
      </section>
    </>
  )
}

export const samlUsersStep: StepDefinition = {
  id: 'saml-users',
  title: 'Set up SAML users',
  component: SamlUsersStep,
  isComplete: (state) => allChecked(state.checklist, GROUP_ITEMS) && allChecked(state.checklist, TEST_LOGIN_ITEMS),
  incompleteHint: 'Tick each item once it is done; the last one means a test user really signed in to Dialpad.',
}
