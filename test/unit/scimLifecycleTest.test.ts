import type { Dispatcher } from 'undici'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CheckRun, type CheckStep } from '../../src/shared/checkRun'
import { createHttpDispatcher } from '../../src/core/net/httpClient'
import { runLifecycleTest, userNameFilter, type LifecycleTestOptions } from '../../src/core/scim/lifecycleTest'
import { startScimServer, type ScimServer } from '../support/scimServer'
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

describe('lifecycle test', () => {
  it('creates, reads, finds, suspends and deletes a test user, leaving nothing behind', async () => {
    const before = server.requests.length
    const progress: string[] = []
    const run = await test({ onProgress: (s, phase) => progress.push(`${s.id}:${phase}`) })
    expect(CheckRun.parse(run)).toEqual(run)
    expect(run.ok).toBe(true)
    expect(run.steps.map((s) => [s.id, s.title, s.status])).toEqual([
      ['inputs', 'The base URL, API key and test email are usable', 'pass'],
      ['create-user', 'Create a test user', 'pass'],
      ['read-user', 'Read the test user back', 'pass'],
      ['find-user', 'Find the test user by email', 'pass'],
      ['suspend-user', 'Suspend the test user', 'pass'],
      ['delete-user', 'Delete the test user', 'pass'],
    ])
    expect(server.users.size).toBe(0)
    expect(progress.slice(0, 4)).toEqual(['inputs:started', 'inputs:finished', 'create-user:started', 'create-user:finished'])

    const sent = server.requests.slice(before)
    const id = sent[1].path.split('/')[2]
    expect(sent.map((r) => `${r.method} ${r.path}${r.query}`)).toEqual([
      'POST /Users',
      `GET /Users/${id}`,
      'GET /Users?filter=userName%20eq%20%22sso-assistant-test%40example.com%22',
      `PATCH /Users/${id}`,
      `DELETE /Users/${id}`,
    ])
    expect(step(run, 'create-user').detail).toBe(`Dialpad created ${EMAIL} (user id ${id}).`)
    // Sequential steps ride one keep-alive connection.
    expect(new Set(sent.map((r) => r.connectionId)).size).toBe(1)
  })

  it('escapes quotes and backslashes in the userName filter', () => {
    expect(userNameFilter('a"b\\c@example.com')).toBe('userName eq "a\\"b\\\\c@example.com"')
  })

  it('explains a 409: the email already belongs to a Dialpad user, which is left alone', async () => {
    server.users.set('existing', { id: 'existing', userName: 'SSO-Assistant-Test@Example.com', active: true, created: '' })
    const run = await test()
    expect(statuses(run)).toEqual([
      ['inputs', 'pass'],
      ['create-user', 'fail'],
      ['read-user', 'skipped'],
      ['find-user', 'skipped'],
      ['suspend-user', 'skipped'],
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
      fix: expect.stringMatching(/^Ask Dialpad Support to add example\.com as a secondary domain for your company/),
    })
  })

  it('still deletes the test user when a later step fails', async () => {
    server.faults.set('GET /Users/:id', { kind: 'status', status: 500 })
    const run = await test()
    expect(run.ok).toBe(false)
    expect(statuses(run)).toEqual([
      ['inputs', 'pass'],
      ['create-user', 'pass'],
      ['read-user', 'fail'],
      ['find-user', 'skipped'],
      ['suspend-user', 'skipped'],
      ['delete-user', 'pass'],
    ])
    expect(step(run, 'delete-user').detail).toBe(`Dialpad deleted the test user ${EMAIL}; nothing is left behind.`)
    expect(server.users.size).toBe(0)
  })

  it('fails the search step when the filter does not find the new user', async () => {
    server.faults.set('GET /Users', { kind: 'status', status: 200, body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 0, Resources: [] }) })
    const run = await test()
    expect(step(run, 'find-user')).toMatchObject({ status: 'fail', detail: expect.stringContaining('it would try to create them again') })
    expect(step(run, 'delete-user').status).toBe('pass')
    expect(server.users.size).toBe(0)
  })

  it('names the user to remove by hand when the cleanup itself fails', async () => {
    server.faults.set('DELETE /Users/:id', { kind: 'status', status: 503 })
    const run = await test()
    const [user] = server.users.values()
    expect(user.active).toBe(false)
    expect(step(run, 'suspend-user').status).toBe('pass')
    expect(step(run, 'delete-user')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(new RegExp(`^The test user ${EMAIL} \\(user id ${user.id}\\) is still in Dialpad: Dialpad could not answer \\(503\\)`)),
      fix: `Remove it by hand: in Dialpad Admin Settings, find the user ${EMAIL} (user id ${user.id}) and delete it.`,
    })
  })

  it('cleans up after a cancel in the middle of the run', async () => {
    server.faults.set('GET /Users/:id', { kind: 'delay', ms: 5_000 })
    const cancel = new AbortController()
    const run = await test({
      signal: cancel.signal,
      onProgress: (s, phase) => {
        if (s.id === 'read-user' && phase === 'started') setTimeout(() => cancel.abort(), 50)
      },
    })
    expect(statuses(run)).toEqual([
      ['inputs', 'pass'],
      ['create-user', 'pass'],
      ['read-user', 'fail'],
      ['find-user', 'skipped'],
      ['suspend-user', 'skipped'],
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

  it('reports a suspend that Dialpad accepted but did not apply', async () => {
    server.faults.set('PATCH /Users/:id', {
      kind: 'status',
      status: 200,
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: 'x', userName: EMAIL, active: true }),
    })
    const run = await test()
    expect(step(run, 'suspend-user')).toMatchObject({ status: 'fail', detail: 'Dialpad accepted the change but still reports the test user as active.' })
    expect(server.users.size).toBe(0)
  })

  it('never shows the API key, even when Dialpad echoes it on a failing step', async () => {
    server.faults.set('PATCH /Users/:id', { kind: 'echoToken', status: 400 })
    server.faults.set('DELETE /Users/:id', { kind: 'echoToken', status: 500 })
    const progress: CheckStep[] = []
    const run = await test({ onProgress: (s) => progress.push(s) })
    expect(step(run, 'suspend-user').detail).toContain('[API key hidden]')
    expect(JSON.stringify(run)).not.toContain(TOKEN)
    expect(JSON.stringify(progress)).not.toContain(TOKEN)
  })

  it('refuses an unusable test email before sending anything', async () => {
    const before = server.requests.length
    const run = await test({ userEmail: 'not-an-email' })
    expect(step(run, 'inputs')).toMatchObject({ status: 'fail', detail: '"not-an-email" is not an email address.' })
    expect(run.steps.slice(1).every((s) => s.status === 'skipped')).toBe(true)
    expect(server.requests).toHaveLength(before)
  })
})
