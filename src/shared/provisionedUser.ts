import { z } from 'zod'
import { CheckRun } from './checkRun'

/** What "Is this user provisioned?" found: the user active, deactivated (suspended), missing, or the lookup failed. */
export const ProvisionedUserState = z.enum(['active', 'suspended', 'not-found', 'unknown'])
export type ProvisionedUserState = z.infer<typeof ProvisionedUserState>

/** The lookup's answer, shown and never saved. */
export const ProvisionedUserLookup = z.object({ state: ProvisionedUserState, run: CheckRun })
export type ProvisionedUserLookup = z.infer<typeof ProvisionedUserLookup>
