import type { Dispatcher } from 'undici'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHttpDispatcher } from '../../src/core/net/httpClient'
import { CLOCK_SKEW_WARN_MS, formatDuration, judgeClockSkew } from '../../src/core/sso/clockSkew'
import { runDialpadMetadataCheck, runSsoServicesCheck, type SsoServicesCheckOptions } from '../../src/core/sso/ssoServicesCheck'
import { startSsoServicesCheck } from '../../src/core/sso/ssoServicesCheckService'
import { LiveCheckRunner } from '../../src/core/checks/liveCheckRunner'
import { CheckRun, type CheckStep } from '../../src/shared/checkRun'
import { deriveSpValues } from '../../src/shared/spValues'
import { startDialpadMetadataServer, type DialpadMetadataServer } from '../support/dialpadMetadataServer'
import { closedPort } from '../support/scimNetFixtures'
import { makeTestCa, type TestCa } from '../support/scimTestCa'

/** Short enough to keep the slow-answer tests quick, long enough that a busy machine's TLS handshake is never cut. */
const FAST = { connectMs: 5_000, headersMs: 1_500, bodyMs: 1_500 }
/** Both the servers' Date headers and this computer's clock read this, so skews are exact. */
const FIXED_NOW = new Date('2026-03-01T12:00:00Z')
const SP = deriveSpValues('example.com', 'production')
const MINUTE = 60_000
const SET_CLOCK = "Set this computer's clock to update automatically"

let ca: TestCa
let server: DialpadMetadataServer
/** Same CA, but a certificate for sso.jumpcloud.com only: reached as 127.0.0.1, its name does not match. */
let wrongName: DialpadMetadataServer
const dispatchers: Dispatcher[] = []

function trusting(): Dispatcher {
  const made = createHttpDispatcher({ env: {}, timeouts: FAST, extraCaPem: ca.caPem })
  dispatchers.push(made)
  return made
}

function check(options: Partial<SsoServicesCheckOptions> = {}): Promise<CheckRun> {
  return runSsoServicesCheck({
    sp: SP,
    metadataBaseUrl: server.origin,
    idpSsoUrl: server.idpSsoUrl,
    dispatcher: trusting(),
    now: () => FIXED_NOW,
    ...options,
  })
}

