import type { Dispatcher } from 'undici'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CheckRun, type CheckStep } from '../../src/shared/checkRun'
import { createHttpDispatcher, type HttpClientOptions } from '../../src/core/net/httpClient'
import { runConnectionTest, type ConnectionTestOptions } from '../../src/core/scim/connectionTest'
import { defaultScimBaseUrl, expectedScimBaseUrl, parseScimBaseUrl } from '../../src/core/scim/scimBaseUrl'
import { closedPort, startSilentServer } from '../support/scimNetFixtures'
import { startScimServer, type ScimFault, type ScimServer } from '../support/scimServer'
import { makeTestCa, type TestCa } from '../support/scimTestCa'

const TOKEN = 'dpk_live_Zx81QvTq3mWc9s'
const FAST = { connectMs: 500, headersMs: 400, bodyMs: 400 }
const FIXED_NOW = new Date('2026-03-01T12:00:00Z')

let ca: TestCa
let server: ScimServer
let otherOrigin: ScimServer
const dispatchers: Dispatcher[] = []

function trusting(options: HttpClientOptions = {}): Dispatcher {
  const made = createHttpDispatcher({ env: {}, timeouts: FAST, extraCaPem: ca.caPem, ...options })
  dispatchers.push(made)
  return made
}

function test(options: Partial<ConnectionTestOptions> = {}): Promise<CheckRun> {
  return runConnectionTest({ baseUrl: server.url, token: TOKEN, dispatcher: trusting(), now: () => FIXED_NOW, ...options })
}

