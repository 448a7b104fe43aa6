import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../src/core/dispatch'
import { createSecretStore } from '../../src/core/secrets/keychain'
import { createServices } from '../../src/core/services'
import type { Caller, Handlers, Method, MethodInput, MethodOutput } from '../../src/shared/contract'
import type { LiveCheckProgress } from '../../src/shared/liveCheck'
import { memoryKeytar } from '../support/memoryKeytar'
import { RecordingClipboard } from '../support/recordingClipboard'
import { type ScimServer, startScimServer } from '../support/scimServer'
import { useTempDirs } from '../support/tempDir'

/**
 * The store owns each live run: its actions start, follow (through the one 'liveCheck.progress' subscription) and
 * cancel checks, with the real core behind a stand-in for the window's api client, so no panel has to stay mounted.
 */

const core = vi.hoisted(() => ({
  handlers: null as unknown as Handlers,
  listeners: new Set<(payload: unknown) => void>(),
  /** Holds back events when set, to play main's events racing the start reply. */
  heldEvents: null as unknown[] | null,
}))

vi.mock('../../src/renderer/src/api/client', () => {
  const caller: Caller = {
    emit: (_event, payload) => {
      if (core.heldEvents) core.heldEvents.push(payload)
      else for (const listener of core.listeners) listener(payload)
    },
  }
  return {
    call: async <M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
      const envelope = await dispatch(core.handlers, method, input, { write: () => undefined }, caller)
      if (!envelope.ok) throw new Error(envelope.error.message)
      return envelope.value as MethodOutput<M>
    },
    on: (_event: string, listener: (payload: unknown) => void) => {
      core.listeners.add(listener)
      return () => core.listeners.delete(listener)
    },
  }
})

const { call } = await import('../../src/renderer/src/api/client')
const { useWizard } = await import('../../src/renderer/src/store/wizardStore')
const { liveRunOf } = await import('../../src/renderer/src/store/liveRunSlice')
const { cancelLiveRun, followLiveRuns, startLiveRun } = await import('../../src/renderer/src/store/liveRuns')

const API_KEY = 'dpk_store_runs_0123456789WXYZ'
const EMAIL = 'jumpcloud-scim-test@example.com'
const initial = useWizard.getState()
const tempDir = useTempDirs()
let scim: ScimServer
let stopFollowing: () => void

beforeAll(async () => {
  scim = await startScimServer({ token: API_KEY })
  stopFollowing = followLiveRuns()
})
afterAll(async () => {
  stopFollowing()
  await scim.close()
})

/** A fresh core with one open profile holding the key, and the store showing that profile. */
async function openProfile(name = 'Acme'): Promise<string> {
  const secrets = createSecretStore({ serviceName: 'store live runs test', keytar: memoryKeytar() })
  core.handlers = createServices({ dataDir: await tempDir(), clipboard: new RecordingClipboard(), secrets })
  const profile = await call('profiles.create', { name })
  await call('profiles.open', { id: profile.id })
  await call('apiKey.keepForSession', { apiKey: API_KEY })
  useWizard.getState().setOpenProfile({ id: profile.id, name, notes: '' })
  return profile.id
}

const startLifecycle = () =>
  startLiveRun('scim-lifecycle', () => call('scim.start', { kind: 'scim-lifecycle', baseUrl: scim.url, extraCaPem: null, userEmail: EMAIL, confirmedRealUser: true }))
const lifecycle = () => liveRunOf(useWizard.getState(), 'scim-lifecycle')
const stepOf = (id: string) => {
  const run = lifecycle()
  return run.state === 'running' ? run.progress?.steps.find((step) => step.id === id) : undefined
}

beforeEach(() => {
  useWizard.setState(initial, true)
  core.heldEvents = null
  scim.faults.clear()
  scim.users.clear()
  scim.requests.length = 0
})
afterEach(() => {
  core.heldEvents = null
})

