import { GIVE_GROUP_THE_APP, TEST_A_LOGIN } from '../../../shared/wizard/checklists'
import { parseDomain } from '../../../shared/domain'
import { Checklist } from '../components/Checklist'
import { ClickPath } from '../components/ClickPath'
import { CopyField } from '../components/CopyField'
import { SamlCrossCheckCard } from '../components/SamlCrossCheckCard'
import { useWizard } from '../store/wizardStore'
import { Card } from '../components/ui/Card'

const GROUP_PATH = ['User Groups', 'your Dialpad group', 'Applications tab', 'tick the Dialpad SSO app']

export function SamlUsersStep() {
  const domainInput = useWizard((s) => s.domainInput)
  const goTo = useWizard((s) => s.goTo)
  const domain = parseDomain(domainInput)
  return (
    <>
      <p>SSO is configured. Now give your users the app and test a real login.</p>
      <ClickPath label="JumpCloud click-path" parts={GROUP_PATH} />
      <Checklist section={GIVE_GROUP_THE_APP} />
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
      <Checklist section={TEST_A_LOGIN} />
      <SamlCrossCheckCard />
      <Card title="If the login fails" tone="note">
        <p>
          Fix every problem the cross-checks above show first. Most failed logins come from a value pasted into the wrong
          field, a domain that differs between the two consoles, or a certificate that is not the one JumpCloud signs with.
        </p>
        <p>
          Then check the login itself: the next step signs in as the test user (or reads a SAML response you captured in the
          browser) and says exactly which value is wrong and where to change it. You do not need to tick the last item first.
        </p>
        <p>
          <button type="button" className="button" onClick={() => goTo('sso-login')}>
            Diagnose the login in “Check a real SSO login”
          </button>
        </p>
      </Card>
    </>
  )
}

