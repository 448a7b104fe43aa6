import { testOnlyAddressWarning, type ScimCheckAddress } from '../../../shared/scimAddress'
import { useWizard } from '../store/wizardStore'

/** The visible warning wherever a check uses an address that is not Dialpad's. Renders nothing for Dialpad's. */
export function TestOnlyAddressNote({ address }: { address: ScimCheckAddress }) {
  const env = useWizard((s) => s.env)
  if (!address.testOnly) return null
  return (
    <p className="warning-text test-only-address" data-testid="test-only-address">
      {testOnlyAddressWarning(address.url, env)}
    </p>
  )
}
