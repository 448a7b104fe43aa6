import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SetupState } from '../../src/shared/setupState'
import { type AutosaveSession, exposeSaveBeforeClose, startAutosaveSession } from '../../src/renderer/src/store/autosaveSession'
import { SAVE_BEFORE_CLOSE_HOOK } from '../../src/shared/saveBeforeClose'
import { useWizard } from '../../src/renderer/src/store/wizardStore'
import { SAMPLE_SETUP } from '../support/sampleSetup'

const ACME = '11111111-1111-4111-8111-111111111111'
const GLOBEX = '22222222-2222-4222-8222-222222222222'
const DEBOUNCE_MS = 250

/** What main's 'setup.save' received, in order, with the profile open in main at the time. */
interface Saved {
  profileId: string
  state: SetupState
}

const initial = useWizard.getState()
let saved: Saved[]
let sessions: AutosaveSession[]

/** Opens a profile as the app does: the open profile changes first, then its setup is loaded, then autosave starts. */
function open(profileId: string, setup: SetupState, save = saveInto(profileId)): AutosaveSession {
  useWizard.getState().setOpenProfile({ id: profileId, name: profileId, notes: '' })
  useWizard.getState().hydrate(setup)
  const session = startAutosaveSession({ store: useWizard, profileId, save, debounceMs: DEBOUNCE_MS })
  sessions.push(session)
  return session
}

function saveInto(profileId: string, delayMs = 0) {
  return async (state: SetupState) => {
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs))
    saved.push({ profileId, state })
    return { savedAt: `2026-11-22T10:00:0${saved.length}.000Z` }
  }
}

/** Opens ACME with its notes watched too; every write (setup or notes) takes `delayMs`. Returns the notes written. */
function openWithNotes(delayMs: number): { notes: string[]; session: AutosaveSession } {
  const notes: string[] = []
  useWizard.getState().setOpenProfile({ id: ACME, name: ACME, notes: '' })
  useWizard.getState().hydrate(SAMPLE_SETUP)
  const session = startAutosaveSession({
    store: useWizard,
    profileId: ACME,
    save: saveInto(ACME, delayMs),
    saveNotes: async (text) => {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs))
      notes.push(text)
      return { savedAt: '2026-11-22T10:00:05.000Z' }
    },
    debounceMs: DEBOUNCE_MS,
  })
  sessions.push(session)
  return { notes, session }
}

beforeEach(() => {
  vi.useFakeTimers()
  useWizard.setState(initial, true)
  saved = []
  sessions = []
})
afterEach(() => {
  for (const session of sessions) session.stop()
  vi.useRealTimers()
})

