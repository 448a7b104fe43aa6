import { type AutosaveSession, exposeSaveBeforeClose, startAutosaveSession } from './autosaveSession'
import { requestFor } from './request'
import { useWizard } from './wizardStore'

/**
 * Starts saving the open profile's setup and notes as the admin works. Closing or reloading the window writes what is pending
 * right away rather than after the debounce. A profile found gone while saving takes the admin back to the list (request.ts).
 */
export function startAutosave(profileId: string): AutosaveSession {
  const call = requestFor(useWizard.getState)
  const session = startAutosaveSession({
    store: useWizard,
    profileId,
    save: (state) => call('setup.save', { state }),
    saveNotes: async (notes) => ({ savedAt: (await call('profiles.setNotes', { id: profileId, notes })).modifiedAt }),
  })
  // Closing the desktop app's window waits for this; a reload (or the browser preview) sends what is pending at once.
  const unexpose = exposeSaveBeforeClose(session)
  const flush = () => session.sendNow()
  window.addEventListener('pagehide', flush)
  return {
    ...session,
    stop: () => {
      window.removeEventListener('pagehide', flush)
      unexpose()
      session.stop()
    },
  }
}
