import type { StateCreator } from 'zustand'
import type { SetupState } from '../../../shared/setupState'
import type { WizardStore } from './wizardStore'

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string }

export interface PersistenceSlice {
  /** False until main has answered setup.load; nothing is saved before that. */
  hydrated: boolean
  /** Why a saved setup could not be restored, if it could not. */
  loadNotice: string | null
  saveStatus: SaveStatus
  /** Saves right away; set by autosave, used by the "Try again" button after a failed save. */
  retrySave(): void
  hydrate(saved: Partial<SetupState>, notice: string | null): void
  setSaveStatus(status: SaveStatus): void
  dismissLoadNotice(): void
}

export const createPersistenceSlice: StateCreator<WizardStore, [], [], PersistenceSlice> = (set) => ({
  hydrated: false,
  loadNotice: null,
  saveStatus: { kind: 'idle' },
  retrySave: () => undefined,
  hydrate: (saved, notice) => set({ ...saved, hydrated: true, loadNotice: notice }),
  setSaveStatus: (saveStatus) => set({ saveStatus }),
  dismissLoadNotice: () => set({ loadNotice: null }),
})

/** The part of the store main keeps on disk. */
export function snapshotOf(store: WizardStore): SetupState {
  return {
    currentStepId: store.currentStepId,
    visitedStepIds: store.visitedStepIds,
    domainInput: store.domainInput,
    env: store.env,
    checklist: store.checklist,
    idp: store.idp,
    spCopiedToJumpCloud: store.spCopiedToJumpCloud,
    scim: store.scim,
    sso: store.sso,
  }
}
