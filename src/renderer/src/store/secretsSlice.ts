import type { StateCreator } from 'zustand'
import type { ProfileKeyStatus } from '../../../shared/keyStatus'
import type { WizardStore } from './wizardStore'

/** What the renderer may know about the API key: only its status, never the key. Not saved with the setup. */
export interface SecretsSlice {
  keyStatus: ProfileKeyStatus | null
  /** Null while the open profile's status is being fetched (or no profile is open). */
  setKeyStatus(status: ProfileKeyStatus | null): void
}

export const createSecretsSlice: StateCreator<WizardStore, [], [], SecretsSlice> = (set) => ({
  keyStatus: null,
  setKeyStatus: (keyStatus) => set({ keyStatus }),
})
