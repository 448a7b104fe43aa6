import type { StateCreator } from 'zustand'
import type { ProfileFileProblem, ProfileList } from '../../../shared/profile'
import type { WizardStore } from './wizardStore'

export type ProfileListState = { kind: 'loading' } | { kind: 'loaded'; list: ProfileList } | { kind: 'error'; message: string }

export interface ProfileListSlice {
  profileList: ProfileListState
  /** The last thing done on the list ("Deleted …", "Imported …"), announced to screen readers. */
  listStatus: string
  /** Problems the admin dismissed this session (main reports them with every list until the app restarts). */
  dismissedProblems: string[]
  setProfileList(state: ProfileListState): void
  setListStatus(message: string): void
  dismissProblem(problem: ProfileFileProblem): void
}

/** How a problem is recognised again in the next list: the same file with the same message. */
export const problemKey = (problem: ProfileFileProblem): string => `${problem.file}\n${problem.message}`

export const createProfileListSlice: StateCreator<WizardStore, [], [], ProfileListSlice> = (set) => ({
  profileList: { kind: 'loading' },
  listStatus: '',
  dismissedProblems: [],
  setProfileList: (profileList) => set({ profileList }),
  setListStatus: (listStatus) => set({ listStatus }),
  dismissProblem: (problem) => set((state) => ({ dismissedProblems: [...state.dismissedProblems, problemKey(problem)] })),
})
