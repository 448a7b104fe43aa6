import type { ComponentType } from 'react'
import type { WizardStep } from '../../../shared/wizard/steps'

/** A wizard step with its screen. */
export interface StepDefinition extends WizardStep {
  component: ComponentType
}
