import type { Dispatcher } from 'undici'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CheckRun, type CheckStep } from '../../src/shared/checkRun'
import { createHttpDispatcher } from '../../src/core/net/httpClient'
import { runLifecycleTest, type LifecycleTestOptions } from '../../src/core/scim/lifecycleTest'
import { userNameFilter } from '../../src/core/scim/userLookup'
import { performance } from 'node:perf_hooks'
import { startScimServer, type RecordedRequest, type ScimServer } from '../support/scimServer'
import { makeTestCa } from '../support/scimTestCa'

const TOKEN = 'dpk_live_Lc7fP2xR0vWb5n'
const EMAIL = 'sso-assistant-test@example.com'
const FAST = { connectMs: 500, headersMs: 400, bodyMs: 400 }

let server: ScimServer
let caPem: string
let dispatcher: Dispatcher

function test(options: Partial<LifecycleTestOptions> = {}): Promise<CheckRun> {
  return runLifecycleTest({ baseUrl: server.url, token: TOKEN, userEmail: EMAIL, dispatcher, ...options })
}

function statuses(run: CheckRun): [string, string][] {
  return run.steps.map((s) => [s.id, s.status])
}

function step(run: CheckRun, id: string): CheckStep {
  const found = run.steps.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no step ${id} in ${JSON.stringify(run)}`)
  return found
}

beforeAll(async () => {
  const ca = await makeTestCa()
  caPem = ca.caPem
  server = await startScimServer({ token: TOKEN, tls: await ca.issue() })
})
beforeEach(() => {
  dispatcher = createHttpDispatcher({ env: {}, timeouts: FAST, extraCaPem: caPem })
})
afterEach(async () => {
  server.faults.clear()
  server.users.clear()
  await dispatcher.close()
})
afterAll(() => server.close())

const ALL_STEPS = ['inputs', 'update-method', 'create-user', 'read-user', 'update-user', 'find-user', 'deactivate-user', 'delete-user']

/** The writes the test sent, in order, as "METHOD /path" with the user's id as :id. */
function writes(sent: RecordedRequest[]): string[] {
  return sent.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.replace(/^\/Users\/[^/]+$/, '/Users/:id')}`)
}

