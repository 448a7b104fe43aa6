import type { ComponentType } from 'react'
import type { SetupState } from '../../../shared/setupState'

export interface StepDefinition {
  id: string
  title: string
  component: ComponentType
  isComplete(state: SetupState): boolean
  /** Shown when the admin presses Next before the step is complete: what is still missing. */
  incompleteHint: string
}
