import { DIALPAD_ENVIRONMENTS, type EnvironmentId } from './environments'
import type { SpValues } from './contract'

/** The Service Provider values Dialpad shows on Admin Settings > Authentication > SAML > Custom. */
export function deriveSpValues(domain: string, env: EnvironmentId): SpValues {
  const { host } = DIALPAD_ENVIRONMENTS[env]
  return {
    domain,
    env,
    host,
    spEntityId: `https://${host}/api/saml/metadata/custom/${domain}`,
    acsUrl: `https://${host}/saml/sso/custom/${domain}`,
  }
}
