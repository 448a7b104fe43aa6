import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Api } from '../../src/shared/contract'
import { ERROR_CODES, type Envelope } from '../../src/shared/envelope'
import { apiFrom } from '../../src/shared/methods'
import { newSetup } from '../../src/shared/newSetup'
import { failureAction, failureOf } from '../../src/renderer/src/store/failures'
import { useWizard } from '../../src/renderer/src/store/wizardStore'

/** What main answers, method by method, in each test; every call is recorded. */
let answer: (method: string, input: unknown) => Envelope<unknown> | Promise<Envelope<unknown>>
const calls: string[] = []
const api: Api = apiFrom(
  async (method, input) => {
    calls.push(method)
    return answer(method, input)
  },
  () => () => undefined,
)
vi.stubGlobal('window', { api, addEventListener: () => undefined, removeEventListener: () => undefined })

const initial = useWizard.getState()
const A = '0b8f7a0e-6f39-4c1a-9d0e-3f5a2b7c9d11'
const B = '5e2c1d3b-8a47-4f6e-b0c9-1d2e3f4a5b6c'
const EMPTY_LIST = { ok: true, value: { profiles: [], problems: [] } } as const
const NOT_STORED = { ok: true, value: { stored: false, last4: null, backend: 'keychain' } } as const
const opened = (id: string) => ({ ok: true, value: { id, name: `Profile ${id.slice(0, 4)}`, notes: '', state: newSetup() } }) as const
const gone = (code: 'profile-not-found' | 'no-open-profile', message: string) => ({ ok: false, error: { code, message } }) as const

beforeEach(() => {
  useWizard.setState(initial, true)
  calls.length = 0
  answer = (method) => {
    if (method === 'profiles.list') return EMPTY_LIST
    if (method === 'apiKey.status') return NOT_STORED
    if (method === 'profiles.open') return opened(A)
    return { ok: true, value: { savedAt: '2026-12-06T10:00:00.000Z' } }
  }
})

describe('the profile lifecycle in the store', () => {
  it('opens a profile in one go: the lifecycle is open, the wizard shows its setup and its key status', async () => {
    await useWizard.getState().openProfileInWizard(A)
    const state = useWizard.getState()
    expect(state.lifecycle).toEqual({ kind: 'open', profileId: A })
    expect(state.openProfile?.id).toBe(A)
    expect(state.hydrated).toBe(true)
    expect(state.keyStatus).toEqual(NOT_STORED.value)
    expect(state.screen).toEqual({ kind: 'wizard' })
    expect(state.autosave).not.toBeNull()
  })

  it('refuses to open a second profile while the first is still opening', async () => {
    let release!: () => void
    answer = (method, input) => {
      if (method === 'profiles.open') return new Promise((resolve) => (release = () => resolve(opened((input as { id: string }).id))))
      return method === 'apiKey.status' ? NOT_STORED : EMPTY_LIST
    }
    const first = useWizard.getState().openProfileInWizard(A)
    await vi.waitFor(() => expect(useWizard.getState().lifecycle).toEqual({ kind: 'opening', profileId: A }))
    await useWizard.getState().openProfileInWizard(B)
    expect(calls.filter((method) => method === 'profiles.open')).toHaveLength(1)
    release()
    await first
    expect(useWizard.getState().openProfile?.id).toBe(A)
  })

  it('closes the open profile before opening another, so nothing of one is saved into the other', async () => {
    await useWizard.getState().openProfileInWizard(A)
    const firstAutosave = useWizard.getState().autosave
    answer = (method) => (method === 'profiles.open' ? opened(B) : method === 'apiKey.status' ? NOT_STORED : EMPTY_LIST)
    await useWizard.getState().openProfileInWizard(B)
    expect(useWizard.getState().lifecycle).toEqual({ kind: 'open', profileId: B })
    expect(useWizard.getState().autosave).not.toBe(firstAutosave)
  })

  it('records why a profile could not be opened, and the list can open another', async () => {
    answer = (method) => (method === 'profiles.open' ? { ok: false, error: { code: 'failed', message: 'The disk is full.' } } : EMPTY_LIST)
    await expect(useWizard.getState().openProfileInWizard(A)).rejects.toThrow('The disk is full.')
    expect(useWizard.getState().lifecycle).toEqual({ kind: 'failed', profileId: A, message: 'The disk is full.' })
    answer = (method) => (method === 'profiles.open' ? opened(B) : method === 'apiKey.status' ? NOT_STORED : EMPTY_LIST)
    await useWizard.getState().openProfileInWizard(B)
    expect(useWizard.getState().lifecycle).toEqual({ kind: 'open', profileId: B })
  })
})

