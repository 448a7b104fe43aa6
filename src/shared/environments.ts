export const ENVIRONMENT_IDS = ['production', 'sandbox'] as const
export type EnvironmentId = (typeof ENVIRONMENT_IDS)[number]

export interface DialpadEnvironment {
  id: EnvironmentId
  label: string
  host: string
}

export const DIALPAD_ENVIRONMENTS: Record<EnvironmentId, DialpadEnvironment> = {
  production: { id: 'production', label: 'Production', host: 'dialpad.com' },
  sandbox: { id: 'sandbox', label: 'Sandbox', host: 'sandbox.dialpad.com' },
}

/** The SCIM base URL JumpCloud's Identity Management tab needs, per Dialpad environment. */
export function defaultScimBaseUrl(env: EnvironmentId): string {
  return `https://${DIALPAD_ENVIRONMENTS[env].host}/scim`
}

/**
 * Dialpad's login page, where users choose "Login with Another Provider" (Dialpad's article: "navigate to Dialpad
 * Login"). The host is Dialpad's for the environment; the /login path is not documented (docs/service-facts.md).
 */
export function dialpadLoginUrl(env: EnvironmentId): string {
  return `https://${DIALPAD_ENVIRONMENTS[env].host}/login`
}