function step(run: CheckRun, id: string): CheckStep {
  const found = run.steps.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no step ${id} in ${JSON.stringify(run)}`)
  return found
}

beforeAll(async () => {
  ca = await makeTestCa()
  server = await startDialpadMetadataServer({ tls: await ca.issue(), now: () => FIXED_NOW })
  wrongName = await startDialpadMetadataServer({ tls: await ca.issue({ hosts: ['sso.jumpcloud.com'] }), now: () => FIXED_NOW })
})
afterEach(async () => {
  server.faults.clear()
  server.clocks.clear()
  await Promise.all(dispatchers.splice(0).map((made) => made.close()))
})
afterAll(() => Promise.all([server.close(), wrongName.close()]))

describe('SSO services check', () => {
  it('passes when Dialpad publishes the SP values, the IdP answers, and the clocks agree, reporting progress for each step', async () => {
    const progress: string[] = []
    const run = await check({ onProgress: (s, phase) => progress.push(`${s.id} ${phase}`) })
    expect(CheckRun.parse(run)).toEqual(run)
    expect(run).toMatchObject({ ok: true, checkedAt: FIXED_NOW.toISOString() })
    expect(run.steps.map((s) => [s.id, s.title, s.status, s.httpStatus])).toEqual([
      ['sp-metadata', 'Dialpad has SAML saved with the Custom provider', 'pass', 200],
      ['idp-reachable', 'The IdP SSO URL answers over a trusted connection', 'pass', 302],
      ['clock', "This computer's clock agrees with Dialpad's and JumpCloud's", 'pass', undefined],
    ])
    expect(step(run, 'idp-reachable').detail).toBe(
      `JumpCloud (${new URL(server.origin).host}) answered over a trusted TLS connection (HTTP 302, text/html, redirecting to https://console.jumpcloud.com/login).`,
    )
    expect(step(run, 'clock').detail).toBe("This computer's clock is within a second of Dialpad's and within a second of JumpCloud's (up to 2 minutes apart is fine).")
    expect(run.steps.every((s) => typeof s.durationMs === 'number' && s.fix === undefined)).toBe(true)
    for (const id of ['sp-metadata', 'idp-reachable', 'clock']) expect(progress.filter((line) => line.startsWith(`${id} `))).toEqual([`${id} started`, `${id} finished`])
    expect(progress.indexOf('clock started')).toBeGreaterThan(progress.indexOf('sp-metadata finished'))
  })

  it('asks Dialpad and the IdP at the same time', async () => {
    // Each answer waits until the other request has arrived: asked one after the other, the first would wait 5 s.
    server.faults.set('metadata', { kind: 'hold-until-other', maxMs: 5_000 })
    server.faults.set('idp', { kind: 'hold-until-other', maxMs: 5_000 })
    const before = server.requests.length
    const run = await check()
    expect(run.ok).toBe(true)
    const asked = server.requests.slice(before).filter((request) => request.route !== 'other')
    expect(asked.map((request) => request.route).sort()).toEqual(['idp', 'metadata'])
    expect(asked.map((request) => request.released)).toEqual(['other-arrived', 'other-arrived'])
  })

  it('skips the IdP step with a clear reason when the IdP SSO URL is not entered yet, and still checks Dialpad and the clock', async () => {
    for (const idpSsoUrl of [null, '   ']) {
      const before = server.requests.length
      const run = await check({ idpSsoUrl })
      expect(run.ok).toBe(true)
      expect(step(run, 'idp-reachable')).toMatchObject({
        status: 'skipped',
        durationMs: null,
        detail: "Not run: the IdP SSO URL is not entered yet. Copy JumpCloud's IDP URL (the Dialpad app > SSO tab) into the assistant's IdP values, then check again.",
      })
      expect(step(run, 'clock').detail).toBe("This computer's clock is within a second of Dialpad's (up to 2 minutes apart is fine).")
      expect(server.requests.slice(before).map((r) => r.route)).toEqual(['metadata'])
    }
  })

  it('warns on the Dialpad step alone when Dialpad publishes no metadata (an undocumented address), and still reads both clocks', async () => {
    const run = await check({ sp: deriveSpValues('other.example', 'production') })
    expect(run.ok).toBe(true)
    expect(run.steps.map((s) => [s.id, s.status, s.decisive])).toEqual([
      ['sp-metadata', 'warn', false],
      ['idp-reachable', 'pass', true],
      ['clock', 'pass', false],
    ])
    expect(step(run, 'sp-metadata').fix).toMatch(/^If SAML with the Custom provider is not saved for other\.example in Dialpad: /)
    // A 404 page still carries Dialpad's time.
    expect(step(run, 'clock').detail).toBe("This computer's clock is within a second of Dialpad's and within a second of JumpCloud's (up to 2 minutes apart is fine).")
  })
})

