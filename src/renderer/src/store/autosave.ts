import { call } from '../api/client'
import { snapshotOf } from './persistenceSlice'
import { useWizard } from './wizardStore'

const DEBOUNCE_MS = 250

/**
 * Sends the setup to main shortly after each change; main writes it atomically.
 * The indicator says "Saving…" from the moment a change is pending, so "All changes saved" is never stale.
 */
export function startAutosave(): () => void {
  let lastSaved = JSON.stringify(snapshotOf(useWizard.getState()))
  let timer: ReturnType<typeof setTimeout> | undefined

  const save = async () => {
    clearTimeout(timer)
    const snapshot = snapshotOf(useWizard.getState())
    const serialized = JSON.stringify(snapshot)
    if (serialized === lastSaved) return
    try {
      const { savedAt } = await call('setup.save', { state: snapshot })
      lastSaved = serialized
      // A newer change may have arrived while this one was being written; it has its own timer.
      if (JSON.stringify(snapshotOf(useWizard.getState())) === serialized) {
        useWizard.getState().setSaveStatus({ kind: 'saved', at: savedAt })
      }
    } catch (error) {
      useWizard.getState().setSaveStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
    }
  }

  useWizard.setState({ retrySave: () => void save() })
  const unsubscribe = useWizard.subscribe((state) => {
    if (!state.hydrated || JSON.stringify(snapshotOf(state)) === lastSaved) return
    if (state.saveStatus.kind !== 'saving') state.setSaveStatus({ kind: 'saving' })
    clearTimeout(timer)
    timer = setTimeout(() => void save(), DEBOUNCE_MS)
  })
  // Closing or reloading the window: write what is pending now rather than after the debounce.
  const flush = () => void save()
  window.addEventListener('pagehide', flush)
  return () => {
    clearTimeout(timer)
    unsubscribe()
    window.removeEventListener('pagehide', flush)
  }
}
