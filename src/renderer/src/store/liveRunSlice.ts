import type { StateCreator } from 'zustand'
import type { LiveCheckKind } from '../../../shared/liveCheck'
import { IDLE_RUN, type LiveRun, type LiveRunEvent, type LiveRunTransition, transition } from './liveRunMachine'
import type { WizardStore } from './wizardStore'

export interface LiveRunSlice {
  /** Each profile's live checks, by liveRunKey(profileId, kind): the window's memory of runs, never saved. */
  liveRuns: Record<string, LiveRun>
  /**
   * Moves one run through liveRunMachine's transition; a refused event changes nothing. A run that ends records its
   * result in the setup (with what it was started against), provided its profile is still the open one: a run of a
   * profile closed meanwhile never lands in another.
   */
  applyLiveRunEvent(key: string, event: LiveRunEvent): LiveRunTransition
}

export function liveRunKey(profileId: string, kind: LiveCheckKind): string {
  return `${profileId}\u0000${kind}`
}

/** The open profile's run of this kind. */
export function liveRunOf(state: WizardStore, kind: LiveCheckKind): LiveRun {
  return state.liveRuns[liveRunKey(state.openProfile?.id ?? '', kind)] ?? IDLE_RUN
}

/** The key of the running run main named `runId`, if the window follows one. */
export function runningKeyOf(state: WizardStore, runId: string): string | undefined {
  return Object.keys(state.liveRuns).find((key) => {
    const run = state.liveRuns[key]
    return run.state === 'running' && run.runId === runId
  })
}

export const createLiveRunSlice: StateCreator<WizardStore, [], [], LiveRunSlice> = (set, get) => ({
  liveRuns: {},
  applyLiveRunEvent: (key, event) => {
    const before = get().liveRuns[key] ?? IDLE_RUN
    const result = transition(before, event)
    if (!result.ok) return result
    const after = result.run
    set((state) => ({ liveRuns: { ...state.liveRuns, [key]: after } }))
    const ended = before.state === 'running' && (after.state === 'done' || after.state === 'cancelled')
    if (ended && after.progress.run && (get().openProfile?.id ?? '') === after.context.profileId) {
      get().recordCheck(after.context.kind, after.progress.run, after.context.against, after.context.source)
    }
    return result
  },
})