describe('IdP reachable', () => {
  it('counts any HTTP answer over valid TLS, 4xx included, and warns on a server error', async () => {
    server.faults.set('idp', { kind: 'status', status: 400, contentType: 'text/plain', body: 'SAMLRequest missing' })
    const bad = await check()
    expect(step(bad, 'idp-reachable')).toMatchObject({ status: 'pass', httpStatus: 400, detail: expect.stringContaining('(HTTP 400, text/plain, starting "SAMLRequest missing")') })

    server.faults.set('idp', { kind: 'status', status: 404 })
    expect(step(await check(), 'idp-reachable').status).toBe('pass')

    server.faults.set('idp', { kind: 'status', status: 502 })
    const down = await check()
    expect(down.ok).toBe(true)
    expect(step(down, 'idp-reachable')).toMatchObject({ status: 'warn', detail: expect.stringContaining('but with a server error (HTTP 502'), fix: expect.stringContaining("JumpCloud's status page") })
  })

  it('refuses an IdP SSO URL that is not https before sending anything, with where to copy it from', async () => {
    const before = server.requests.length
    const plain = await check({ idpSsoUrl: 'http://sso.jumpcloud.com/saml2/dialpad' })
    expect(step(plain, 'idp-reachable')).toMatchObject({
      status: 'fail',
      detail: 'The IdP SSO URL must start with https:// (it starts with http://). Copy the IDP URL from JumpCloud again.',
      fix: "Copy JumpCloud's IDP URL (the Dialpad app > SSO tab) again into the assistant's IdP values and Dialpad's IdP SSO URL field (Admin Settings > My Company > Authentication > SAML), then check again.",
    })
    const partial = await check({ idpSsoUrl: 'sso.jumpcloud.com/saml2/dialpad' })
    expect(step(partial, 'idp-reachable').detail).toContain('not a complete web address')
    expect(server.requests.slice(before).every((r) => r.route === 'metadata')).toBe(true)
  })

  it('fails on a certificate for another name, and on a refused connection, pointing at the IdP SSO URL', async () => {
    const mismatch = await check({ idpSsoUrl: wrongName.idpSsoUrl })
    expect(step(mismatch, 'idp-reachable')).toMatchObject({
      status: 'fail',
      detail: 'The certificate presented is not for 127.0.0.1 (ERR_TLS_CERT_ALTNAME_INVALID).',
      fix: expect.stringMatching(/^Check the IdP SSO URL is JumpCloud's IDP URL \(the Dialpad app > SSO tab\), in .* If it is right, a proxy is intercepting/),
    })
    expect(wrongName.requests).toHaveLength(0)

    const port = await closedPort()
    const refused = await check({ idpSsoUrl: `https://127.0.0.1:${port}/saml2/dialpad` })
    expect(step(refused, 'idp-reachable')).toMatchObject({ status: 'fail', detail: `127.0.0.1:${port} refused the connection to JumpCloud (ECONNREFUSED).` })
    expect(step(refused, 'clock').detail).toContain('JumpCloud gave no answer to read the time from.')
  })
})

describe('clock', () => {
  it('warns when this computer is behind both services, naming the direction and amount', async () => {
    server.clocks.set('metadata', { offsetMs: 5 * MINUTE })
    server.clocks.set('idp', { offsetMs: 5 * MINUTE + 2_000 })
    const run = await check()
    expect(run.ok).toBe(true)
    expect(step(run, 'clock')).toMatchObject({
      status: 'warn',
      detail:
        "This computer's clock is 5 minutes behind Dialpad's and 5 minutes 2 seconds behind JumpCloud's. Clocks more than 2 minutes apart are a frequent cause of rejected SAML assertions.",
      fix: expect.stringContaining(SET_CLOCK),
    })
  })

  it('warns when this computer is ahead', async () => {
    server.clocks.set('metadata', { offsetMs: -(3 * MINUTE + 20_000) })
    server.clocks.set('idp', { offsetMs: -(3 * MINUTE + 20_000) })
    const clock = step(await check(), 'clock')
    expect(clock.status).toBe('warn')
    expect(clock.detail).toMatch(/^This computer's clock is 3 minutes 20 seconds ahead of Dialpad's and 3 minutes 20 seconds ahead of JumpCloud's\./)
  })

  it('passes up to 2 minutes apart', async () => {
    server.clocks.set('metadata', { offsetMs: CLOCK_SKEW_WARN_MS })
    server.clocks.set('idp', { offsetMs: -(MINUTE + 59_000) })
    const clock = step(await check(), 'clock')
    expect(clock).toMatchObject({ status: 'pass', detail: "This computer's clock is 2 minutes behind Dialpad's and 1 minute 59 seconds ahead of JumpCloud's (up to 2 minutes apart is fine)." })
  })

  it('suspects the odd answer, not this computer, when only one service disagrees', async () => {
    server.clocks.set('metadata', { offsetMs: 7 * MINUTE })
    const clock = step(await check(), 'clock')
    expect(clock).toMatchObject({
      status: 'warn',
      detail: "This computer's clock is within a second of JumpCloud's, but Dialpad's answer carried a time 7 minutes ahead of it. Clocks more than 2 minutes apart are a frequent cause of rejected SAML assertions.",
      fix: expect.stringMatching(/^This computer's clock looks right: .*caching proxy.*Dialpad Support\.$/),
    })
  })

  it('is skipped, saying why, when no answer carried a Date header', async () => {
    server.clocks.set('metadata', 'no-date')
    server.clocks.set('idp', { raw: 'sometime yesterday' })
    const clock = step(await check(), 'clock')
    expect(clock).toEqual({
      id: 'clock',
      title: "This computer's clock agrees with Dialpad's and JumpCloud's",
      status: 'skipped',
      durationMs: null,
      detail:
        "Not run: no answer carried the time to compare with. Dialpad's answer carried no time (no Date header). JumpCloud's answer carried a time that could not be read (Date header).",
      decisive: false,
    })
  })

  it('formats durations in their two largest units', () => {
    expect(formatDuration(0)).toBe('0 seconds')
    expect(formatDuration(1_000)).toBe('1 second')
    expect(formatDuration(-61_000)).toBe('1 minute 1 second')
    expect(formatDuration(120_000)).toBe('2 minutes')
    expect(formatDuration(3_600_000 + 59_000)).toBe('1 hour')
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 5 * MINUTE)).toBe('2 days 3 hours')
    expect(judgeClockSkew([{ service: 'Dialpad', skewMs: 2 * 86_400_000 }])).toMatchObject({ status: 'warn', detail: expect.stringContaining('2 days ahead of Dialpad') })
  })
})

describe('cancellation', () => {
  it('stops both requests at once when the admin cancels, and skips the clock', async () => {
    server.faults.set('metadata', { kind: 'delay', ms: 5_000 })
    server.faults.set('idp', { kind: 'delay', ms: 5_000 })
    const cancel = new AbortController()
    setTimeout(() => cancel.abort(), 100)
    const started = performance.now()
    const run = await check({ signal: cancel.signal })
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(run.ok).toBe(false)
    expect(run.steps.map((s) => [s.id, s.status, s.detail])).toEqual([
      ['sp-metadata', 'warn', 'Cancelled before the answer arrived.'],
      ['idp-reachable', 'fail', 'Cancelled before the answer arrived.'],
      ['clock', 'skipped', 'Not run: the check was cancelled.'],
    ])
  })
})

describe('Dialpad metadata check alone', () => {
  it('runs the Dialpad step and the clock against Dialpad only', async () => {
    server.clocks.set('metadata', { offsetMs: -4 * MINUTE })
    const run = await runDialpadMetadataCheck({ sp: SP, metadataBaseUrl: server.origin, dispatcher: trusting(), now: () => FIXED_NOW })
    expect(run.steps.map((s) => [s.id, s.title, s.status])).toEqual([
      ['sp-metadata', 'Dialpad has SAML saved with the Custom provider', 'pass'],
      ['clock', "This computer's clock agrees with Dialpad's", 'warn'],
    ])
    expect(step(run, 'clock').detail).toMatch(/^This computer's clock is 4 minutes ahead of Dialpad's\./)
    expect(run.ok).toBe(true)
  })
})

describe('as a background live check', () => {
  it('runs through the live check runner with progress, and can be cancelled there', async () => {
    const runner = new LiveCheckRunner()
    const deps = { runner, http: { env: {}, timeouts: FAST }, metadataBaseUrl: server.origin }
    const request = { domain: 'example.com', env: 'production' as const, idpSsoUrl: server.idpSsoUrl, extraCaPem: ca.caPem }
    const { runId } = startSsoServicesCheck(request, deps)
    await expect.poll(() => runner.progress(runId).done).toBe(true)
    const done = runner.progress(runId)
    expect(done).toMatchObject({ kind: 'sso-services', run: { ok: true } })
    expect(done.steps.map((s) => [s.id, s.status])).toEqual([
      ['sp-metadata', 'pass'],
      ['idp-reachable', 'pass'],
      ['clock', expect.any(String)],
    ])

    server.faults.set('metadata', { kind: 'delay', ms: 5_000 })
    const slow = startSsoServicesCheck({ ...request, idpSsoUrl: null }, deps)
    await expect.poll(() => runner.progress(slow.runId).steps.find((s) => s.id === 'sp-metadata')?.running).toBe(true)
    expect(runner.cancel(slow.runId)).toEqual({ cancelled: true })
    await expect.poll(() => runner.progress(slow.runId).done).toBe(true)
    expect(runner.progress(slow.runId).run?.steps[0]).toMatchObject({ id: 'sp-metadata', status: 'warn', detail: 'Cancelled before the answer arrived.' })
    // Only informational steps were cut short, yet a cancelled check never reads as passed.
    expect(runner.progress(slow.runId).run?.ok).toBe(false)
  })

  it('refuses an unusable corporate CA before any traffic', () => {
    const runner = new LiveCheckRunner()
    const before = server.requests.length
    expect(() => startSsoServicesCheck({ domain: 'example.com', env: 'production', idpSsoUrl: null, extraCaPem: 'not a certificate' }, { runner, http: { env: {} } })).toThrow(
      /no certificate in PEM form/,
    )
    expect(server.requests).toHaveLength(before)
  })
})