function step(run: CheckRun, id: string): CheckStep {
  const found = run.steps.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no step ${id} in ${JSON.stringify(run)}`)
  return found
}

beforeAll(async () => {
  ca = await makeTestCa()
  server = await startScimServer({ token: TOKEN, tls: await ca.issue() })
  otherOrigin = await startScimServer({ token: 'another-server', tls: await ca.issue() })
})
afterEach(async () => {
  server.faults.clear()
  await Promise.all(dispatchers.splice(0).map((made) => made.close()))
})
afterAll(() => Promise.all([server.close(), otherOrigin.close()]))

describe('base URL', () => {
  it('normalizes what an admin types and refuses what cannot be a SCIM base URL', () => {
    expect(defaultScimBaseUrl('production')).toBe('https://dialpad.com/scim')
    expect(defaultScimBaseUrl('sandbox')).toBe('https://sandbox.dialpad.com/scim')
    expect(parseScimBaseUrl(' https://Dialpad.com/scim/ ')).toEqual({ ok: true, url: 'https://dialpad.com/scim' })
    expect(parseScimBaseUrl('dialpad.com/scim')).toEqual({ ok: true, url: 'https://dialpad.com/scim' })
    expect(parseScimBaseUrl('http://127.0.0.1:8080/scim//')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/scim' })
    expect(parseScimBaseUrl('http://localhost/scim')).toEqual({ ok: true, url: 'http://localhost/scim' })
    expect(parseScimBaseUrl('http://dialpad.com/scim')).toMatchObject({ ok: false, error: expect.stringContaining('only allowed for this computer') })
    expect(parseScimBaseUrl('https://dialpad.com/scim?x=1')).toMatchObject({ ok: false, error: expect.stringContaining('"?" or "#"') })
    expect(parseScimBaseUrl('https://dialpad.com/scim#top')).toMatchObject({ ok: false })
    expect(parseScimBaseUrl('https://admin:pw@dialpad.com/scim')).toMatchObject({ ok: false, error: expect.stringContaining('user name and password') })
    expect(parseScimBaseUrl('ftp://dialpad.com/scim')).toMatchObject({ ok: false })
    expect(parseScimBaseUrl('')).toMatchObject({ ok: false, error: expect.stringContaining('https://dialpad.com/scim') })
    expect(expectedScimBaseUrl('https://sandbox.dialpad.com/scim/v2')).toBe('https://sandbox.dialpad.com/scim')
    expect(expectedScimBaseUrl('https://127.0.0.1:9/x')).toBe('https://dialpad.com/scim')
  })

  it('stops before any request when the base URL or API key is unusable', async () => {
    const before = server.requests.length
    const badUrl = await test({ baseUrl: 'http://dialpad.com/scim' })
    expect(badUrl.ok).toBe(false)
    expect(badUrl.steps.map((s) => [s.id, s.status])).toEqual([
      ['inputs', 'fail'],
      ['list-users', 'skipped'],
      ['service-provider-config', 'skipped'],
      ['schemas', 'skipped'],
      ['resource-types', 'skipped'],
    ])
    const noKey = await test({ token: '  ' })
    expect(step(noKey, 'inputs')).toMatchObject({ status: 'fail', detail: 'No API key was given.' })
    const pastedTwice = await test({ token: `${TOKEN}\n${TOKEN}` })
    expect(step(pastedTwice, 'inputs').detail).toMatch(/spaces, line breaks/)
    expect(JSON.stringify(pastedTwice)).not.toContain(TOKEN)
    expect(server.requests).toHaveLength(before)
  })
})

describe('connection test against the local SCIM server', () => {
  it('passes, with a valid CheckRun, durations, and progress for each step', async () => {
    const progress: [string, string, string][] = []
    const run = await test({ baseUrl: `${server.url}/`, onProgress: (s, phase) => progress.push([s.id, phase, s.status]) })
    expect(CheckRun.parse(run)).toEqual(run)
    expect(run).toMatchObject({ ok: true, checkedAt: FIXED_NOW.toISOString() })
    expect(run.steps.map((s) => [s.id, s.title, s.status, s.decisive])).toEqual([
      ['inputs', 'The base URL and API key are usable', 'pass', true],
      ['list-users', 'Dialpad accepts the API key', 'pass', true],
      ['service-provider-config', 'Dialpad describes its SCIM service (ServiceProviderConfig)', 'pass', false],
      ['schemas', 'Dialpad lists its SCIM schemas (Schemas)', 'pass', false],
      ['resource-types', 'Dialpad lists its SCIM resource types (ResourceTypes)', 'pass', false],
    ])
    expect(run.steps.every((s) => typeof s.durationMs === 'number' && s.durationMs >= 0 && s.fix === undefined)).toBe(true)
    expect(step(run, 'list-users').detail).toBe('Dialpad accepted the API key and listed users (0 users in the company).')
    for (const id of ['service-provider-config', 'list-users', 'schemas', 'resource-types']) {
      expect(progress.filter(([stepId]) => stepId === id).map(([, phase]) => phase)).toEqual(['started', 'finished'])
    }
    const sent = server.requests.slice(-4)
    expect(sent.map((r) => `${r.path}${r.query}`).sort()).toEqual(['/ResourceTypes', '/Schemas', '/ServiceProviderConfig', '/Users?startIndex=1&count=1'])
    expect(sent.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true)
  })

  it('sends every request at once, then reuses the keep-alive connections on the next run', async () => {
    server.faults.set('*', { kind: 'delay', ms: 250 })
    const dispatcher = trusting()
    const first = await test({ dispatcher })
    expect(first.ok).toBe(true)
    const sent = server.requests.slice(-4)
    expect(Math.max(...sent.map((r) => r.receivedAt))).toBeLessThan(Math.min(...sent.map((r) => r.respondedAt!)))

    expect((await test({ dispatcher })).ok).toBe(true)
    const firstIds = new Set(sent.map((r) => r.connectionId))
    expect(server.requests.slice(-4).every((r) => firstIds.has(r.connectionId))).toBe(true)
  })

  it('warns, but passes, when Dialpad labels SCIM data as application/json', async () => {
    server.faults.set('GET /Users', { kind: 'contentType', contentType: 'application/json; charset=utf-8' })
    const run = await test()
    expect(run.ok).toBe(true)
    expect(step(run, 'list-users')).toMatchObject({ status: 'warn', detail: expect.stringContaining('labelled application/json'), fix: expect.any(String) })
  })

  // undici's header and body timers are coarse (about 1 s for short values), so those cases get a roomier deadline.
  const statusCases: [string, ScimFault, RegExp, RegExp, number?][] = [
    ['401', { kind: 'status', status: 401 }, /^Dialpad rejected the API key \(401\)\./, /^Create a new key in Admin Settings > My Company > Authentication > API Keys\.$/],
    ['403', { kind: 'status', status: 403 }, /lacks the needed scope, or the account that created it is not a Company Admin/, /Company Admin .* API Keys/],
    ['404', { kind: 'status', status: 404 }, /Nothing was found at https:\/\/127\.0\.0\.1:\d+\/scim\/Users \(404\)/, /^Set the base URL to https:\/\/dialpad\.com\/scim/],
    ['429', { kind: 'status', status: 429, headers: { 'retry-after': '30' } }, /limiting requests \(429\) and asks to wait 30 seconds/, /^Wait 30 seconds, then test again; the assistant does not retry/],
    [
      '429 with a date',
      { kind: 'status', status: 429, headers: { 'retry-after': 'Sun, 01 Mar 2026 12:05:00 GMT' } },
      /asks to wait 5 minutes/,
      /^Wait 5 minutes/,
    ],
    ['500', { kind: 'status', status: 500 }, /Dialpad could not answer \(500\)\. Dialpad said: "Injected 500\."/, /on Dialpad's side/],
    ['503', { kind: 'status', status: 503 }, /Dialpad could not answer \(503\)/, /contact Dialpad Support with the time of this test/],
    ['an HTML page', { kind: 'html' }, /An HTML page came back instead of SCIM data \(text\/html\): a proxy or sign-in page is in the way/, /ask your network team/],
    ['an HTML 403 from a proxy', { kind: 'html', status: 403 }, /\(403\).*a web page, not SCIM data/, /API Keys/],
    ['another content type', { kind: 'contentType', contentType: 'text/plain' }, /The answer is text\/plain, not SCIM data/, /base URL is https:\/\/dialpad\.com\/scim/],
    ['a body that is not JSON', { kind: 'notJson' }, /claims to be application\/scim\+json but cannot be read as JSON/, /base URL/],
    ['an oversize body', { kind: 'oversize', bytes: 3 * 1024 * 1024 }, /far bigger than any SCIM answer: .*1 MiB/, /proxy/],
    ['a same-origin redirect', { kind: 'redirect', location: '/scim/v2/Users', status: 301 }, /redirect \(301\) to another address on the same server \(\/scim\/v2\/Users\)/, /exactly https:\/\/dialpad\.com\/scim/],
    ['a connection reset', { kind: 'reset' }, /was closed before a complete answer arrived/, /Test again/],
    ['slow headers', { kind: 'delay', ms: 2_000 }, /accepted the connection but did not answer in time \(UND_ERR_HEADERS_TIMEOUT\)/, /Test again in a few minutes/, 5_000],
    ['a stalled body', { kind: 'stall' }, /started, then stopped arriving \(UND_ERR_BODY_TIMEOUT\)/, /Test again/, 5_000],
    ['an endless body', { kind: 'trickle', intervalMs: 40 }, /took too long: No complete answer within 0\.6 s/, /never ends/],
  ]
  it.each(statusCases)('explains %s on the API key step', async (_name, fault, detail, fix, deadlineMs = 600) => {
    server.faults.set('GET /Users', fault)
    const run = await test({ deadlineMs })
    expect(run.ok).toBe(false)
    expect(step(run, 'service-provider-config').status).toBe('pass')
    const failed = step(run, 'list-users')
    expect(failed.decisive).toBe(true)
    expect(failed.status).toBe('fail')
    expect(failed.detail).toMatch(detail)
    expect(failed.fix).toMatch(fix)
  })

  it('reports a cross-origin redirect by its origin and never sends the API key there', async () => {
    server.faults.set('*', { kind: 'redirect', location: `${otherOrigin.url}/Users?next=1` })
    const run = await test()
    const detail = `The server answered with a redirect (302) to ${otherOrigin.origin}. Redirects are not followed, so the API key was not sent anywhere else.`
    expect(step(run, 'list-users')).toMatchObject({ status: 'fail', detail })
    // The discovery steps are informational: the same problem is a warning there.
    for (const id of ['service-provider-config', 'schemas', 'resource-types']) expect(step(run, id)).toMatchObject({ status: 'warn', detail })
    expect(otherOrigin.requests).toHaveLength(0)
    expect(otherOrigin.requests.some((r) => r.authorization !== undefined)).toBe(false)
  })

  it('checks the ListResponse and ServiceProviderConfig shapes', async () => {
    server.faults.set('GET /Users', { kind: 'status', status: 200, body: JSON.stringify({ schemas: ['urn:x'], totalResults: '3' }) })
    server.faults.set('GET /ServiceProviderConfig', { kind: 'status', status: 200, body: JSON.stringify({ schemas: [], patch: {} }) })
    const run = await test()
    expect(step(run, 'list-users').detail).toMatch(/not a SCIM ListResponse: schemas: does not list urn:ietf:params:scim:api:messages:2\.0:ListResponse; totalResults: /)
    expect(step(run, 'service-provider-config')).toMatchObject({ status: 'warn', detail: expect.stringMatching(/not a SCIM ServiceProviderConfig: schemas: .*; patch\.supported: /) })

    const noFilter = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'], patch: { supported: true }, filter: { supported: false } }
    server.faults.set('GET /ServiceProviderConfig', { kind: 'status', status: 200, body: JSON.stringify(noFilter) })
    server.faults.clear('GET /Users')
    const warned = await test()
    expect(warned.ok).toBe(true)
    expect(step(warned, 'service-provider-config')).toMatchObject({ status: 'warn', detail: expect.stringContaining('filters (finding a user by userName)') })
  })

  it('never shows the API key, even when the server echoes it back', async () => {
    server.faults.set('GET /Users', { kind: 'echoToken', status: 401 })
    server.faults.set('GET /ServiceProviderConfig', { kind: 'echoToken', status: 500 })
    const progress: CheckStep[] = []
    const run = await test({ onProgress: (s) => progress.push(s) })
    expect(step(run, 'list-users').detail).toBe('Dialpad rejected the API key (401). Dialpad said: "Token [API key hidden] is not allowed here".')
    expect(JSON.stringify(run)).not.toContain(TOKEN)
    expect(JSON.stringify(progress)).not.toContain(TOKEN)
  })

  it('reports a cancel by the admin', async () => {
    server.faults.set('*', { kind: 'delay', ms: 3_000 })
    const cancel = new AbortController()
    setTimeout(() => cancel.abort(), 100)
    const run = await test({ signal: cancel.signal })
    expect(run.ok).toBe(false)
    expect(step(run, 'list-users')).toMatchObject({ status: 'fail', detail: 'Cancelled before the answer arrived.', fix: 'Run the test again when you are ready.' })
    expect(step(run, 'service-provider-config').status).toBe('warn')
  })
})

describe('decisive and informational steps', () => {
  it('passes with a note against a server without ServiceProviderConfig, Schemas or ResourceTypes', async () => {
    const lean = await startScimServer({ token: TOKEN, tls: await ca.issue(), discovery: false })
    try {
      const run = await test({ baseUrl: lean.url })
      expect(run.ok).toBe(true)
      expect(step(run, 'list-users')).toMatchObject({ status: 'pass', decisive: true })
      for (const [id, path] of [['service-provider-config', 'ServiceProviderConfig'], ['schemas', 'Schemas'], ['resource-types', 'ResourceTypes']]) {
        expect(step(run, id)).toMatchObject({ status: 'skipped', decisive: false, httpStatus: 404, detail: expect.stringContaining(`Dialpad does not serve /${path} (404). That is allowed`) })
        expect(step(run, id).fix).toBeUndefined()
      }
    } finally {
      await lean.close()
    }
  })

  it('fails only on the decisive step: a broken ServiceProviderConfig warns, a refused key fails', async () => {
    server.faults.set('GET /ServiceProviderConfig', { kind: 'status', status: 500 })
    const warned = await test()
    expect(warned.ok).toBe(true)
    expect(step(warned, 'service-provider-config')).toMatchObject({ status: 'warn', decisive: false, detail: expect.stringContaining('(500)') })

    server.faults.set('GET /Users', { kind: 'status', status: 401 })
    const failed = await test()
    expect(failed.ok).toBe(false)
    expect(failed.steps.filter((s) => s.status === 'fail').map((s) => s.id)).toEqual(['list-users'])
  })

  it('warns when the discovery answers do not describe users', async () => {
    server.faults.set('GET /Schemas', { kind: 'status', status: 200, body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 0, Resources: [] }) })
    server.faults.set('GET /ResourceTypes', { kind: 'status', status: 200, body: JSON.stringify([{ name: 'Group', endpoint: '/Groups' }]) })
    const run = await test()
    expect(run.ok).toBe(true)
    expect(step(run, 'schemas')).toMatchObject({ status: 'warn', detail: 'Dialpad lists 0 schemas, but not the core User schema.' })
    expect(step(run, 'resource-types')).toMatchObject({ status: 'warn', detail: 'Dialpad lists 1 resource types, but not a User resource type.' })
  })
})

describe('connection test when the network is in the way', () => {
  it('explains a DNS failure', async () => {
    const run = await test({ baseUrl: 'https://scim.sso-assistant.invalid/scim' })
    expect(step(run, 'list-users')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^The name scim\.sso-assistant\.invalid could not be found \((ENOTFOUND|EAI_AGAIN)\)\.$/),
      fix: expect.stringContaining('spelled like https://dialpad.com/scim'),
    })
  })

  it('explains a refused connection and a connect timeout', async () => {
    const port = await closedPort()
    const refused = await test({ baseUrl: `https://127.0.0.1:${port}/scim` })
    expect(step(refused, 'list-users').detail).toBe(`127.0.0.1:${port} refused the connection (ECONNREFUSED).`)

    const silent = await startSilentServer()
    try {
      const run = await test({ baseUrl: `https://127.0.0.1:${silent.port}/scim`, dispatcher: trusting({ timeouts: { connectMs: 300 } }) })
      expect(step(run, 'list-users')).toMatchObject({
        detail: expect.stringContaining('Nothing answered when connecting to 127.0.0.1'),
        fix: expect.stringContaining('firewall'),
      })
    } finally {
      await silent.close()
    }
  })

  it('fails on an untrusted certificate with the corporate CA advice, then passes once that CA is chosen', async () => {
    const untrusting = createHttpDispatcher({ env: {}, timeouts: FAST })
    dispatchers.push(untrusting)
    const run = await test({ dispatcher: untrusting })
    expect(step(run, 'list-users')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/not trusted by this computer \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN)\)/),
      fix: expect.stringContaining('"Corporate CA certificate" option'),
    })
    expect((await test({ dispatcher: trusting() })).ok).toBe(true)
  })

  it('explains an expired certificate and one for another host name', async () => {
    const expired = await startScimServer({ token: TOKEN, tls: await ca.issue({ expired: true }) })
    const misnamed = await startScimServer({ token: TOKEN, tls: await ca.issue({ hosts: ['scim.elsewhere.test'] }) })
    try {
      const expiredRun = await test({ baseUrl: expired.url })
      expect(step(expiredRun, 'list-users')).toMatchObject({ detail: expect.stringContaining('has expired or is not valid yet (CERT_HAS_EXPIRED)'), fix: expect.stringContaining("date and time") })
      const misnamedRun = await test({ baseUrl: misnamed.url })
      expect(step(misnamedRun, 'list-users')).toMatchObject({ detail: 'The certificate presented is not for 127.0.0.1 (ERR_TLS_CERT_ALTNAME_INVALID).' })
    } finally {
      await Promise.all([expired.close(), misnamed.close()])
    }
  })

  it('makes and closes its own dispatcher when none is given (plain http on loopback)', async () => {
    const plain = await startScimServer({ token: TOKEN })
    try {
      const run = await runConnectionTest({ baseUrl: plain.url, token: TOKEN })
      expect(run.ok).toBe(true)
    } finally {
      await plain.close()
    }
  })
})
