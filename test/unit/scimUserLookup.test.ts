import type { Dispatcher } from 'undici'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CheckRun } from '../../src/shared/checkRun'
import { createHttpDispatcher } from '../../src/core/net/httpClient'
import { runUserLookup } from '../../src/core/scim/userLookup'
import { startScimServer, type ScimServer } from '../support/scimServer'
import { makeTestCa } from '../support/scimTestCa'

const TOKEN = 'dpk_live_Lk3mQ9zT1vXc8p'
const FAST = { connectMs: 500, headersMs: 400, bodyMs: 400 }

let server: ScimServer
let caPem: string
let dispatcher: Dispatcher

const lookup = (email: string) => runUserLookup({ baseUrl: server.url, token: TOKEN, email, dispatcher })

beforeAll(async () => {
  const ca = await makeTestCa()
  caPem = ca.caPem
  server = await startScimServer({ token: TOKEN, tls: await ca.issue() })
})
beforeEach(() => {
  dispatcher = createHttpDispatcher({ env: {}, timeouts: FAST, extraCaPem: caPem })
  server.users.set('u-jane', { id: 'u-jane', userName: 'jane@acme.example', active: true, created: '' })
  server.users.set('u-sam', { id: 'u-sam', userName: 'Sam@Acme.example', active: false, created: '' })
})
afterEach(async () => {
  server.faults.clear()
  server.users.clear()
  await dispatcher.close()
})
afterAll(() => server.close())

describe('is this user provisioned?', () => {
  it('finds an active user, by a userName filter, without writing anything', async () => {
    const before = server.requests.length
    const { state, run } = await lookup('jane@acme.example')
    expect(state).toBe('active')
    expect(CheckRun.parse(run)).toEqual(run)
    expect(run.ok).toBe(true)
    expect(run.steps.at(-1)).toMatchObject({ id: 'find-user', status: 'pass', detail: 'Dialpad has jane@acme.example (user id u-jane) and it is active: JumpCloud provisioned it.' })
    const sent = server.requests.slice(before)
    expect(sent.map((r) => `${r.method} ${r.path}${r.query}`)).toEqual(['GET /Users?filter=userName%20eq%20%22jane%40acme.example%22'])
  })

  it('says a deactivated user is suspended, and what to check', async () => {
    const { state, run } = await lookup('sam@acme.example')
    expect(state).toBe('suspended')
    expect(run.ok).toBe(true)
    expect(run.steps.at(-1)).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('(user id u-sam), but it is deactivated (active: false), so it shows as suspended in Dialpad'),
      fix: expect.stringContaining('in the user group for Dialpad'),
    })
  })

  it('says a missing user was not provisioned, naming the three things to check in JumpCloud', async () => {
    const { state, run } = await lookup('nobody@acme.example')
    expect(state).toBe('not-found')
    expect(run.ok).toBe(false)
    const found = run.steps.at(-1)!
    expect(found).toMatchObject({ status: 'fail', detail: 'Dialpad has no user nobody@acme.example: JumpCloud has not provisioned it.' })
    expect(found.fix).toMatch(/member of the user group for Dialpad.*assigned to the Dialpad app.*Identity Management was activated/)
  })

  it('never writes, whatever it finds', async () => {
    const before = server.requests.length
    for (const email of ['jane@acme.example', 'sam@acme.example', 'nobody@acme.example']) await lookup(email)
    expect(server.requests.slice(before).every((r) => r.method === 'GET')).toBe(true)
    expect([...server.users.values()].map((u) => [u.id, u.active])).toEqual([
      ['u-jane', true],
      ['u-sam', false],
    ])
  })

  it('explains a rejected key in Dialpad terms, and an address that is not one before sending anything', async () => {
    server.faults.set('GET /Users', { kind: 'status', status: 401 })
    const refused = await lookup('jane@acme.example')
    expect(refused.state).toBe('unknown')
    expect(refused.run.steps.at(-1)).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^Dialpad rejected the API key \(401\)/) })
    const before = server.requests.length
    const bad = await lookup('jane')
    expect(bad.run.steps[0]).toMatchObject({ status: 'fail', detail: '"jane" is not an email address.' })
    expect(server.requests).toHaveLength(before)
  })
})
