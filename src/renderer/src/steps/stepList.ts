import { configureDialpadStep } from './ConfigureDialpadStep'
import { configureJumpCloudStep } from './ConfigureJumpCloudStep'
import { enableSamlStep } from './EnableSamlStep'
import { idpValuesStep } from './IdpValuesStep'
import { prerequisitesStep } from './PrerequisitesStep'
import { samlUsersStep } from './SamlUsersStep'
import type { StepDefinition } from './stepTypes'

/** The wizard, in order. Adding or reordering a step touches only this list. */
export const STEPS: readonly StepDefinition[] = [
  prerequisitesStep,
  enableSamlStep,
  configureJumpCloudStep,
  idpValuesStep,
  configureDialpadStep,
  samlUsersStep,
]
