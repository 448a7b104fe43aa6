import { enableSamlStep } from './EnableSamlStep'
import { prerequisitesStep } from './PrerequisitesStep'
import type { StepDefinition } from './stepTypes'

/** The wizard, in order. Adding or reordering a step touches only this list. */
export const STEPS: readonly StepDefinition[] = [prerequisitesStep, enableSamlStep]
