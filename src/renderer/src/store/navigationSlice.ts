import type { StateCreator } from 'zustand'
import type { WizardStore } from './wizardStore'

export interface NavigationSlice {
  currentStepId: string
  visitedStepIds: string[]
  /** Moves to a step and remembers it as reached. Callers decide whether the move is allowed. */
  goTo(stepId: string): void
}

/** Starts on no step; the wizard frame shows the first step until one is chosen or restored. */
export const createNavigationSlice: StateCreator<WizardStore, [], [], NavigationSlice> = (set) => ({
  currentStepId: '',
  visitedStepIds: [],
  goTo: (stepId) =>
    set((state) => ({
      currentStepId: stepId,
      visitedStepIds: state.visitedStepIds.includes(stepId) ? state.visitedStepIds : [...state.visitedStepIds, stepId],
    })),
})
