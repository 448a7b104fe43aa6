import { parseDomain } from '../../../shared/domain'
import { crossCheckSaml } from '../../../shared/samlCrossChecks'
import { deriveSpValues } from '../../../shared/spValues'
import { useCertificateReport } from '../hooks/useCertificateReport'
import { useWizard } from '../store/wizardStore'
import { CheckStepList } from './CheckStepList'
import { Card } from './ui/Card'
import { plural } from '../../../shared/plural'

/** Compares both consoles' SAML values offline, so a mismatch is found before a login fails. */
export function SamlCrossCheckCard() {
  const domainInput = useWizard((s) => s.domainInput)
  const env = useWizard((s) => s.env)
  const idp = useWizard((s) => s.idp)
  const spCopiedToJumpCloud = useWizard((s) => s.spCopiedToJumpCloud)
  const certificate = useCertificateReport(idp.certificate)
  const domain = parseDomain(domainInput)
  const steps = crossCheckSaml({
    sp: domain.ok ? deriveSpValues(domain.domain, env) : null,
    spCopiedToJumpCloud,
    idp,
    certificate: certificate.kind === 'ready' ? certificate.report : null,
  })
  const count = (status: string) => steps.filter((step) => step.status === status).length
  const problems = count('fail') + count('warn')
  const summary =
    problems > 0
      ? `${problems} of ${steps.length} cross-checks need attention.`
      : count('skipped') > 0
        ? `No problems found; ${plural(count('skipped'), 'cross-check needs', 'cross-checks need')} JumpCloud's metadata file to run.`
        : 'All SAML cross-checks passed.'
  return (
    <Card title="SAML cross-checks" testId="saml-cross-checks">
      <p className="check-summary" role="status">
        {summary}
      </p>
      <CheckStepList label="SAML cross-check results" steps={steps} />
    </Card>
  )
}
