import { call } from '../api/client'
import { snapshotOf } from './persistenceSlice'
import { useWizard } from './wizardStore'

const DEBOUNCE_MS = 250

/** Sends the setup to main shortly after each change; main writes it atomically. */
export function startAutosave(): () => void {
  let lastSaved = JSON.stringify(snapshotOf(useWizard.getState()))
  let timer: ReturnType<typeof setTimeout> | undefined

  const save = async () => {
    const snapshot = snapshotOf(useWizard.getState())
    const serialized = JSON.stringify(snapshot)
    if (serialized === lastSaved) return
    useWizard.getState().setSaveStatus({ kind: 'saving' })
    try {
      const { savedAt } = await call('setup.save', { state: snapshot })
      lastSaved = serialized
      useWizard.getState().setSaveStatus({ kind: 'saved', at: savedAt })
    } catch (error) {
      useWizard.getState().setSaveStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
    }
  }

  const unsubscribe = useWizard.subscribe((state) => {
    if (!state.hydrated) return
    clearTimeout(timer)
    timer = setTimeout(() => void save(), DEBOUNCE_MS)
  })
  return () => {
    clearTimeout(timer)
    unsubscribe()
  }
}
