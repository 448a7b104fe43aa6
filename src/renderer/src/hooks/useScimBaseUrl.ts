import { scimCheckAddress, type ScimCheckAddress } from '../../../shared/scimAddress'
import { useWizard } from '../store/wizardStore'

/**
 * Where the live SCIM checks go: Dialpad's address for the environment, or one the admin set for testing only.
 * Never what JumpCloud gets (that is always jumpCloudBaseUrl(env)).
 */
export function useScimCheckAddress(): ScimCheckAddress {
  const env = useWizard((s) => s.env)
  const baseUrlMode = useWizard((s) => s.scim.baseUrlMode)
  const customBaseUrl = useWizard((s) => s.scim.customBaseUrl)
  return scimCheckAddress({ baseUrlMode, customBaseUrl }, env)
}
