import type { StateCreator } from 'zustand'
import type { SetupState } from '../../../shared/setupState'
import type { WizardStore } from './wizardStore'

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string }

export interface PersistenceSlice {
  /** False until a profile has been opened and its setup loaded; nothing is saved before that. */
  hydrated: boolean
  saveStatus: SaveStatus
  /** Saves right away; set by autosave, used by the "Try again" button after a failed save. */
  retrySave(): void
  /** Loads an opened profile's setup (problems with saved files are shown on the profile list instead). */
  hydrate(saved: Partial<SetupState>): void
  setSaveStatus(status: SaveStatus): void
}

export const createPersistenceSlice: StateCreator<WizardStore, [], [], PersistenceSlice> = (set) => ({
  hydrated: false,
  saveStatus: { kind: 'idle' },
  retrySave: () => undefined,
  hydrate: (saved) => set(hydratedWith(saved)),
  setSaveStatus: (saveStatus) => set({ saveStatus }),
})

/** The store's change that loads a saved setup (the wizard starts on its step, not the summary). */
export function hydratedWith(saved: Partial<SetupState>): Partial<WizardStore> {
  return { ...saved, showingSummary: false, hydrated: true }
}

/** The part of the store main keeps on disk. */
export function snapshotOf(store: WizardStore): SetupState {
  return {
    currentStepId: store.currentStepId,
    visitedStepIds: store.visitedStepIds,
    domainInput: store.domainInput,
    otherEmailDomains: store.otherEmailDomains,
    env: store.env,
    checklist: store.checklist,
    idp: store.idp,
    spCopiedToJumpCloud: store.spCopiedToJumpCloud,
    scim: store.scim,
    sso: store.sso,
    provenance: store.provenance,
  }
}