describe('error codes turn into what the window does, without asking main again', () => {
  it('maps each code to one action (store/failures.ts)', () => {
    expect(Object.fromEntries(ERROR_CODES.map((code) => [code, failureAction(code)]))).toEqual({
      'invalid-input': { kind: 'show' },
      'untrusted-sender': { kind: 'show' },
      'unknown-method': { kind: 'show' },
      'keychain-unavailable': { kind: 'offer-session-key' },
      'keychain-locked': { kind: 'show' },
      'no-api-key': { kind: 'go-to-step', stepId: 'store-api-key', label: 'Go to “Store the API key”' },
      'profile-not-found': { kind: 'leave-profile' },
      'no-open-profile': { kind: 'leave-profile' },
      failed: { kind: 'show' },
    })
  })

  it('profile-not-found while the profile is open: back to the list, refreshed, saying why', async () => {
    await useWizard.getState().openProfileInWizard(A)
    calls.length = 0
    answer = (method) =>
      method === 'apiKey.copyToClipboard' ? gone('profile-not-found', 'This profile no longer exists; it may have been deleted.') : EMPTY_LIST
    await expect(useWizard.getState().copyApiKeyToClipboard()).rejects.toThrow('This profile no longer exists')
    const state = useWizard.getState()
    expect(state.lifecycle).toEqual({ kind: 'closed' })
    expect(state.openProfile).toBeNull()
    expect(state.screen).toEqual({ kind: 'profiles' })
    expect(state.listStatus).toBe('This profile no longer exists; it may have been deleted.')
    expect(calls).toEqual(['apiKey.copyToClipboard', 'profiles.list'])
  })

  it('profile-not-found while autosaving: back to the list, saying why', async () => {
    await useWizard.getState().openProfileInWizard(A)
    answer = (method) => (method === 'setup.save' ? gone('profile-not-found', 'This profile no longer exists.') : EMPTY_LIST)
    useWizard.getState().goTo('store-api-key')
    await vi.waitFor(() => expect(useWizard.getState().screen).toEqual({ kind: 'profiles' }))
    expect(useWizard.getState().lifecycle).toEqual({ kind: 'closed' })
    expect(useWizard.getState().listStatus).toBe('This profile no longer exists.')
  })

  it('profile-not-found for the report of the open profile: the report says why, and Back leads to the list', async () => {
    await useWizard.getState().openProfileInWizard(A)
    await useWizard.getState().showReport(A)
    answer = (method) => (method === 'report.build' ? gone('profile-not-found', 'This profile no longer exists.') : EMPTY_LIST)
    await expect(useWizard.getState().buildReport(A)).rejects.toThrow('This profile no longer exists.')
    expect(useWizard.getState().screen).toEqual({ kind: 'report', profileId: A, returnTo: 'wizard' })
    expect(useWizard.getState().lifecycle).toEqual({ kind: 'closed' })
    await useWizard.getState().closeReport()
    expect(useWizard.getState().screen).toEqual({ kind: 'profiles' })
  })

  it('profile-not-found on the list (deleted elsewhere): the list is refreshed and says why', async () => {
    answer = (method) => (method === 'profiles.rename' ? gone('profile-not-found', 'This profile no longer exists.') : EMPTY_LIST)
    await expect(useWizard.getState().renameProfile({ id: A, name: 'Acme' }, 'Acme Corp')).rejects.toThrow()
    expect(useWizard.getState().listStatus).toBe('This profile no longer exists.')
    expect(calls).toEqual(['profiles.rename', 'profiles.list'])
  })

  it('keychain-unavailable when storing the key: the failure offers the session-only key, and the status is not asked for again', async () => {
    await useWizard.getState().openProfileInWizard(A)
    calls.length = 0
    answer = () => ({ ok: false, error: { code: 'keychain-unavailable', message: 'The API key could not be saved in the system keychain because …' } })
    const error = await useWizard
      .getState()
      .storeApiKey('dpk-test')
      .catch((thrown: unknown) => thrown)
    expect(failureOf(error)).toMatchObject({ code: 'keychain-unavailable', action: { kind: 'offer-session-key' } })
    expect(calls).toEqual(['apiKey.store'])
    expect(useWizard.getState().lifecycle.kind).toBe('open')
  })

  it('a code the window does not know reads as failed, so its message is still shown', async () => {
    answer = () => ({ ok: false, error: { code: 'from-a-newer-app', message: 'Something new went wrong.' } }) as unknown as Envelope<unknown>
    const error = await useWizard
      .getState()
      .copyValue('x')
      .catch((thrown: unknown) => thrown)
    expect(failureOf(error)).toEqual({ code: 'failed', message: 'Something new went wrong.', action: { kind: 'show' } })
  })
})
