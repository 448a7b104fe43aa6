import type { ComponentType } from 'react'
import type { SetupState } from '../../../shared/setupState'

/** What a step can judge completion by: the saved setup, plus facts main keeps out of it (the key itself never). */
export type WizardFacts = SetupState & { apiKeyStored: boolean }

export interface StepDefinition {
  id: string
  title: string
  component: ComponentType
  isComplete(state: WizardFacts): boolean
  /** Shown when the admin presses Next before the step is complete: what is still missing. */
  incompleteHint: string
}
