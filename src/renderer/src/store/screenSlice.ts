import type { StateCreator } from 'zustand'
import type { WizardStore } from './wizardStore'

/** Which screen the window shows: the profile list (where the app opens), a profile's wizard, or a profile's report. */
export type Screen = { kind: 'profiles' } | { kind: 'wizard' } | { kind: 'report'; profileId: string; returnTo: 'profiles' | 'wizard' }

/** The profile the wizard works on (main keeps it open too). */
export interface OpenProfileInfo {
  id: string
  name: string
  notes: string
}

export interface ScreenSlice {
  screen: Screen
  openProfile: OpenProfileInfo | null
  showScreen(screen: Screen): void
  setOpenProfile(profile: OpenProfileInfo | null): void
  /** The open profile's notes as typed; autosave writes them. */
  setNotes(notes: string): void
}

export const createScreenSlice: StateCreator<WizardStore, [], [], ScreenSlice> = (set) => ({
  screen: { kind: 'profiles' },
  openProfile: null,
  showScreen: (screen) => set({ screen }),
  setOpenProfile: (openProfile) => set({ openProfile }),
  setNotes: (notes) => set((state) => (state.openProfile ? { openProfile: { ...state.openProfile, notes } } : {})),
})
