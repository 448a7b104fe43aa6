import type { StateCreator } from 'zustand'
import { errorMessage } from '../../../shared/errorMessage'
import type { ProfileFileProblem, ProfileList, ProfileSummary } from '../../../shared/profile'
import { requestFor } from './request'
import type { WizardStore } from './wizardStore'

export type ProfileListState = { kind: 'loading' } | { kind: 'loaded'; list: ProfileList } | { kind: 'error'; message: string }

type Named = Pick<ProfileSummary, 'id' | 'name'>

/** The profile list and what the admin does on it. Each action throws the reason (for the form it came from) when main refuses. */
export interface ProfileListSlice {
  profileList: ProfileListState
  /** The last thing done on the list ("Deleted …", "Imported …"), announced to screen readers. */
  listStatus: string
  /** Problems the admin dismissed this session (main reports them with every list until the app restarts). */
  dismissedProblems: string[]
  setListStatus(message: string): void
  dismissProblem(problem: ProfileFileProblem): void
  /** Reloads the profile list (progress, names, problems); a failure is shown on the list with a way to try again. */
  refreshProfiles(): Promise<void>
  /** Creates a profile with this name and opens it in the wizard. */
  createProfile(name: string): Promise<void>
  renameProfile(profile: Named, name: string): Promise<ProfileSummary>
  duplicateProfile(profile: Named): Promise<void>
  /** Deletes the profile and its API key. */
  deleteProfile(profile: Named): Promise<void>
}

/** How a problem is recognised again in the next list: the same file with the same message. */
export const problemKey = (problem: ProfileFileProblem): string => `${problem.file}\n${problem.message}`

export const createProfileListSlice: StateCreator<WizardStore, [], [], ProfileListSlice> = (set, get) => {
  const request = requestFor(get)
  /** Says what was done, then shows the list as it is now. */
  const done = (message: string) => {
    set({ listStatus: message })
    return get().refreshProfiles()
  }
  return {
    profileList: { kind: 'loading' },
    listStatus: '',
    dismissedProblems: [],
    setListStatus: (listStatus) => set({ listStatus }),
    dismissProblem: (problem) => set((state) => ({ dismissedProblems: [...state.dismissedProblems, problemKey(problem)] })),

    async refreshProfiles() {
      try {
        set({ profileList: { kind: 'loaded', list: await request('profiles.list', {}) } })
      } catch (error) {
        set({ profileList: { kind: 'error', message: errorMessage(error) } })
      }
    },

    async createProfile(name) {
      const created = await request('profiles.create', { name })
      await get().openProfileInWizard(created.id)
    },

    async renameProfile(profile, name) {
      const renamed = await request('profiles.rename', { id: profile.id, name })
      void done(`Renamed “${profile.name}” to “${renamed.name}”.`)
      return renamed
    },

    async duplicateProfile(profile) {
      const copy = await request('profiles.duplicate', { id: profile.id })
      await done(`Duplicated “${profile.name}” as “${copy.name}” (without its API key).`)
    },

    async deleteProfile(profile) {
      await request('profiles.delete', { id: profile.id })
      void done(`Deleted “${profile.name}” and its API key.`)
    },
  }
}
