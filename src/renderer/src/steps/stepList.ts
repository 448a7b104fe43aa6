import type { ComponentType } from 'react'
import { WIZARD_STEPS, type WizardStepId } from '../../../shared/wizard/steps'
import { ConfigureDialpadStep } from './ConfigureDialpadStep'
import { ConfigureJumpCloudStep } from './ConfigureJumpCloudStep'
import { CreateApiKeyStep } from './CreateApiKeyStep'
import { EnableSamlStep } from './EnableSamlStep'
import { IdentityManagementStep } from './IdentityManagementStep'
import { IdpValuesStep } from './IdpValuesStep'
import { PrerequisitesStep } from './PrerequisitesStep'
import { SamlUsersStep } from './SamlUsersStep'
import { ScimConnectionStep } from './ScimConnectionStep'
import { ScimLifecycleStep } from './ScimLifecycleStep'
import { SecondaryDomainStep } from './SecondaryDomainStep'
import { SsoLoginStep } from './SsoLoginStep'
import { StoreApiKeyStep } from './StoreApiKeyStep'
import type { StepDefinition } from './stepTypes'

const SCREENS: Record<WizardStepId, ComponentType> = {
  prerequisites: PrerequisitesStep,
  'enable-saml': EnableSamlStep,
  'configure-jumpcloud': ConfigureJumpCloudStep,
  'idp-values': IdpValuesStep,
  'configure-dialpad': ConfigureDialpadStep,
  'saml-users': SamlUsersStep,
  'sso-login': SsoLoginStep,
  'create-api-key': CreateApiKeyStep,
  'store-api-key': StoreApiKeyStep,
  'secondary-domain': SecondaryDomainStep,
  'scim-connection': ScimConnectionStep,
  'scim-lifecycle': ScimLifecycleStep,
  'identity-management': IdentityManagementStep,
}

/** The wizard, in order (the order and completion rules live in shared/wizard/steps.ts). */
export const STEPS: readonly StepDefinition[] = WIZARD_STEPS.map((step) => ({ ...step, component: SCREENS[step.id] }))
