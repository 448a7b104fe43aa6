import { SECONDARY_DOMAIN, SECONDARY_DOMAIN_REQUESTED } from '../../../shared/wizard/checklists'
import { parseDomain } from '../../../shared/domain'
import { Checklist } from '../components/Checklist'
import { CopyField } from '../components/CopyField'
import { formatUtc } from '../components/formatDate'
import { useSetupStatus } from '../hooks/useSetupStatus'
import { useWizard } from '../store/wizardStore'
import { Card } from '../components/ui/Card'

/** The request an admin sends Dialpad Support; only the key's last 4 characters, never the key. */
export function supportRequestText(domain: string, last4: string | null): string {
  return [
    'Hello Dialpad Support,',
    '',
    `Please add jumpcloud.com as a secondary domain for our company (primary domain: ${domain}).`,
    'We are enabling JumpCloud SCIM provisioning, and JumpCloud’s activation test creates a test user with an @jumpcloud.com address.',
    last4 ? `For reference, the API key we created for JumpCloud ends in ${last4}.` : null,
    '',
    'Thank you.',
  ]
    .filter((line): line is string => line !== null)
    .join('\n')
}

export function SecondaryDomainStep() {
  const domainInput = useWizard((s) => s.domainInput)
  const keyStatus = useWizard((s) => s.keyStatus)
  const goTo = useWizard((s) => s.goTo)
  const step = useSetupStatus().steps.find((candidate) => candidate.id === 'secondary-domain')
  const requested = step?.ticks.find((tick) => tick.id === SECONDARY_DOMAIN_REQUESTED)
  const domain = parseDomain(domainInput)
  return (
    <>
      <p>
        When you activate provisioning, JumpCloud tests it by creating and deleting a user with an{' '}
        <strong>@jumpcloud.com</strong> address. Dialpad&apos;s articles say <strong>jumpcloud.com</strong> must first be
        added as a secondary domain of your company for that to succeed, and only Dialpad Support can do this: send them
        the request below.
      </p>
      <p className="hint">
        JumpCloud&apos;s Identity Management tab also has a Test User Email field, for services that only accept users on
        verified domains (step “Enable Identity Management in JumpCloud”). Whether an address at your own domain there
        makes this request unnecessary is not documented, so Dialpad&apos;s articles still ask for it.
      </p>
      <CopyField
        label="Support request"
        value={supportRequestText(domain.ok ? domain.domain : '(your company domain)', keyStatus?.stored ? keyStatus.last4 : null)}
        destination="an email or chat to Dialpad Support"
      />
      <Checklist section={SECONDARY_DOMAIN} />
      <Card title="While you wait for Dialpad Support" tone="note">
        <p data-testid="secondary-domain-waiting">
          {step?.state === 'waiting'
            ? `Requested from Dialpad Support${requested?.at ? ` on ${formatUtc(requested.at)}` : ''}: this step waits for their answer. `
            : step?.state === 'done'
              ? 'Dialpad Support confirmed it. '
              : 'Tick “I sent the request” once you have sent it: the step then waits for Support’s answer, and the date is kept. '}
          You do not have to wait here: the assistant&apos;s SCIM connection test only lists users, so it does not need the
          secondary domain. Dialpad&apos;s articles ask for it before you turn on Identity Management in JumpCloud, so have
          Support&apos;s answer before the last step.
        </p>
        <p>
          <button type="button" className="button" onClick={() => goTo('scim-connection')}>
            Go on to “Test the SCIM connection”
          </button>
        </p>
      </Card>
    </>
  )
}

