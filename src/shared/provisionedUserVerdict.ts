import type { ProvisionedUserState } from './provisionedUser'

/** The answer of "Is this user provisioned?" in a few words, as the wizard and the CLI give it first (zod-free, for the renderer). */
export const PROVISIONED_USER_VERDICT: Record<ProvisionedUserState, string> = {
  active: 'Found and active',
  suspended: 'Found, but suspended',
  'not-found': 'Not found',
  unknown: 'Could not look',
}
