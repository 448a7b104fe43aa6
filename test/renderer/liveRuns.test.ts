import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CheckStep } from '../../src/shared/checkRun'
import type { LiveCheckKind, LiveCheckProgress } from '../../src/shared/liveCheck'

/**
 * The store owns each live run: its actions start, follow (through the one 'liveCheck.progress' subscription) and
 * cancel checks, so no panel has to stay mounted. Main is played here by a stand-in for the window's api client that
 * answers calls and sends events when the test says; the real core behind it is tested over IPC
 * (test/shell/ipcEvents.test.ts), over the bridge (test/unit/bridgeEvents.test.ts) and in the browser
 * (test/e2e/scimSetup.spec.ts, where Cancel on a running lifecycle test still deletes the test user).
 */

const main = vi.hoisted(() => ({
  listeners: new Set<(payload: unknown) => void>(),
  calls: [] as Array<[string, unknown]>,
  /** What main answers to a call; a start names the run `run-1` unless the test says otherwise. */
  answer: async (_method: string, _input: unknown): Promise<unknown> => ({ runId: 'run-1' }),
  send(payload: unknown): void {
    for (const listener of main.listeners) listener(payload)
  },
}))

vi.mock('../../src/renderer/src/api/client', () => ({
  ApiError: class ApiError extends Error {
    readonly code = 'failed'
  },
  call: async (method: string, input: unknown) => {
    main.calls.push([method, input])
    return main.answer(method, input)
  },
  on: (event: string, listener: (payload: unknown) => void) => {
    if (event !== 'liveCheck.progress') throw new Error(`unexpected event ${event}`)
    main.listeners.add(listener)
    return () => main.listeners.delete(listener)
  },
}))

const { useWizard } = await import('../../src/renderer/src/store/wizardStore')
const { liveRunKey, liveRunOf, startRefusalOf } = await import('../../src/renderer/src/store/liveRunSlice')

const initial = useWizard.getState()
const { cancelLiveRun, followLiveRuns, startLiveRun } = initial
followLiveRuns()

const step = (id: string, running: boolean, status: CheckStep['status'] = 'skipped', detail = running ? 'Running…' : 'Done.'): CheckStep & { running: boolean } => ({
  id,
  title: id,
  status,
  durationMs: running ? null : 5,
  detail,
  decisive: true,
  running,
})

function progress(runId: string, steps: Array<CheckStep & { running: boolean }>, end?: { ok: boolean }, kind: LiveCheckKind = 'scim-lifecycle'): LiveCheckProgress {
  return {
    runId,
    kind,
    startedAt: '2026-12-06T22:00:00.000Z',
    elapsedMs: 100,
    steps,
    done: end !== undefined,
    run: end ? { ok: end.ok, checkedAt: '2026-12-06T22:00:00.000Z', steps: steps.map(({ running: _running, ...rest }) => rest) } : null,
    login: null,
  }
}

const LIFECYCLE_START = {
  method: 'scim.start',
  input: { kind: 'scim-lifecycle', baseUrl: 'http://127.0.0.1:9/scim', extraCaPem: null, userEmail: 'test@acme.com', confirmedRealUser: true },
} as const
const startLifecycle = () => startLiveRun('scim-lifecycle', LIFECYCLE_START)
const starts = () => main.calls.filter(([method]) => method === 'scim.start')
const lifecycle = () => liveRunOf(useWizard.getState(), 'scim-lifecycle')

beforeEach(() => {
  useWizard.setState(initial, true)
  useWizard.getState().setOpenProfile({ id: 'acme', name: 'Acme', notes: '' })
  useWizard.getState().updateScim({ baseUrlMode: 'custom', customBaseUrl: 'http://127.0.0.1:9/scim' })
  main.calls.length = 0
  main.answer = async () => ({ runId: 'run-1' })
})