describe('autosave of the open profile', () => {
  it('writes the latest state once the admin pauses, and says so', async () => {
    open(ACME, SAMPLE_SETUP)
    useWizard.getState().setDomainInput('acme')
    useWizard.getState().setDomainInput('acme.com')
    expect(useWizard.getState().saveStatus).toEqual({ kind: 'saving' })
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS)
    expect(saved).toHaveLength(1)
    expect(saved[0].state.domainInput).toBe('acme.com')
    expect(useWizard.getState().saveStatus).toEqual({ kind: 'saved', at: '2026-11-22T10:00:01.000Z' })
  })

  it('saves nothing right after opening a profile, since nothing changed', async () => {
    open(ACME, SAMPLE_SETUP)
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 4)
    expect(saved).toEqual([])
    expect(useWizard.getState().saveStatus).toEqual({ kind: 'idle' })
  })

  it('never writes one profile’s setup into another after switching, even with a change still pending', async () => {
    const acme = open(ACME, SAMPLE_SETUP)
    useWizard.getState().setChecked('prerequisites.test-user', true)
    // Switching without stopping first (the guard by profile id holds on its own).
    open(GLOBEX, { ...SAMPLE_SETUP, domainInput: 'globex.com' })
    useWizard.getState().setDomainInput('globex.net')
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS)
    expect(saved).toEqual([expect.objectContaining({ profileId: GLOBEX })])
    expect(saved[0].state.domainInput).toBe('globex.net')
    await acme.flush()
    expect(saved).toHaveLength(1)
  })

  it('flush writes the pending change at once and waits for every save started before it', async () => {
    const session = open(ACME, SAMPLE_SETUP, saveInto(ACME, 100))
    useWizard.getState().setDomainInput('first.example')
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS)
    // The first save is in flight; a second change arrives before it finishes.
    useWizard.getState().setDomainInput('second.example')
    let flushed = false
    const flushing = session.flush().then(() => (flushed = true))
    await vi.advanceTimersByTimeAsync(99)
    expect(flushed).toBe(false)
    await vi.advanceTimersByTimeAsync(200)
    await flushing
    expect(saved.map((entry) => entry.state.domainInput)).toEqual(['first.example', 'second.example'])
    expect(useWizard.getState().saveStatus.kind).toBe('saved')
  })

  it('after stop, a change is never sent', async () => {
    const session = open(ACME, SAMPLE_SETUP)
    useWizard.getState().setDomainInput('pending.example')
    session.stop()
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 4)
    await session.flush()
    expect(saved).toEqual([])
  })

  it('a failed save shows why, and "Try again" sends it again', async () => {
    let fail = true
    open(ACME, SAMPLE_SETUP, async (state) => {
      if (fail) throw new Error('The profile “Acme” could not be saved (ENOSPC). Check there is free disk space.')
      saved.push({ profileId: ACME, state })
      return { savedAt: '2026-11-22T10:00:09.000Z' }
    })
    useWizard.getState().setDomainInput('acme.com')
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS)
    expect(useWizard.getState().saveStatus).toEqual({ kind: 'error', message: expect.stringContaining('ENOSPC') })
    fail = false
    useWizard.getState().retrySave()
    await vi.advanceTimersByTimeAsync(0)
    expect(saved).toHaveLength(1)
    expect(useWizard.getState().saveStatus).toEqual({ kind: 'saved', at: '2026-11-22T10:00:09.000Z' })
  })

  it('a change undone before the save leaves the indicator on the last save, not stuck on "Saving…"', async () => {
    open(ACME, SAMPLE_SETUP)
    useWizard.getState().setDomainInput('acme.com')
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS)
    useWizard.getState().setDomainInput('acme.co')
    useWizard.getState().setDomainInput('acme.com')
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS)
    expect(saved).toHaveLength(1)
    expect(useWizard.getState().saveStatus).toEqual({ kind: 'saved', at: '2026-11-22T10:00:01.000Z' })
  })

  it('saves the profile’s notes too, debounced, and at once on flush (leaving the profile)', async () => {
    const { notes, session } = openWithNotes(0)
    useWizard.getState().setNotes('Ticket 4')
    useWizard.getState().setNotes('Ticket 47')
    expect(useWizard.getState().saveStatus).toEqual({ kind: 'saving' })
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS)
    expect(notes).toEqual(['Ticket 47'])
    expect(saved).toEqual([])
    expect(useWizard.getState().saveStatus).toEqual({ kind: 'saved', at: '2026-11-22T10:00:05.000Z' })

    // Typed, then the admin leaves at once: flush sends it without waiting for the pause.
    useWizard.getState().setNotes('Ticket 4711, call back Friday')
    useWizard.getState().setDomainInput('acme.com')
    await session.flush()
    expect(notes).toEqual(['Ticket 47', 'Ticket 4711, call back Friday'])
    expect(saved.map((entry) => entry.state.domainInput)).toEqual(['acme.com'])
  })

  it('lets main save before it closes the window: the hook resolves once the notes and setup typed just now are written', async () => {
    // Each write takes 40 ms, as a slow disk would.
    const { notes, session } = openWithNotes(40)
    const page: Record<string, unknown> = {}
    const unexpose = exposeSaveBeforeClose(session, page)
    const hook = page[SAVE_BEFORE_CLOSE_HOOK] as () => Promise<void>

    useWizard.getState().setNotes('Ticket 4711')
    useWizard.getState().setDomainInput('acme.com')
    let done = false
    const closing = hook().then(() => (done = true))
    await vi.advanceTimersByTimeAsync(39)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await closing
    // Written before the debounce would have sent them, and only then does main close the window.
    expect(notes).toEqual(['Ticket 4711'])
    expect(saved.map((entry) => entry.state.domainInput)).toEqual(['acme.com'])

    // Leaving the profile takes the hook away: closing the window then waits for nothing.
    unexpose()
    expect(page).not.toHaveProperty(SAVE_BEFORE_CLOSE_HOOK)
  })
})
