import type { StateCreator } from 'zustand'
import type { KeyStatus } from '../../../shared/keyStatus'
import type { WizardStore } from './wizardStore'

/** What the renderer may know about the API key: only its status, never the key. Not saved with the setup. */
export interface SecretsSlice {
  keyStatus: KeyStatus | null
  /** Null while the open profile's status is being fetched (or no profile is open). */
  setKeyStatus(status: KeyStatus | null): void
}

export const createSecretsSlice: StateCreator<WizardStore, [], [], SecretsSlice> = (set) => ({
  keyStatus: null,
  setKeyStatus: (keyStatus) => set({ keyStatus }),
})
