import { SAVE_BEFORE_CLOSE_HOOK } from '../../../shared/saveBeforeClose'
import type { SetupState } from '../../../shared/setupState'
import { snapshotOf } from './persistenceSlice'
import type { WizardStore } from './wizardStore'
import { errorMessage } from '../../../shared/errorMessage'

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
  /** Writes the open profile's notes (main's 'profiles.setNotes'); without it notes are not watched. */
  saveNotes?(notes: string): Promise<{ savedAt: string }>
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

const notesOf = (state: WizardStore) => state.openProfile?.notes ?? ''

/**
 * Sends the setup (and the profile's notes) to main shortly after each change; main writes them atomically into the
 * open profile. Saves go one at a time in order, so the last state the admin produced is the one on disk, and a
 * profile's state is never sent after another profile was opened. The indicator says "Saving…" from the moment a
 * change is pending, so "All changes saved" is never stale.
 */
export function startAutosaveSession({ store, profileId, save, saveNotes, debounceMs = AUTOSAVE_DEBOUNCE_MS }: AutosaveOptions): AutosaveSession {
  let lastSaved = JSON.stringify(snapshotOf(store.getState()))
  let lastSavedNotes = notesOf(store.getState())
  let lastSavedAt: string | null = null
  // What is saved, as last seen: changes to anything else (the save status itself) must not trigger a save.
  const seen = (state: WizardStore) => `${JSON.stringify(snapshotOf(state))}\n${saveNotes ? notesOf(state) : ''}`
  let lastSeen = seen(store.getState())
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  let queue: Promise<void> = Promise.resolve()

  const belongsHere = () => !stopped && store.getState().openProfile?.id === profileId

  const saveNow = async () => {
    clearTimeout(timer)
    if (!belongsHere()) return
    const state = store.getState()
    const snapshot = snapshotOf(state)
    const serialized = JSON.stringify(snapshot)
    const notes = notesOf(state)
    const setupChanged = serialized !== lastSaved
    const notesChanged = saveNotes !== undefined && notes !== lastSavedNotes
    if (!setupChanged && !notesChanged) {
      // Changed and changed back before the save: what is on disk is current after all.
      if (state.saveStatus.kind === 'saving') state.setSaveStatus(lastSavedAt ? { kind: 'saved', at: lastSavedAt } : { kind: 'idle' })
      return
    }
    try {
      // Both requests leave at once: when the window is closing, only requests already started still go out.
      const [setupSaved, notesSaved] = await Promise.all([setupChanged ? save(snapshot) : null, notesChanged && saveNotes ? saveNotes(notes) : null])
      if (setupSaved) lastSaved = serialized
      if (notesSaved) lastSavedNotes = notes
      lastSavedAt = [setupSaved?.savedAt, notesSaved?.savedAt, lastSavedAt].filter((at): at is string => typeof at === 'string').sort().pop() ?? null
      // A newer change may have arrived while this one was being written; it has its own timer.
      if (belongsHere() && lastSavedAt && seen(store.getState()) === `${serialized}\n${saveNotes ? notes : ''}`) {
        store.getState().setSaveStatus({ kind: 'saved', at: lastSavedAt })
      }
    } catch (error) {
      if (belongsHere()) store.getState().setSaveStatus({ kind: 'error', message: errorMessage(error) })
    }
  }
  const enqueue = () => {
    queue = queue.then(saveNow)
    return queue
  }

  store.setState({ retrySave: () => void enqueue() })
  const unsubscribe = store.subscribe((state) => {
    if (!belongsHere() || !state.hydrated) return
    const serialized = seen(state)
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

/**
 * Lets main save the open profile before it closes the window (shared/saveBeforeClose.ts): the hook writes any
 * pending change and resolves once every save has finished. Returns the function that takes it away again.
 */
export function exposeSaveBeforeClose(session: Pick<AutosaveSession, 'flush'>, target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
  const hook = async () => {
    await session.flush()
  }
  target[SAVE_BEFORE_CLOSE_HOOK] = hook
  return () => {
    if (target[SAVE_BEFORE_CLOSE_HOOK] === hook) delete target[SAVE_BEFORE_CLOSE_HOOK]
  }
}
