import { configureDialpadStep } from './ConfigureDialpadStep'
import { configureJumpCloudStep } from './ConfigureJumpCloudStep'
import { createApiKeyStep } from './CreateApiKeyStep'
import { enableSamlStep } from './EnableSamlStep'
import { identityManagementStep } from './IdentityManagementStep'
import { idpValuesStep } from './IdpValuesStep'
import { prerequisitesStep } from './PrerequisitesStep'
import { samlUsersStep } from './SamlUsersStep'
import { scimConnectionStep } from './ScimConnectionStep'
import { scimLifecycleStep } from './ScimLifecycleStep'
import { secondaryDomainStep } from './SecondaryDomainStep'
import { storeApiKeyStep } from './StoreApiKeyStep'
import type { StepDefinition } from './stepTypes'

/** The wizard, in order. Adding or reordering a step touches only this list. */
export const STEPS: readonly StepDefinition[] = [
  prerequisitesStep,
  enableSamlStep,
  configureJumpCloudStep,
  idpValuesStep,
  configureDialpadStep,
  samlUsersStep,
  createApiKeyStep,
  storeApiKeyStep,
  secondaryDomainStep,
  scimConnectionStep,
  scimLifecycleStep,
  identityManagementStep,
]
