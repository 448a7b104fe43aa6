import type { StateCreator } from 'zustand'
import { errorMessage } from '../../../shared/errorMessage'
import { WIZARD_STEPS } from '../../../shared/wizard/steps'
import { askToConfirm } from '../components/ui/askToConfirm'
import { startAutosave } from './autosave'
import type { AutosaveSession } from './autosaveSession'
import { hydratedWith } from './persistenceSlice'
import { type LifecycleEvent, type ProfileLifecycle, nextLifecycle } from './profileLifecycle'
import { requestFor } from './request'
import { restoreSetup } from './restore'
import type { WizardStore } from './wizardStore'

const STEP_IDS = WIZARD_STEPS.map((step) => step.id)

/** How long opening a profile waits for its key's status before showing the wizard anyway. */
const KEY_STATUS_WAIT_MS = 2000

/**
 * The open profile's lifecycle (profileLifecycle.ts) and what the admin does with it: open one in the wizard, go back
 * to the list, see a report. Main keeps the same profile open (saves, the API key and checks act on it).
 */
export interface ProfileSessionSlice {
  lifecycle: ProfileLifecycle
  /** The open profile's autosave; null unless a profile is open or closing. */
  autosave: AutosaveSession | null
  /**
   * Opens a profile in the wizard (closing the open one first): main makes it THE open profile, the wizard shows its
   * setup, and autosave starts for it alone. Refused while another profile is on its way in or out; throws the reason
   * when main could not open it.
   */
  openProfileInWizard(profileId: string): Promise<void>
  /** Writes the open profile's pending change now; false when it could not be saved (the save indicator says why). */
  saveOpenProfile(): Promise<boolean>
  /**
   * Saves and closes the open profile (if any). When the last change could not be saved the admin chooses whether to
   * leave anyway; false means the profile stays open.
   */
  closeOpenProfile(): Promise<boolean>
  /** Back to the profile list, with its progress bars current. False when the admin chose to stay in the profile. */
  showProfileList(): Promise<boolean>
  /** The open profile is gone (store/failures.ts): closes it without asking (nothing can be saved) and shows why on the list. */
  leaveGoneProfile(message: string): Promise<void>
  /** The setup report of a profile; from the wizard, the latest change is saved first so the report includes it. */
  showReport(profileId: string): Promise<void>
  /** Leaves the report for where it was opened from. */
  closeReport(): Promise<void>
}

export const createProfileSessionSlice: StateCreator<WizardStore, [], [], ProfileSessionSlice> = (set, get) => {
  const request = requestFor(get)

  /** Takes one step of the lifecycle; false (and nothing changes) when the machine refuses it. */
  const step = (event: LifecycleEvent): boolean => {
    const next = nextLifecycle(get().lifecycle, event)
    if (next.ok) set({ lifecycle: next.state })
    return next.ok
  }

  /** Stops autosave and forgets the profile: the last step of closing. */
  const finishClosing = () => {
    get().autosave?.stop()
    set({ autosave: null, openProfile: null, keyStatus: null, saveStatus: { kind: 'idle' } })
    step({ type: 'closed' })
  }

  return {
    lifecycle: { kind: 'closed' },
    autosave: null,

    async openProfileInWizard(profileId) {
      if (!(await get().closeOpenProfile())) return
      if (!step({ type: 'open', profileId })) return
      let opened
      try {
        opened = await request('profiles.open', { id: profileId })
      } catch (error) {
        step({ type: 'open-failed', profileId, message: errorMessage(error) })
        throw error
      }
      // One change: the open profile, its setup and a fresh status, so nothing of the previous one is saved into this one.
      set({
        openProfile: { id: opened.id, name: opened.name, notes: opened.notes },
        importFlow: { kind: 'idle' },
        keyStatus: null,
        ...hydratedWith(restoreSetup(opened.state, STEP_IDS)),
        saveStatus: { kind: 'idle' },
      })
      set({ autosave: startAutosave(opened.id) })
      step({ type: 'opened', profileId: opened.id })
      // Only the key's status (stored, last 4, where) ever reaches the renderer. The wizard waits for it, so what was
      // done with the key never shows as out of date for a moment; briefly, since a keychain asking to be unlocked must
      // not keep the profile from opening (its status then arrives later).
      await Promise.race([get().refreshKeyStatus(), new Promise((resolve) => setTimeout(resolve, KEY_STATUS_WAIT_MS))])
      // The admin may have gone elsewhere while the status was on its way.
      const now = get().lifecycle
      if (now.kind === 'open' && now.profileId === opened.id) get().showScreen({ kind: 'wizard' })
    },

    async saveOpenProfile() {
      const autosave = get().autosave
      if (!autosave) return true
      await autosave.flush()
      return get().saveStatus.kind !== 'error'
    },

    async closeOpenProfile() {
      if (get().lifecycle.kind === 'closed' || get().lifecycle.kind === 'failed') return true
      if (!step({ type: 'close' })) return false
      if (!(await get().saveOpenProfile())) {
        const status = get().saveStatus
        const why = status.kind === 'error' ? status.message : ''
        const leave = await askToConfirm({
          title: 'Leave without your latest changes?',
          body: `Your latest changes to this profile could not be saved. ${why}`,
          confirmLabel: 'Leave and lose them',
          cancelLabel: 'Stay in the profile',
          tone: 'danger',
        })
        if (!leave) {
          step({ type: 'stayed' })
          return false
        }
      }
      finishClosing()
      return true
    },

    async showProfileList() {
      if (!(await get().closeOpenProfile())) return false
      get().showScreen({ kind: 'profiles' })
      await get().refreshProfiles()
      return true
    },

    async leaveGoneProfile(message) {
      if (get().lifecycle.kind === 'open') {
        step({ type: 'close' })
        finishClosing()
      }
      get().setListStatus(message)
      // While closing, the close under way ends on the list anyway; a report says why itself, and its Back leads there.
      if (get().lifecycle.kind === 'closing' || get().screen.kind === 'report') return
      get().showScreen({ kind: 'profiles' })
      await get().refreshProfiles()
    },

    async showReport(profileId) {
      const from = get().screen.kind === 'wizard' ? 'wizard' : 'profiles'
      if (from === 'wizard') await get().saveOpenProfile()
      get().showScreen({ kind: 'report', profileId, returnTo: from })
    },

    async closeReport() {
      const screen = get().screen
      if (screen.kind === 'report' && screen.returnTo === 'wizard' && get().openProfile) {
        get().showScreen({ kind: 'wizard' })
        return
      }
      await get().showProfileList()
    },
  }
}