describe('lifecycle test', () => {
  it('creates, reads, updates a name, finds, deactivates and deletes a test user, in that order, leaving nothing behind', async () => {
    const before = server.requests.length
    const progress: string[] = []
    const run = await test({ onProgress: (s, phase) => progress.push(`${s.id}:${phase}`) })
    expect(CheckRun.parse(run)).toEqual(run)
    expect(run.ok).toBe(true)
    expect(run.steps.map((s) => [s.id, s.title, s.status, s.decisive])).toEqual([
      ['inputs', 'The base URL, API key and test email are usable', 'pass', true],
      ['update-method', 'Dialpad says how it takes updates (ServiceProviderConfig)', 'pass', false],
      ['create-user', 'Create a test user', 'pass', true],
      ['read-user', 'Read the test user back', 'pass', false],
      ['update-user', 'Update the test user’s name', 'pass', true],
      ['find-user', 'Find the test user by userName', 'pass', true],
      ['deactivate-user', 'Deactivate the test user (active: false)', 'pass', true],
      ['delete-user', 'Delete the test user', 'pass', false],
    ])
    expect(server.users.size).toBe(0)
    expect(progress.slice(0, 4)).toEqual(['inputs:started', 'inputs:finished', 'update-method:started', 'update-method:finished'])

    const sent = server.requests.slice(before)
    const id = sent[2].path.split('/')[2]
    expect(sent.map((r) => `${r.method} ${r.path}${r.query}`)).toEqual([
      'GET /ServiceProviderConfig',
      'POST /Users',
      `GET /Users/${id}`,
      `PATCH /Users/${id}`,
      'GET /Users?filter=userName%20eq%20%22sso-assistant-test%40example.com%22',
      `PATCH /Users/${id}`,
      `DELETE /Users/${id}`,
    ])
    // Recorded server-side: the update changes a name attribute, the deactivation sets active to false.
    const [update, deactivate] = sent.filter((r) => r.method === 'PATCH').map((r) => r.body)
    expect(update).toEqual({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'name.familyName', value: 'Test (updated)' }] })
    expect(deactivate).toEqual({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] })
    expect(step(run, 'create-user').detail).toBe(`Dialpad created ${EMAIL} (user id ${id}).`)
    expect(step(run, 'update-user').detail).toBe('Dialpad changed the test user\'s family name (name.familyName) to "Test (updated)" with PATCH.')
    // Sequential steps ride one keep-alive connection.
    expect(new Set(sent.map((r) => r.connectionId)).size).toBe(1)
  })

  it('updates with PUT when Dialpad says it has no PATCH, keeping the whole user', async () => {
    const noPatch = await startScimServer({ token: TOKEN, tls: await (await makeTestCa()).issue(), discovery: { patch: false }, patch: false })
    const own = createHttpDispatcher({ env: {}, timeouts: FAST, extraCaPem: noPatch.caPem })
    try {
      const run = await runLifecycleTest({ baseUrl: noPatch.url, token: TOKEN, userEmail: EMAIL, dispatcher: own })
      expect(run.ok).toBe(true)
      expect(writes(noPatch.requests)).toEqual(['POST /Users', 'PUT /Users/:id', 'PUT /Users/:id', 'DELETE /Users/:id'])
      const [update, deactivate] = noPatch.requests.filter((r) => r.method === 'PUT').map((r) => r.body as Record<string, unknown>)
      expect(update).toMatchObject({ userName: EMAIL, name: { givenName: 'SSO Assistant', familyName: 'Test (updated)' }, active: true })
      expect(deactivate).toMatchObject({ userName: EMAIL, name: { familyName: 'Test (updated)' }, active: false })
      expect(step(run, 'update-method').detail).toContain('does not support PATCH, so the test updates the user with PUT')
    } finally {
      await own.close()
      await noPatch.close()
    }
  })

  it('falls back to PUT when PATCH is refused (501) and there is no ServiceProviderConfig', async () => {
    const lean = await startScimServer({ token: TOKEN, tls: await (await makeTestCa()).issue(), discovery: false, patch: false })
    const own = createHttpDispatcher({ env: {}, timeouts: FAST, extraCaPem: lean.caPem })
    try {
      const run = await runLifecycleTest({ baseUrl: lean.url, token: TOKEN, userEmail: EMAIL, dispatcher: own })
      expect(run.ok).toBe(true)
      expect(step(run, 'update-method')).toMatchObject({ status: 'skipped', detail: expect.stringContaining('does not serve /ServiceProviderConfig (404)') })
      expect(writes(lean.requests)).toEqual(['POST /Users', 'PATCH /Users/:id', 'PUT /Users/:id', 'PUT /Users/:id', 'DELETE /Users/:id'])
      expect(step(run, 'update-user').detail).toContain('with PUT (Dialpad refused PATCH as not supported)')
    } finally {
      await own.close()
      await lean.close()
    }
  })

  it('when DELETE is refused, leaves the user deactivated and names it, quickly and without a stack trace', async () => {
    for (const status of [403, 405, 501]) {
      server.users.clear()
      server.faults.set('DELETE /Users/:id', { kind: 'status', status })
      const started = performance.now()
      const run = await test()
      const elapsed = performance.now() - started
      const [user] = [...server.users.values()]
      expect(user).toMatchObject({ userName: EMAIL, active: false })
      expect(run.ok).toBe(true)
      expect(step(run, 'delete-user')).toMatchObject({
        status: 'warn',
        decisive: false,
        detail: `Dialpad refused to delete the test user (${status}), so it was left deactivated, as JumpCloud documents for its own activation test user. The user ${EMAIL} (user id ${user.id}) is still in Dialpad.`,
        fix: `In Dialpad Admin Settings, find the user ${EMAIL} (user id ${user.id}) and delete it.`,
      })
      expect(JSON.stringify(run)).not.toMatch(/\bat \w+ \(|node:internal|\.ts:\d+/)
      // Bounded: a handful of local round trips, far below one request deadline.
      expect(elapsed).toBeLessThan(5_000)
    }
  })

  it('deactivates the user before leaving it when DELETE is refused after an earlier failure', async () => {
    server.faults.set('GET /Users', { kind: 'status', status: 500 })
    server.faults.set('DELETE /Users/:id', { kind: 'status', status: 405 })
    const run = await test()
    expect(run.ok).toBe(false)
    expect(statuses(run).map(([id, status]) => `${id}:${status}`)).toEqual([
      'inputs:pass',
      'update-method:pass',
      'create-user:pass',
      'read-user:pass',
      'update-user:pass',
      'find-user:fail',
      'deactivate-user:skipped',
      'delete-user:warn',
    ])
    expect([...server.users.values()][0].active).toBe(false)
    expect(writes(server.requests.slice(-4))).toEqual(['PATCH /Users/:id', 'DELETE /Users/:id', 'PATCH /Users/:id'])
  })

  it('escapes quotes and backslashes in the userName filter', () => {
    expect(userNameFilter('a"b\\c@example.com')).toBe('userName eq "a\\"b\\\\c@example.com"')
  })

  it('explains a 409: the email already belongs to a Dialpad user, which is left alone', async () => {
    server.users.set('existing', { id: 'existing', userName: 'SSO-Assistant-Test@Example.com', active: true, created: '' })
    const run = await test()
    expect(statuses(run)).toEqual([
      ['inputs', 'pass'],
      ['update-method', 'pass'],
      ['create-user', 'fail'],
      ['read-user', 'skipped'],
      ['update-user', 'skipped'],
      ['find-user', 'skipped'],
      ['deactivate-user', 'skipped'],
      ['delete-user', 'skipped'],
    ])
    expect(step(run, 'create-user')).toMatchObject({
      detail: `A user with the email ${EMAIL} already exists in Dialpad (409).`,
      fix: `Choose another test email, or remove ${EMAIL} in Dialpad first if it is a leftover test user.`,
    })
    expect(step(run, 'read-user').detail).toBe('Not run because "Create a test user" did not pass.')
    expect(step(run, 'delete-user').detail).toBe('No test user was created, so there is nothing to delete.')
    expect([...server.users.keys()]).toEqual(['existing'])
  })

  it('explains a domain the company does not own in Dialpad terms', async () => {
    server.faults.set('POST /Users', { kind: 'domainRejected' })
    const run = await test()
    expect(step(run, 'create-user')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^Dialpad refused sso-assistant-test@example\.com: @example\.com is not one of your company's domains \(400\)\. Dialpad said: "The domain/),
      fix: expect.stringMatching(/^Use a test email at one of the company's domains \(and enter the same address as Test User Email in JumpCloud\), or ask Dialpad Support to add example\.com/),
    })
  })

  it('still deletes the test user when a later step fails, and an informational failure does not stop the test', async () => {
    server.faults.set('GET /Users/:id', { kind: 'status', status: 500 })
    const run = await test()
    expect(run.ok).toBe(true)
    expect(step(run, 'read-user')).toMatchObject({ status: 'warn', decisive: false })
    server.faults.set('PATCH /Users/:id', { kind: 'status', status: 500 })
    const failed = await test()
    expect(failed.ok).toBe(false)
    expect(statuses(failed)).toEqual([
      ['inputs', 'pass'],
      ['update-method', 'pass'],
      ['create-user', 'pass'],
      ['read-user', 'warn'],
      ['update-user', 'fail'],
      ['find-user', 'skipped'],
      ['deactivate-user', 'skipped'],
      ['delete-user', 'pass'],
    ])
    expect(step(failed, 'delete-user').detail).toBe(`Dialpad deleted the test user ${EMAIL}; nothing is left behind.`)
    expect(server.users.size).toBe(0)
  })

  it('fails the search step when the filter does not find the new user', async () => {
    server.faults.set('GET /Users', { kind: 'status', status: 200, body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 0, Resources: [] }) })
    const run = await test()
    expect(step(run, 'find-user')).toMatchObject({ status: 'fail', detail: expect.stringContaining('would try to create them again') })
    expect(step(run, 'delete-user').status).toBe('pass')
    expect(server.users.size).toBe(0)
  })

  it('names the user to remove by hand when the cleanup itself fails', async () => {
    server.faults.set('DELETE /Users/:id', { kind: 'status', status: 503 })
    const run = await test()
    const [user] = server.users.values()
    expect(user.active).toBe(false)
    expect(step(run, 'deactivate-user').status).toBe('pass')
    expect(step(run, 'delete-user')).toMatchObject({
      status: 'warn',
      detail: expect.stringMatching(new RegExp(`^The test user ${EMAIL} \\(user id ${user.id}\\) is still in Dialpad, deactivated: Dialpad could not answer \\(503\\)`)),
      fix: `In Dialpad Admin Settings, find the user ${EMAIL} (user id ${user.id}) and delete it.`,
    })
  })

  it('cleans up after a cancel in the middle of the run, and a cancelled run never passes', async () => {
    server.faults.set('GET /Users/:id', { kind: 'delay', ms: 5_000 })
    const cancel = new AbortController()
    const run = await test({
      signal: cancel.signal,
      onProgress: (s, phase) => {
        if (s.id === 'read-user' && phase === 'started') setTimeout(() => cancel.abort(), 50)
      },
    })
    expect(run.ok).toBe(false)
    expect(statuses(run)).toEqual([
      ['inputs', 'pass'],
      ['update-method', 'pass'],
      ['create-user', 'pass'],
      ['read-user', 'warn'],
      ['update-user', 'skipped'],
      ['find-user', 'skipped'],
      ['deactivate-user', 'skipped'],
      ['delete-user', 'pass'],
    ])
    expect(step(run, 'read-user').detail).toBe('Cancelled before the answer arrived.')
    expect(step(run, 'find-user').detail).toBe('Not run: the test was cancelled.')
    expect(server.users.size).toBe(0)
  })

  it('after a create interrupted by a cancel, checks whether the user exists without deleting anything', async () => {
    server.faults.set('POST /Users', { kind: 'delay', ms: 5_000 })
    const cancel = new AbortController()
    setTimeout(() => cancel.abort(), 100)
    const run = await test({ signal: cancel.signal })
    expect(step(run, 'create-user').detail).toBe('Cancelled before the answer arrived.')
    expect(step(run, 'delete-user')).toMatchObject({ status: 'pass', detail: expect.stringContaining(`Dialpad has no user ${EMAIL}`) })
    expect(server.requests.at(-1)).toMatchObject({ method: 'GET', path: '/Users' })
  })

  it('reports a deactivation that Dialpad accepted but did not apply', async () => {
    let patches = 0
    server.faults.set('PATCH /Users/:id', { kind: 'status', status: 204 })
    const run = await test({
      onProgress: (s, phase) => {
        if (s.id === 'deactivate-user' && phase === 'started') {
          patches++
          server.faults.set('PATCH /Users/:id', {
            kind: 'status',
            status: 200,
            body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: 'x', userName: EMAIL, active: true }),
          })
        }
      },
    })
    expect(patches).toBe(1)
    expect(step(run, 'deactivate-user')).toMatchObject({ status: 'fail', detail: 'Dialpad accepted the PATCH but still reports the test user as active.' })
    expect(server.users.size).toBe(0)
  })

  it('never shows the API key, even when Dialpad echoes it on a failing step', async () => {
    server.faults.set('PATCH /Users/:id', { kind: 'echoToken', status: 400 })
    server.faults.set('DELETE /Users/:id', { kind: 'echoToken', status: 500 })
    const progress: CheckStep[] = []
    const run = await test({ onProgress: (s) => progress.push(s) })
    expect(step(run, 'update-user').detail).toContain('[API key hidden]')
    expect(JSON.stringify(run)).not.toContain(TOKEN)
    expect(JSON.stringify(progress)).not.toContain(TOKEN)
  })

  it('refuses an unusable test email before sending anything', async () => {
    const before = server.requests.length
    const run = await test({ userEmail: 'not-an-email' })
    expect(step(run, 'inputs')).toMatchObject({ status: 'fail', detail: '"not-an-email" is not an email address.' })
    expect(run.steps.map((s) => s.id)).toEqual(ALL_STEPS)
    expect(run.steps.slice(1).every((s) => s.status === 'skipped')).toBe(true)
    expect(server.requests).toHaveLength(before)
  })
})
