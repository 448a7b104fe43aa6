import { call } from '../api/client'
import { STEPS } from '../steps/stepList'
import { startAutosave } from '../store/autosave'
import type { AutosaveSession } from '../store/autosaveSession'
import { restoreSetup } from '../store/restore'
import { useWizard } from '../store/wizardStore'
import { askToConfirm } from '../components/ui/askToConfirm'

const STEP_IDS = STEPS.map((step) => step.id)

/** The open profile's autosave; null while the profile list is on screen. */
let autosave: AutosaveSession | null = null

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** Reloads the profile list (progress, names, problems); a failure is shown on the list with a way to try again. */
export async function refreshProfiles(): Promise<void> {
  try {
    useWizard.getState().setProfileList({ kind: 'loaded', list: await call('profiles.list', {}) })
  } catch (error) {
    useWizard.getState().setProfileList({ kind: 'error', message: messageOf(error) })
  }
}

/**
 * Opens a profile in the wizard: main makes it THE open profile (saves, API key and checks act on it), the wizard
 * shows its setup, and autosave starts for it alone. Throws the reason when main could not open it.
 */
export async function openProfile(id: string): Promise<void> {
  if (!(await closeProfile())) return
  const opened = await call('profiles.open', { id })
  const store = useWizard.getState()
  // The open profile changes first, so nothing of the previous one can be saved into this one.
  store.setOpenProfile({ id: opened.id, name: opened.name, notes: opened.notes })
  store.setImportFlow({ kind: 'idle' })
  store.setKeyStatus(null)
  store.hydrate(restoreSetup(opened.state, STEP_IDS))
  store.setSaveStatus({ kind: 'idle' })
  autosave = startAutosave(opened.id)
  // Only the key's status (stored, last 4, where) ever reaches the renderer. The wizard waits for it, so what was done
  // with the key never shows as out of date for a moment; briefly, since a keychain asking to be unlocked must not
  // keep the profile from opening (its status then arrives later).
  const keyStatus = call('apiKey.status', {})
    .then((status) => {
      if (useWizard.getState().openProfile?.id === opened.id) useWizard.getState().setKeyStatus(status)
    })
    .catch(() => undefined)
  await Promise.race([keyStatus, new Promise((resolve) => setTimeout(resolve, KEY_STATUS_WAIT_MS))])
  store.showScreen({ kind: 'wizard' })
}

/** How long opening a profile waits for its key's status before showing the wizard anyway. */
const KEY_STATUS_WAIT_MS = 2000

/** Writes the open profile's pending change now; false when it could not be saved (the save indicator says why). */
export async function saveOpenProfile(): Promise<boolean> {
  if (!autosave) return true
  await autosave.flush()
  return useWizard.getState().saveStatus.kind !== 'error'
}

/**
 * Saves and closes the open profile (if any). When the last change could not be saved the admin chooses whether to
 * leave anyway; false means the profile stays open.
 */
export async function closeProfile(): Promise<boolean> {
  if (!autosave) return true
  if (!(await saveOpenProfile())) {
    const status = useWizard.getState().saveStatus
    const why = status.kind === 'error' ? status.message : ''
    const leave = await askToConfirm({
      title: 'Leave without your latest changes?',
      body: `Your latest changes to this profile could not be saved. ${why}`,
      confirmLabel: 'Leave and lose them',
      cancelLabel: 'Stay in the profile',
      tone: 'danger',
    })
    if (!leave) return false
  }
  autosave.stop()
  autosave = null
  const store = useWizard.getState()
  store.setOpenProfile(null)
  store.setKeyStatus(null)
  store.setSaveStatus({ kind: 'idle' })
  return true
}

/** Back to the profile list, with its progress bars current. False when the admin chose to stay in the profile. */
export async function showProfileList(): Promise<boolean> {
  if (!(await closeProfile())) return false
  useWizard.getState().showScreen({ kind: 'profiles' })
  await refreshProfiles()
  return true
}

/** The setup report of a profile; from the wizard, the latest change is saved first so the report includes it. */
export async function showReport(profileId: string): Promise<void> {
  const from = useWizard.getState().screen.kind === 'wizard' ? 'wizard' : 'profiles'
  if (from === 'wizard') await saveOpenProfile()
  useWizard.getState().showScreen({ kind: 'report', profileId, returnTo: from })
}

/** Leaves the report for where it was opened from. */
export async function closeReport(): Promise<void> {
  const screen = useWizard.getState().screen
  if (screen.kind === 'report' && screen.returnTo === 'wizard' && useWizard.getState().openProfile) {
    useWizard.getState().showScreen({ kind: 'wizard' })
    return
  }
  await showProfileList()
}
