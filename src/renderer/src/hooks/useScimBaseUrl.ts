import { defaultScimBaseUrl } from '../../../shared/environments'
import { useWizard } from '../store/wizardStore'

/** The SCIM base URL the checks and JumpCloud use: Dialpad's for the environment, or the admin's own (e.g. a proxy). */
export function useScimBaseUrl(): string {
  const env = useWizard((s) => s.env)
  const scim = useWizard((s) => s.scim)
  return scim.baseUrlMode === 'custom' ? scim.customBaseUrl.trim() : defaultScimBaseUrl(env)
}
