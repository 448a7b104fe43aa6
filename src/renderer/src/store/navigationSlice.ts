import type { StateCreator } from 'zustand'
import type { WizardStore } from './wizardStore'

export interface NavigationSlice {
  currentStepId: string
  visitedStepIds: string[]
  /** The completion view (after the last step) is on screen instead of a step. Not saved. */
  showingSummary: boolean
  /** Moves to a step and remembers it as reached. Every step can be opened at any time. */
  goTo(stepId: string): void
  showSummary(): void
}

/** Starts on no step; the wizard frame shows the first step until one is chosen or restored. */
export const createNavigationSlice: StateCreator<WizardStore, [], [], NavigationSlice> = (set) => ({
  currentStepId: '',
  visitedStepIds: [],
  showingSummary: false,
  goTo: (stepId) =>
    set((state) => ({
      currentStepId: stepId,
      showingSummary: false,
      visitedStepIds: state.visitedStepIds.includes(stepId) ? state.visitedStepIds : [...state.visitedStepIds, stepId],
    })),
  showSummary: () => set({ showingSummary: true }),
})
