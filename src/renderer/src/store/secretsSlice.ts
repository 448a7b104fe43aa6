import type { StateCreator } from 'zustand'
import type { ProfileKeyStatus } from '../../../shared/keyStatus'
import { requestFor } from './request'
import type { WizardStore } from './wizardStore'

/**
 * What the renderer may know about the API key: only its status, never the key. Not saved with the setup. The key the
 * admin types goes to main with one action and is not kept here.
 */
export interface SecretsSlice {
  keyStatus: ProfileKeyStatus | null
  /** Null while the open profile's status is being fetched (or no profile is open). */
  setKeyStatus(status: ProfileKeyStatus | null): void
  /** Asks main for the open profile's key status; a status that arrives after another profile was opened is dropped. Never throws. */
  refreshKeyStatus(): Promise<void>
  /** Stores the key in the OS keychain. Throws the reason (a 'keychain-unavailable' code means it can be kept for the session). */
  storeApiKey(apiKey: string): Promise<void>
  /** Keeps the key in main's memory until the app closes (when there is no keychain). */
  keepApiKeyForSession(apiKey: string): Promise<void>
  deleteApiKey(): Promise<void>
  /** Puts the stored key on the clipboard (main clears it again); resolves with the seconds until then. */
  copyApiKeyToClipboard(): Promise<number>
}

export const createSecretsSlice: StateCreator<WizardStore, [], [], SecretsSlice> = (set, get) => {
  const request = requestFor(get)
  /** Sets the status main answered with, if it is still about the open profile. */
  const forOpenProfile = async (status: Promise<ProfileKeyStatus>) => {
    const profileId = get().openProfile?.id
    const answer = await status
    if (get().openProfile?.id === profileId) set({ keyStatus: answer })
  }
  return {
    keyStatus: null,
    setKeyStatus: (keyStatus) => set({ keyStatus }),
    refreshKeyStatus: () => forOpenProfile(request('apiKey.status', {})).catch(() => undefined),
    storeApiKey: (apiKey) => forOpenProfile(request('apiKey.store', { apiKey })),
    keepApiKeyForSession: (apiKey) => forOpenProfile(request('apiKey.keepForSession', { apiKey })),
    deleteApiKey: () => forOpenProfile(request('apiKey.delete', {})),
    copyApiKeyToClipboard: async () => (await request('apiKey.copyToClipboard', {})).clearsAfterSeconds,
  }
}