describe('live runs owned by the store', () => {
  it('follows a run by its events and saves its result with what it was started against, with no panel mounted', async () => {
    await startLifecycle()
    expect(lifecycle()).toMatchObject({ state: 'running', runId: 'run-1', progress: null })
    main.send(progress('run-1', [step('create-user', true)]))
    expect(lifecycle()).toMatchObject({ state: 'running', progress: { steps: [{ id: 'create-user', running: true }] } })
    // The values change while the run goes on: the result is saved with the ones it started with.
    useWizard.getState().updateScim({ customBaseUrl: 'http://127.0.0.1:10/scim' })
    main.send(progress('run-1', [step('create-user', false, 'pass')], { ok: true }))

    expect(lifecycle().state).toBe('done')
    expect(useWizard.getState().scim.lastLifecycleTest).toMatchObject({ ok: true, steps: [{ id: 'create-user', status: 'pass' }] })
    expect(useWizard.getState().provenance.checks['scim-lifecycle']?.against).toMatchObject({ scimBaseUrl: 'http://127.0.0.1:9/scim' })
  })

  it('Cancel asks main to cancel that run, and a run that ends proving nothing is cancelled (its result saved as not ok)', async () => {
    await startLifecycle()
    main.send(progress('run-1', [step('read-user', true)]))
    cancelLiveRun('scim-lifecycle')
    expect(main.calls).toContainEqual(['liveCheck.cancel', { runId: 'run-1' }])
    expect(lifecycle()).toMatchObject({ state: 'running', cancelRequested: true })
    // A second click does nothing more.
    cancelLiveRun('scim-lifecycle')
    expect(main.calls.filter(([method]) => method === 'liveCheck.cancel')).toHaveLength(1)

    main.send(progress('run-1', [step('read-user', false, 'warn', 'Cancelled before the answer arrived.'), step('delete-user', false, 'pass')], { ok: false }))
    expect(lifecycle().state).toBe('cancelled')
    expect(useWizard.getState().scim.lastLifecycleTest?.ok).toBe(false)
  })

  it('a Cancel clicked before main named the run is passed on as soon as it does', async () => {
    let name: (reply: { runId: string }) => void = () => undefined
    main.answer = () => new Promise((resolve) => (name = resolve))
    const starting = startLifecycle()
    cancelLiveRun('scim-lifecycle')
    expect(main.calls.filter(([method]) => method === 'liveCheck.cancel')).toHaveLength(0)
    name({ runId: 'run-7' })
    await starting
    expect(main.calls).toContainEqual(['liveCheck.cancel', { runId: 'run-7' }])
  })

  it('keeps events that arrive before main\'s start reply names the run, and uses the latest once it does', async () => {
    let name: (reply: { runId: string }) => void = () => undefined
    main.answer = () => new Promise((resolve) => (name = resolve))
    const starting = startLifecycle()
    main.send(progress('run-2', [step('inputs', true)]))
    main.send(progress('run-2', [step('inputs', false, 'pass'), step('create-user', true)]))
    expect(lifecycle()).toMatchObject({ state: 'running', runId: null, progress: null })
    name({ runId: 'run-2' })
    await starting
    expect(lifecycle()).toMatchObject({ state: 'running', runId: 'run-2', progress: { steps: [{ id: 'inputs' }, { id: 'create-user', running: true }] } })
  })

  it('early progress is the store\'s memory: a store reset forgets it, so a run named later never starts from it', async () => {
    // A finished run's event that no start reply claimed (its window state was reset meanwhile, as between profiles
    // of a support session or between tests) must not be taken for the next run main happens to name alike.
    main.send(progress('run-3', [step('delete-user', false, 'pass')], { ok: true }))
    expect(useWizard.getState().unclaimedProgress.map((kept) => kept.runId)).toEqual(['run-3'])
    useWizard.setState(initial, true)
    useWizard.getState().setOpenProfile({ id: 'acme', name: 'Acme', notes: '' })
    main.answer = async () => ({ runId: 'run-3' })
    await startLifecycle()
    expect(lifecycle()).toMatchObject({ state: 'running', runId: 'run-3', progress: null })
    expect(useWizard.getState().scim.lastLifecycleTest).toBeNull()
  })

  it('keeps the early progress of a bounded number of runs, the latest of each', () => {
    for (let index = 0; index < 25; index++) main.send(progress(`early-${index}`, [step('inputs', true)]))
    main.send(progress('early-24', [step('inputs', false, 'pass')]))
    const kept = useWizard.getState().unclaimedProgress
    expect(kept).toHaveLength(20)
    expect(kept[0].runId).toBe('early-5')
    expect(kept.at(-1)).toMatchObject({ runId: 'early-24', steps: [{ id: 'inputs', running: false }] })
  })

  it('refuses a second start of a running check, and ignores events of runs it does not follow', async () => {
    await startLifecycle()
    const before = lifecycle()
    main.answer = async () => ({ runId: 'run-9' })
    await startLifecycle()
    expect(starts()).toHaveLength(1)
    main.send(progress('someone-else', [step('x', false, 'fail')], { ok: false }))
    main.send(progress('run-1', [step('x', false, 'fail')], { ok: false }, 'sso-services'))
    expect(lifecycle()).toBe(before)
    expect(useWizard.getState().scim.lastLifecycleTest).toBeNull()
  })

  it('a start main refuses leaves the run failed with main\'s reason; the next click runs again', async () => {
    main.answer = async () => {
      throw new Error('Store the API key first.')
    }
    await startLifecycle()
    expect(lifecycle()).toMatchObject({ state: 'failed', error: 'Store the API key first.' })
    main.answer = async () => ({ runId: 'run-1' })
    await startLifecycle()
    expect(lifecycle()).toMatchObject({ state: 'running', runId: 'run-1' })
  })

  it('a refused start is shown only while its cause holds: the same request, and the inputs it was started against', async () => {
    main.answer = async () => {
      throw new Error('Dialpad refused the SCIM base URL.')
    }
    await startLifecycle()
    const refusal = (start: Parameters<typeof startRefusalOf>[2] = LIFECYCLE_START) => startRefusalOf(useWizard.getState(), 'scim-lifecycle', start)
    expect(refusal()).toBe('Dialpad refused the SCIM base URL.')
    // The panel would now send something else (another test user), or nothing at all (blocked): the refusal was not about that.
    expect(refusal({ ...LIFECYCLE_START, input: { ...LIFECYCLE_START.input, userEmail: 'other@acme.com' } })).toBeNull()
    expect(refusal({ blocked: 'Store the API key first.' })).toBeNull()
    // An input the check depends on changes (the base URL, then the stored key): gone; changed back, it holds again.
    useWizard.getState().updateScim({ customBaseUrl: 'http://127.0.0.1:10/scim' })
    expect(refusal()).toBeNull()
    useWizard.getState().updateScim({ customBaseUrl: 'http://127.0.0.1:9/scim' })
    expect(refusal()).toBe('Dialpad refused the SCIM base URL.')
    useWizard.setState({ keyStatus: { stored: true, last4: 'WXYZ', backend: 'keychain', storedAt: '2026-12-06T23:00:00.000Z' } })
    expect(refusal()).toBeNull()
    // The run itself stays failed until the next click, which runs again.
    expect(lifecycle().state).toBe('failed')
  })

  it('a run of a profile closed meanwhile goes on, but its result never lands in the profile opened since', async () => {
    await startLifecycle()
    useWizard.getState().setOpenProfile({ id: 'globex', name: 'Globex', notes: '' })
    expect(lifecycle().state).toBe('idle')
    main.send(progress('run-1', [step('delete-user', false, 'pass')], { ok: true }))
    expect(useWizard.getState().liveRuns[liveRunKey('acme', 'scim-lifecycle')]?.state).toBe('done')
    expect(useWizard.getState().scim.lastLifecycleTest).toBeNull()
  })
})
