import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as tls from 'node:tls'
import type { Dispatcher } from 'undici'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHttpDispatcher, proxySettingsFrom, type HttpClientOptions } from '../../src/core/net/httpClient'
import { isLoopbackHost } from '../../src/core/net/loopback'
import { classifyNetError } from '../../src/core/net/netFailure'
import { sendRequest, type HttpOutcome } from '../../src/core/net/sendRequest'
import { parseCaPem, platformCaCertificates, readCaFile } from '../../src/core/net/trust'
import { UserFacingError } from '../../src/core/userFacingError'
import { closedPort, startSilentServer } from '../support/scimNetFixtures'
import { startTestProxy } from '../support/scimProxy'
import { startScimServer, type ScimServer } from '../support/scimServer'
import { makeTestCa, type TestCa } from '../support/scimTestCa'

const TOKEN = 'net-test-token-7f3a9c'
const FAST = { connectMs: 500, headersMs: 400, bodyMs: 400 }
const NO_PROXY_ENV = {}

let ca: TestCa
let server: ScimServer
const dispatchers: Dispatcher[] = []

function dispatcher(options: HttpClientOptions = {}): Dispatcher {
  const made = createHttpDispatcher({ env: NO_PROXY_ENV, timeouts: FAST, ...options })
  dispatchers.push(made)
  return made
}

function get(url: string, using: Dispatcher, extra: { signal?: AbortSignal; deadlineMs?: number; maxBodyBytes?: number } = {}): Promise<HttpOutcome> {
  return sendRequest({ url: new URL(url), method: 'GET', headers: { authorization: `Bearer ${TOKEN}` }, dispatcher: using, ...extra })
}

function failureKind(outcome: HttpOutcome): string {
  return outcome.ok ? `ok ${outcome.response.status}` : outcome.failure.kind
}

beforeAll(async () => {
  ca = await makeTestCa()
  server = await startScimServer({ token: TOKEN, tls: await ca.issue() })
})
afterEach(async () => {
  server.faults.clear()
  await Promise.all(dispatchers.splice(0).map((made) => made.close()))
})
afterAll(() => server.close())

