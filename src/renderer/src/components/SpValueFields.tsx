import { useSpValues } from '../hooks/useSpValues'
import { useWizard } from '../store/wizardStore'
import { CopyField } from './CopyField'
import { Alert } from './ui/Alert'

/**
 * The SP Entity ID and ACS URL for the chosen domain, with where each goes in JumpCloud.
 * Copying one records the pair, so the cross-checks can tell when JumpCloud holds values for an older domain.
 */
export function SpValueFields({ missingDomainHint }: { missingDomainHint: string }) {
  const domainInput = useWizard((s) => s.domainInput)
  const env = useWizard((s) => s.env)
  const setSpCopiedToJumpCloud = useWizard((s) => s.setSpCopiedToJumpCloud)
  const sp = useSpValues(domainInput, env)

  if (sp.kind === 'error') {
    return <Alert tone="error" message={sp.message} />
  }
  if (sp.kind === 'none') return <p className="hint">{missingDomainHint}</p>
  const recordCopied = () => setSpCopiedToJumpCloud({ spEntityId: sp.values.spEntityId, acsUrl: sp.values.acsUrl })
  return (
    <>
      <CopyField
        label="SP Entity ID"
        value={sp.values.spEntityId}
        destination="JumpCloud → Dialpad app → SSO tab → SP Entity ID"
        alsoShownAs="SP Entity ID"
        onCopied={recordCopied}
      />
      <CopyField
        label="ACS URL"
        value={sp.values.acsUrl}
        destination="JumpCloud → Dialpad app → SSO tab → ACS URL"
        alsoShownAs="SP SSO Url (ACS)"
        onCopied={recordCopied}
      />
    </>
  )
}
