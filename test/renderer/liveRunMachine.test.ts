import { describe, expect, it } from 'vitest'
import type { LiveCheckProgress } from '../../src/shared/liveCheck'
import { IDLE_RUN, type LiveRun, type LiveRunContext, type LiveRunEvent, transition } from '../../src/renderer/src/store/liveRunMachine'

const CONTEXT: LiveRunContext = {
  kind: 'scim-lifecycle',
  profileId: 'p1',
  against: { at: '2026-12-06T22:00:00.000Z', against: { scimBaseUrl: 'https://dialpad.com/scim' } },
  source: undefined,
  clickedAt: '2026-12-06T22:00:00.000Z',
  request: '{"method":"scim.start","input":{}}',
}

function progress(runId: string, done: boolean, ok = true, extra: Partial<LiveCheckProgress> = {}): LiveCheckProgress {
  return {
    runId,
    kind: 'scim-lifecycle',
    startedAt: '2026-12-06T22:00:00.100Z',
    elapsedMs: 10,
    steps: [],
    done,
    run: done ? { ok, checkedAt: '2026-12-06T22:00:00.100Z', steps: [] } : null,
    login: null,
    ...extra,
  }
}

/** Applies events in order, each of which must be accepted. */
function through(...events: LiveRunEvent[]): LiveRun {
  return events.reduce<LiveRun>((run, event) => {
    const result = transition(run, event)
    if (!result.ok) throw new Error(`refused: ${result.refused}`)
    return result.run
  }, IDLE_RUN)
}

const START: LiveRunEvent = { type: 'start', context: CONTEXT }
const STARTED: LiveRunEvent = { type: 'started', runId: 'run-1' }
const WAITING = () => through(START)
const RUNNING = () => through(START, STARTED)
const DONE = () => through(START, STARTED, { type: 'progress', progress: progress('run-1', true) })
const CANCELLED = () => through(START, STARTED, { type: 'cancel' }, { type: 'progress', progress: progress('run-1', true, false) })
const FAILED = () => through(START, { type: 'fail', error: 'Store the API key first.' })

describe('a live run: the legal paths', () => {
  it('idle → running (unnamed) → running (named) → running (with progress) → done', () => {
    expect(WAITING()).toMatchObject({ state: 'running', runId: null, progress: null, cancelRequested: false })
    expect(RUNNING()).toMatchObject({ state: 'running', runId: 'run-1' })
    const moving = through(START, STARTED, { type: 'progress', progress: progress('run-1', false) })
    expect(moving).toMatchObject({ state: 'running', progress: { done: false } })
    expect(DONE()).toMatchObject({ state: 'done', runId: 'run-1', progress: { done: true, run: { ok: true } }, context: CONTEXT })
  })

  it('a run that fails its checks is done (a finished run), not failed', () => {
    expect(through(START, STARTED, { type: 'progress', progress: progress('run-1', true, false) })).toMatchObject({ state: 'done' })
  })

  it('running → cancelled when a cancel was asked for and the run proved nothing; done when it finished anyway', () => {
    expect(CANCELLED()).toMatchObject({ state: 'cancelled', progress: { run: { ok: false } } })
    expect(through(START, STARTED, { type: 'cancel' }, { type: 'progress', progress: progress('run-1', true, true) })).toMatchObject({ state: 'done' })
    // A cancel clicked before main named the run is kept, and counts once it is named.
    expect(through(START, { type: 'cancel' }, STARTED)).toMatchObject({ state: 'running', runId: 'run-1', cancelRequested: true })
  })

  it('running → failed when the run could not be started', () => {
    expect(FAILED()).toMatchObject({ state: 'failed', error: 'Store the API key first.' })
  })

  it('back to running on a re-run, from done, cancelled and failed', () => {
    for (const ended of [DONE(), CANCELLED(), FAILED()]) {
      const again = transition(ended, START)
      expect(again).toMatchObject({ ok: true, run: { state: 'running', runId: null, progress: null } })
    }
  })

  it('forgets the captured SAML response of a finished test login, keeping the rest', () => {
    const login = { summary: null, hops: [], capturedResponse: 'PHNhbWxwOlJlc3BvbnNlLz4=' }
    const done = through(START, STARTED, { type: 'progress', progress: progress('run-1', true, true, { login }) })
    expect(transition(done, { type: 'forget-captured-response' })).toMatchObject({ ok: true, run: { state: 'done', progress: { login: { hops: [], capturedResponse: null } } } })
  })
})

describe('a live run refuses every illegal transition, and stays as it was', () => {
  const ILLEGAL: Array<[string, () => LiveRun, LiveRunEvent]> = [
    ['start while running (a second run of the same check)', RUNNING, START],
    ['start while waiting for main to name the run', WAITING, START],
    ['started while idle', () => IDLE_RUN, STARTED],
    ['started twice', RUNNING, { type: 'started', runId: 'run-2' }],
    ['started when done', DONE, STARTED],
    ['started when cancelled', CANCELLED, STARTED],
    ['started when failed', FAILED, STARTED],
    ['progress while idle', () => IDLE_RUN, { type: 'progress', progress: progress('run-1', false) }],
    ['progress before the run is named', WAITING, { type: 'progress', progress: progress('run-1', false) }],
    ['progress of another run', RUNNING, { type: 'progress', progress: progress('run-2', true) }],
    ['progress of another kind of check', RUNNING, { type: 'progress', progress: { ...progress('run-1', true), kind: 'sso-services' } }],
    ['progress after done', DONE, { type: 'progress', progress: progress('run-1', true) }],
    ['progress after cancelled', CANCELLED, { type: 'progress', progress: progress('run-1', false) }],
    ['progress after failed', FAILED, { type: 'progress', progress: progress('run-1', true) }],
    ['cancel while idle', () => IDLE_RUN, { type: 'cancel' }],
    ['cancel twice', () => through(START, STARTED, { type: 'cancel' }), { type: 'cancel' }],
    ['cancel when done', DONE, { type: 'cancel' }],
    ['cancel when cancelled', CANCELLED, { type: 'cancel' }],
    ['cancel when failed', FAILED, { type: 'cancel' }],
    ['fail while idle', () => IDLE_RUN, { type: 'fail', error: 'x' }],
    ['fail when done', DONE, { type: 'fail', error: 'x' }],
    ['fail when cancelled', CANCELLED, { type: 'fail', error: 'x' }],
    ['fail when failed', FAILED, { type: 'fail', error: 'x' }],
    ['forget the captured response while idle', () => IDLE_RUN, { type: 'forget-captured-response' }],
    ['forget the captured response while running', RUNNING, { type: 'forget-captured-response' }],
    ['forget the captured response when failed', FAILED, { type: 'forget-captured-response' }],
  ]

  it.each(ILLEGAL)('refuses %s', (_name, from, event) => {
    const before = from()
    const result = transition(before, event)
    expect(result.ok).toBe(false)
    expect(result.run).toBe(before)
    if (!result.ok) expect(result.refused).toContain(`"${event.type}"`)
  })
})
