import type { SetupState } from '../../../shared/setupState'

/** The saved setup made safe for the current step list (steps may have been renamed or removed since). */
export function restoreSetup(saved: SetupState | null, stepIds: readonly string[]): Partial<SetupState> {
  const first = stepIds[0]
  if (!saved) return { currentStepId: first, visitedStepIds: [first] }
  const known = (id: string) => stepIds.includes(id)
  const visited = saved.visitedStepIds.filter(known)
  const current = known(saved.currentStepId) ? saved.currentStepId : first
  return {
    ...saved,
    currentStepId: current,
    visitedStepIds: visited.includes(current) ? visited : [...visited, current],
  }
}
