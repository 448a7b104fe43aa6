import { PREREQUISITES } from '../../../shared/wizard/checklists'
import { Checklist } from '../components/Checklist'
import { ExternalLink } from '../components/ExternalLink'
import { Card } from '../components/ui/Card'

export function PrerequisitesStep() {
  return (
    <>
      <p>
        This assistant takes you through connecting JumpCloud to Dialpad: first SAML single sign-on, so your users
        sign in to Dialpad with their JumpCloud account, then SCIM 2.0 provisioning, so JumpCloud creates, updates and
        deactivates Dialpad users for you. It shows every value in the exact form each console wants, with a copy
        button and the name of the field it goes into.
      </p>
      <h3>The order of the work</h3>
      <ol>
        <li>Enable SAML in Dialpad and note its Service Provider values.</li>
        <li>Add the Dialpad app in JumpCloud and give it those values.</li>
        <li>Bring JumpCloud&apos;s Identity Provider values and certificate back to Dialpad.</li>
        <li>Give a JumpCloud user group access to the app and test a login.</li>
        <li>Create a Dialpad API key and turn on Identity Management (SCIM) in JumpCloud.</li>
      </ol>
      <p>
        Keep both consoles open in your browser while you work, you will go back and forth between them:{' '}
        <ExternalLink href="https://dialpad.com/">Dialpad</ExternalLink> and the{' '}
        <ExternalLink href="https://console.jumpcloud.com/">JumpCloud Admin Portal</ExternalLink>.
      </p>
      <Card title="Ask Dialpad Support now" tone="note">
        <p>
          SCIM provisioning only succeeds once <strong>jumpcloud.com</strong> is allowed as a secondary domain for your
          company: JumpCloud&apos;s activation test creates a user with a @jumpcloud.com address. Only Dialpad Support can
          add it, so ask them early; you will not need it until the provisioning part.
        </p>
      </Card>
      <Checklist section={PREREQUISITES} />
    </>
  )
}