describe('trust store', () => {
  it('trusts Node’s bundled roots and, where the runtime exposes it, the system store', () => {
    const roots = platformCaCertificates()
    expect(roots.length).toBeGreaterThanOrEqual(tls.rootCertificates.length)
    expect(roots.every((pem) => pem.includes('BEGIN CERTIFICATE'))).toBe(true)
  })

  it('accepts a CA PEM and refuses keys, non-PEM text and expired certificates with a reason', async () => {
    expect(parseCaPem(ca.caPem)).toHaveLength(1)
    const leaf = await ca.issue()
    expect(() => parseCaPem(leaf.keyPem)).toThrow(/private key/)
    expect(() => parseCaPem('hello')).toThrow(/no certificate in PEM form/)
    expect(() => parseCaPem('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toThrow(/damaged/)
    const expired = await ca.issue({ expired: true })
    expect(() => parseCaPem(expired.certPem)).toThrow(/expired on/)
    expect(() => createHttpDispatcher({ extraCaPem: 'not a certificate', env: NO_PROXY_ENV })).toThrow(UserFacingError)
  })

  it('reads the admin’s CA file, naming the file when it is unusable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ca-file-'))
    try {
      await writeFile(join(dir, 'corp-root.pem'), ca.caPem)
      await writeFile(join(dir, 'notes.txt'), 'just words')
      await expect(readCaFile(join(dir, 'corp-root.pem'))).resolves.toBe(ca.caPem)
      await expect(readCaFile(join(dir, 'notes.txt'))).rejects.toThrow(/notes\.txt has no certificate/)
      await expect(readCaFile(join(dir, 'missing.pem'))).rejects.toThrow(/Cannot read .*missing\.pem: there is no such file\./)
      await expect(readCaFile(dir)).rejects.toThrow(/is a folder, not a file/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('sendRequest', () => {
  it('refuses plain http:// except on loopback', async () => {
    const outcome = await get('http://dialpad.example/scim/Users', dispatcher())
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'blocked-url' } })
    expect(!outcome.ok && outcome.failure.message).toMatch(/only allowed for this computer/)
    expect(['127.0.0.1', '::1', '[::1]', 'localhost', 'LOCALHOST'].every(isLoopbackHost)).toBe(true)
    expect(['10.0.0.1', 'localhost.example', 'dialpad.com'].some(isLoopbackHost)).toBe(false)
  })

  it('does not trust the test CA until it is given as extraCaPem', async () => {
    expect(failureKind(await get(`${server.url}/ServiceProviderConfig`, dispatcher()))).toBe('tls-untrusted')
    expect(failureKind(await get(`${server.url}/ServiceProviderConfig`, dispatcher({ extraCaPem: ca.caPem })))).toBe('ok 200')
  })

  it('tells an expired certificate and a certificate for another host apart', async () => {
    const expired = await startScimServer({ token: TOKEN, tls: await ca.issue({ expired: true }) })
    const otherHost = await startScimServer({ token: TOKEN, tls: await ca.issue({ hosts: ['scim.other.test'] }) })
    try {
      const trusting = dispatcher({ extraCaPem: ca.caPem })
      expect(await get(`${expired.url}/Users`, trusting)).toMatchObject({ ok: false, failure: { kind: 'tls-expired', code: 'CERT_HAS_EXPIRED' } })
      expect(await get(`${otherHost.url}/Users`, trusting)).toMatchObject({ ok: false, failure: { kind: 'tls-hostname', code: 'ERR_TLS_CERT_ALTNAME_INVALID' } })
    } finally {
      await Promise.all([expired.close(), otherHost.close()])
    }
  })

  it('classifies DNS failure, refused connection and connect timeout', async () => {
    const dns = await get('https://sso-assistant-test.invalid/scim/Users', dispatcher())
    expect(failureKind(dns)).toBe('dns')
    expect(!dns.ok && dns.failure.code).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/)

    const port = await closedPort()
    expect(await get(`https://127.0.0.1:${port}/scim/Users`, dispatcher())).toMatchObject({ ok: false, failure: { kind: 'refused', code: 'ECONNREFUSED', peer: `127.0.0.1:${port}` } })

    const silent = await startSilentServer()
    try {
      const started = performance.now()
      const outcome = await get(`https://127.0.0.1:${silent.port}/scim/Users`, dispatcher({ timeouts: { connectMs: 300 } }))
      expect(outcome).toMatchObject({ ok: false, failure: { kind: 'connect-timeout', code: 'UND_ERR_CONNECT_TIMEOUT' } })
      expect(performance.now() - started).toBeLessThan(3_000)
    } finally {
      await silent.close()
    }
  })

  // undici's header and body timers are coarse: a 400 ms timeout fires after about 1 s.
  it('times out slow headers, a stalled body, and an endless trickle (deadline)', async () => {
    const trusting = dispatcher({ extraCaPem: ca.caPem })
    server.faults.set('GET /Users', { kind: 'delay', ms: 1_500 })
    expect(failureKind(await get(`${server.url}/Users`, trusting))).toBe('headers-timeout')

    server.faults.set('GET /Users', { kind: 'stall' })
    expect(await get(`${server.url}/Users`, trusting)).toMatchObject({ ok: false, status: 200, failure: { kind: 'body-timeout' } })

    server.faults.set('GET /Users', { kind: 'trickle', intervalMs: 50 })
    const started = performance.now()
    const outcome = await get(`${server.url}/Users`, trusting, { deadlineMs: 600 })
    expect(outcome).toMatchObject({ ok: false, status: 200, failure: { kind: 'deadline', message: 'No complete answer within 0.6 s.' } })
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('stops reading past the body limit, whether the size is announced or not', async () => {
    const trusting = dispatcher({ extraCaPem: ca.caPem })
    server.faults.set('GET /Users', { kind: 'oversize', bytes: 2 * 1024 * 1024 })
    expect(await get(`${server.url}/Users`, trusting)).toMatchObject({ ok: false, status: 200, failure: { kind: 'too-large', message: expect.stringContaining('1 MiB') } })
    server.faults.set('GET /Users', { kind: 'oversize', bytes: 2 * 1024 * 1024, declareLength: true })
    expect(failureKind(await get(`${server.url}/Users`, trusting))).toBe('too-large')
    server.faults.set('GET /Users', { kind: 'oversize', bytes: 5_000 })
    expect(failureKind(await get(`${server.url}/Users`, trusting, { maxBodyBytes: 4_096 }))).toBe('too-large')
  })

  it('reports a cancel as cancelled, a reset as reset, and returns redirects without following them', async () => {
    const trusting = dispatcher({ extraCaPem: ca.caPem })
    server.faults.set('GET /Users', { kind: 'delay', ms: 5_000 })
    const cancel = new AbortController()
    setTimeout(() => cancel.abort(), 100)
    expect(failureKind(await get(`${server.url}/Users`, trusting, { signal: cancel.signal }))).toBe('cancelled')

    server.faults.set('GET /Users', { kind: 'reset' })
    expect(failureKind(await get(`${server.url}/Users`, trusting))).toBe('reset')

    server.faults.set('GET /Users', { kind: 'redirect', location: `${server.origin}/elsewhere` })
    const before = server.requests.length
    const outcome = await get(`${server.url}/Users`, trusting)
    expect(outcome).toMatchObject({ ok: true, response: { status: 302, headers: { location: `${server.origin}/elsewhere` } } })
    expect(server.requests.slice(before).map((request) => request.path)).toEqual(['/Users'])
  })

  it('gives up at once on a cancel while the connection is still being opened, not at the connect timeout', async () => {
    const silent = await startSilentServer()
    try {
      const slowConnect = dispatcher({ timeouts: { connectMs: 5_000 } })
      const cancel = new AbortController()
      setTimeout(() => cancel.abort(), 100)
      const started = performance.now()
      expect(failureKind(await get(`https://127.0.0.1:${silent.port}/Users`, slowConnect, { signal: cancel.signal }))).toBe('cancelled')
      expect(performance.now() - started).toBeLessThan(2_000)
    } finally {
      await silent.close()
    }
  })

  it('reuses one keep-alive connection for requests in a row', async () => {
    const trusting = dispatcher({ extraCaPem: ca.caPem })
    const before = server.requests.length
    for (let i = 0; i < 3; i++) expect(failureKind(await get(`${server.url}/Users`, trusting))).toBe('ok 200')
    const ids = new Set(server.requests.slice(before).map((request) => request.connectionId))
    expect(ids.size).toBe(1)
  })
})

describe('classifyNetError', () => {
  it('looks inside AggregateError and causes, and recognises proxy refusals', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:443'), { code: 'ECONNREFUSED', address: '::1', port: 443 })
    expect(classifyNetError(new AggregateError([refused], 'all failed'))).toMatchObject({ kind: 'refused', code: 'ECONNREFUSED', peer: '::1:443' })
    const wrapped = Object.assign(new Error('proxy TLS'), { code: 'UND_ERR_PRX_TLS', cause: Object.assign(new Error('bad name'), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' }) })
    expect(classifyNetError(wrapped)).toMatchObject({ kind: 'tls-hostname' })
    expect(classifyNetError(new Error('Proxy response (407) !== 200 when HTTP Tunneling'))).toMatchObject({ kind: 'proxy', code: 'HTTP 407' })
    expect(classifyNetError(new Error('Proxy Authentication Required (407)'))).toMatchObject({ kind: 'proxy', code: 'HTTP 407' })
    expect(classifyNetError(Object.assign(new Error('wrong version number'), { code: 'ERR_SSL_WRONG_VERSION_NUMBER' }))).toMatchObject({ kind: 'tls-other' })
    expect(classifyNetError('odd')).toMatchObject({ kind: 'other', message: 'odd' })
  })
})

describe('proxies', () => {
  it('reads proxy settings from the environment, lowercase first', () => {
    expect(proxySettingsFrom({ HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', NO_PROXY: 'a.example' })).toEqual({
      httpProxy: undefined,
      httpsProxy: 'http://lower:2',
      noProxy: 'a.example',
    })
    expect(() => createHttpDispatcher({ env: { HTTPS_PROXY: 'proxy:8080:x' } })).toThrow(/HTTPS_PROXY setting/)
    expect(() => createHttpDispatcher({ env: { HTTP_PROXY: 'socks5://127.0.0.1:1080' } })).toThrow(/socks5:/)
  })

  it('tunnels through HTTPS_PROXY with EnvHttpProxyAgent, keeps trusting the extra CA, and honours NO_PROXY', async () => {
    const proxy = await startTestProxy()
    try {
      const host = new URL(server.url).host
      const proxied = dispatcher({ extraCaPem: ca.caPem, env: { HTTPS_PROXY: proxy.url } })
      expect(failureKind(await get(`${server.url}/Users`, proxied))).toBe('ok 200')
      expect(proxy.tunnels).toEqual([host])

      const bypassed = dispatcher({ extraCaPem: ca.caPem, env: { https_proxy: proxy.url, no_proxy: '127.0.0.1' } })
      expect(failureKind(await get(`${server.url}/Users`, bypassed))).toBe('ok 200')
      expect(proxy.tunnels).toEqual([host])

      // HTTP_PROXY alone carries https too (undici's rule).
      const viaHttpProxy = dispatcher({ extraCaPem: ca.caPem, env: { HTTP_PROXY: proxy.url } })
      expect(failureKind(await get(`${server.url}/Users`, viaHttpProxy))).toBe('ok 200')
      expect(proxy.tunnels).toEqual([host, host])
    } finally {
      await proxy.close()
    }
  })

  it('forwards plain http through HTTP_PROXY and reports a proxy that is down', async () => {
    const plain = await startScimServer({ token: TOKEN })
    const proxy = await startTestProxy()
    try {
      const proxied = dispatcher({ env: { HTTP_PROXY: proxy.url } })
      expect(failureKind(await get(`${plain.url}/Users`, proxied))).toBe('ok 200')
      expect(proxy.forwarded).toEqual([`${plain.url}/Users`])

      const port = await closedPort()
      const deadProxy = dispatcher({ extraCaPem: ca.caPem, env: { HTTPS_PROXY: `http://127.0.0.1:${port}` } })
      expect(await get(`${server.url}/Users`, deadProxy)).toMatchObject({ ok: false, failure: { kind: 'refused', peer: `127.0.0.1:${port}` } })
    } finally {
      await Promise.all([plain.close(), proxy.close()])
    }
  })
})