describe('live runs owned by the store', () => {
  it('a run finishes and its result lands in the setup, with what it was started against, though no panel follows it', async () => {
    await openProfile()
    useWizard.getState().updateScim({ baseUrlMode: 'custom', customBaseUrl: scim.url })
    await startLifecycle()
    expect(lifecycle().state).toBe('running')
    await expect.poll(() => lifecycle().state).toBe('done')
    const saved = useWizard.getState().scim.lastLifecycleTest
    expect(saved?.ok).toBe(true)
    expect(saved?.steps.find((step) => step.id === 'delete-user')?.status).toBe('pass')
    expect(useWizard.getState().provenance.checks['scim-lifecycle']?.against).toMatchObject({ scimBaseUrl: scim.url })
  })

  it('cancelling a running lifecycle test from the store aborts the request in flight, and the test user is still deleted', async () => {
    await openProfile()
    scim.faults.set('GET /Users/:id', { kind: 'delay', ms: 10_000 })
    await startLifecycle()
    await expect.poll(() => stepOf('read-user')?.running).toBe(true)
    expect(scim.users.size).toBe(1)

    cancelLiveRun('scim-lifecycle')
    expect(lifecycle()).toMatchObject({ state: 'running', cancelRequested: true })
    await expect.poll(() => lifecycle().state, { timeout: 5_000 }).toBe('cancelled')

    const run = lifecycle()
    expect(run.state === 'cancelled' && run.progress.run?.steps.find((step) => step.id === 'read-user')?.detail).toBe('Cancelled before the answer arrived.')
    expect(useWizard.getState().scim.lastLifecycleTest?.ok).toBe(false)
    expect(scim.users.size).toBe(0)
    expect(scim.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1)
  })

  it('follows a run whose events arrived before main\'s start reply named it', async () => {
    await openProfile()
    core.heldEvents = []
    await startLifecycle()
    // Every event so far came before the reply: they reach the store only now, in order.
    const early = core.heldEvents as LiveCheckProgress[]
    core.heldEvents = null
    expect(lifecycle()).toMatchObject({ state: 'running', progress: null })
    const listeners = [...core.listeners]
    for (const payload of early) for (const listener of listeners) listener(payload)
    await expect.poll(() => lifecycle().state).toBe('done')
    expect(useWizard.getState().scim.lastLifecycleTest?.ok).toBe(true)
  })

  it('a second start of a running check is refused: one run per check at a time', async () => {
    await openProfile()
    scim.faults.set('GET /Users/:id', { kind: 'delay', ms: 10_000 })
    await startLifecycle()
    await expect.poll(() => stepOf('read-user')?.running).toBe(true)
    const before = lifecycle()
    const secondStart = vi.fn(async () => ({ runId: '00000000-0000-0000-0000-000000000000' }))
    await startLiveRun('scim-lifecycle', secondStart)
    expect(secondStart).not.toHaveBeenCalled()
    expect(lifecycle()).toBe(before)
    cancelLiveRun('scim-lifecycle')
    await expect.poll(() => lifecycle().state, { timeout: 5_000 }).toBe('cancelled')
  })

  it('a start main refuses leaves the run failed, with main\'s reason', async () => {
    await openProfile()
    await startLiveRun('scim-lifecycle', () => call('scim.start', { kind: 'scim-lifecycle', baseUrl: scim.url, extraCaPem: null, userEmail: EMAIL }))
    expect(lifecycle()).toMatchObject({ state: 'failed', error: 'The user lifecycle test creates a real Dialpad user. Confirm that first, then run it.' })
  })

  it('a run of a profile closed meanwhile never lands in the profile opened since', async () => {
    const first = await openProfile('Acme')
    scim.faults.set('GET /Users/:id', { kind: 'delay', ms: 300 })
    await startLifecycle()
    await expect.poll(() => stepOf('read-user')?.running).toBe(true)
    // The admin opens another profile while Acme's test runs.
    useWizard.getState().setOpenProfile({ id: 'globex', name: 'Globex', notes: '' })
    expect(liveRunOf(useWizard.getState(), 'scim-lifecycle').state).toBe('idle')
    await expect.poll(() => useWizard.getState().liveRuns[`${first}\u0000scim-lifecycle`]?.state, { timeout: 5_000 }).toBe('done')
    expect(useWizard.getState().scim.lastLifecycleTest).toBeNull()
  })
})
