import type { SetupState } from '../../../shared/setupState'
import { snapshotOf } from './persistenceSlice'
import type { WizardStore } from './wizardStore'

export const AUTOSAVE_DEBOUNCE_MS = 250

/** The parts of the zustand store autosave uses (the store itself in the app, a fresh one in tests). */
export interface AutosaveStore {
  getState(): WizardStore
  setState(partial: Partial<WizardStore>): void
  subscribe(listener: (state: WizardStore) => void): () => void
}

export interface AutosaveOptions {
  store: AutosaveStore
  /** The profile whose setup this session saves; nothing is sent once another profile (or none) is open. */
  profileId: string
  /** Writes the setup to the open profile (main's 'setup.save'); resolves with the time it was written. */
  save(state: SetupState): Promise<{ savedAt: string }>
  debounceMs?: number
}

/** One open profile's autosave. */
export interface AutosaveSession {
  /** Writes any pending change now and waits until every save started so far has finished. */
  flush(): Promise<void>
  /**
   * Sends any pending change at once, without waiting for a save in flight: the window is closing or reloading and
   * only a request started now still goes out.
   */
  sendNow(): void
  /** Stops listening; a change made after this is never sent. */
  stop(): void
}

/**
 * Sends the setup to main shortly after each change; main writes it atomically into the open profile.
 * Saves go one at a time in order, so the last state the admin produced is the one on disk, and a profile's state is
 * never sent after another profile was opened. The indicator says "Saving…" from the moment a change is pending, so
 * "All changes saved" is never stale.
 */
export function startAutosaveSession({ store, profileId, save, debounceMs = AUTOSAVE_DEBOUNCE_MS }: AutosaveOptions): AutosaveSession {
  let lastSaved = JSON.stringify(snapshotOf(store.getState()))
  let lastSavedAt: string | null = null
  // The setup as last seen: changes to anything else (the save status itself) must not trigger a save.
  let lastSeen = lastSaved
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  let queue: Promise<void> = Promise.resolve()

  const belongsHere = () => !stopped && store.getState().openProfile?.id === profileId

  const saveNow = async () => {
    clearTimeout(timer)
    if (!belongsHere()) return
    const snapshot = snapshotOf(store.getState())
    const serialized = JSON.stringify(snapshot)
    if (serialized === lastSaved) {
      // Changed and changed back before the save: what is on disk is current after all.
      if (store.getState().saveStatus.kind === 'saving') store.getState().setSaveStatus(lastSavedAt ? { kind: 'saved', at: lastSavedAt } : { kind: 'idle' })
      return
    }
    try {
      const { savedAt } = await save(snapshot)
      lastSaved = serialized
      lastSavedAt = savedAt
      // A newer change may have arrived while this one was being written; it has its own timer.
      if (belongsHere() && JSON.stringify(snapshotOf(store.getState())) === serialized) {
        store.getState().setSaveStatus({ kind: 'saved', at: savedAt })
      }
    } catch (error) {
      if (belongsHere()) store.getState().setSaveStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
    }
  }
  const enqueue = () => {
    queue = queue.then(saveNow)
    return queue
  }

  store.setState({ retrySave: () => void enqueue() })
  const unsubscribe = store.subscribe((state) => {
    if (!belongsHere() || !state.hydrated) return
    const serialized = JSON.stringify(snapshotOf(state))
    if (serialized === lastSeen) return
    lastSeen = serialized
    if (state.saveStatus.kind !== 'saving') state.setSaveStatus({ kind: 'saving' })
    clearTimeout(timer)
    timer = setTimeout(() => void enqueue(), debounceMs)
  })

  return {
    flush: () => enqueue(),
    sendNow: () => void saveNow(),
    stop: () => {
      stopped = true
      clearTimeout(timer)
      unsubscribe()
      store.setState({ retrySave: () => undefined })
    },
  }
}
