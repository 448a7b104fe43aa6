import { type AddressInfo, createServer } from 'node:net'
import type { Dispatcher } from 'undici'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHttpDispatcher, type HttpClientOptions } from '../../src/core/net/httpClient'
import { classifyNetError } from '../../src/core/net/netFailure'
import { sendRequest, type HttpOutcome } from '../../src/core/net/sendRequest'
import { bypassesProxy, routesFromPacAnswer } from '../../src/core/net/systemProxy'
import { startTestProxy, type TestProxy } from '../support/scimProxy'
import { startScimServer, type ScimServer } from '../support/scimServer'
import { makeTestCa, type TestCa } from '../support/scimTestCa'

const TOKEN = 'system-proxy-token-5b1e2d'
const FAST = { connectMs: 1_000, headersMs: 1_000, bodyMs: 1_000 }

describe('reading the system’s PAC-style answer', () => {
  const direct = { kind: 'direct' }
  const proxy = (url: string) => ({ kind: 'proxy', url })
  it.each([
    ['DIRECT', [direct]],
    ['', [direct]],
    ['PROXY proxy.corp.example:8080; DIRECT', [proxy('http://proxy.corp.example:8080'), direct]],
    ['proxy proxy.corp.example', [proxy('http://proxy.corp.example:80')]],
    ['HTTP 10.1.2.3:3128', [proxy('http://10.1.2.3:3128')]],
    ['HTTPS secure-proxy.corp.example:443; PROXY other:8080', [proxy('https://secure-proxy.corp.example:443'), proxy('http://other:8080')]],
    ['PROXY [2001:db8::1]:8080', [proxy('http://[2001:db8::1]:8080')]],
    ['SOCKS5 socks.corp.example:1080; PROXY fallback.corp.example:3128', [proxy('http://fallback.corp.example:3128')]],
    ['SOCKS socks.corp.example:1080;DIRECT', [direct]],
    ['QUIC proxy.corp.example:443; DIRECT', [direct]],
    ['DIRECT; PROXY never.corp.example:8080', [direct]],
  ])('%j → %j', (answer, routes) => {
    expect(routesFromPacAnswer(answer)).toEqual({ kind: 'routes', routes })
  })

  it('refuses an answer with only SOCKS proxies, naming them, instead of going direct behind IT’s back', () => {
    const route = routesFromPacAnswer('SOCKS5 socks.corp.example:1080; SOCKS socks2.corp.example')
    expect(route).toEqual({ kind: 'unusable', reason: expect.stringContaining('SOCKS proxy (SOCKS5 socks.corp.example:1080)') })
  })

  it('refuses an answer that names nothing usable, quoting it', () => {
    expect(routesFromPacAnswer('PROXY proxy.corp.example:99999')).toEqual({ kind: 'unusable', reason: expect.stringContaining('"PROXY proxy.corp.example:99999"') })
    expect(routesFromPacAnswer('BOGUS')).toMatchObject({ kind: 'unusable' })
  })
})

describe('NO_PROXY, by the rules the CLI (undici) applies', () => {
  it.each([
    ['https://dialpad.com/', 'dialpad.com', true],
    ['https://api.dialpad.com/', 'dialpad.com', true],
    ['https://api.dialpad.com/', '.dialpad.com', true],
    ['https://dialpad.com/', '*.dialpad.com', false],
    ['https://api.dialpad.com/', '*.dialpad.com', true],
    ['https://notdialpad.com/', 'dialpad.com', false],
    ['https://dialpad.com/', 'example.com, dialpad.com', true],
    ['https://dialpad.com/', 'example.com dialpad.com', true],
    ['https://dialpad.com/', 'dialpad.com:8443', false],
    ['https://dialpad.com:8443/', 'dialpad.com:8443', true],
    ['https://anything.example/', '*', true],
    ['https://[::1]:9000/', '::1', true],
    ['https://[::1]:9000/', '[::1]:9000', true],
    ['https://DIALPAD.com./', 'dialpad.com', true],
    ['https://dialpad.com/', '', false],
  ])('%s with NO_PROXY=%j goes direct: %s', (url, noProxy, bypass) => {
    expect(bypassesProxy(new URL(url), noProxy)).toBe(bypass)
  })
})

describe('live checks through the system’s proxy (a fake resolver, a real CONNECT proxy)', () => {
  let ca: TestCa
  let server: ScimServer
  let proxy: TestProxy
  let envProxy: TestProxy
  const dispatchers: Dispatcher[] = []

  beforeAll(async () => {
    ca = await makeTestCa()
    server = await startScimServer({ token: TOKEN, tls: await ca.issue() })
    proxy = await startTestProxy()
    envProxy = await startTestProxy()
  })
  afterEach(async () => {
    await Promise.all(dispatchers.splice(0).map((made) => made.close()))
    proxy.tunnels.length = 0
    envProxy.tunnels.length = 0
  })
  afterAll(async () => {
    await Promise.all([server.close(), proxy.close(), envProxy.close()])
  })

  /** A resolver that answers `answer` (or a function of the URL) and records every URL it was asked about. */
  function fakeResolver(answer: string | ((url: string) => Promise<string>)) {
    const asked: string[] = []
    const resolveProxy = async (url: string) => {
      asked.push(url)
      return typeof answer === 'string' ? answer : answer(url)
    }
    return { asked, resolveProxy }
  }

  function dispatcher(options: HttpClientOptions): Dispatcher {
    const made = createHttpDispatcher({ extraCaPem: ca.caPem, env: {}, timeouts: FAST, ...options })
    dispatchers.push(made)
    return made
  }

  function get(using: Dispatcher, extra: { signal?: AbortSignal } = {}): Promise<HttpOutcome> {
    return sendRequest({ url: new URL(`${server.url}/Users`), method: 'GET', headers: { authorization: `Bearer ${TOKEN}` }, dispatcher: using, ...extra })
  }

  const target = () => new URL(server.url).host

  it('tunnels through the proxy the system names, asking once per origin, trusting the corporate CA through the tunnel', async () => {
    const system = fakeResolver(`PROXY ${new URL(proxy.url).host}; DIRECT`)
    const using = dispatcher({ resolveProxy: system.resolveProxy })

    const [first, second] = await Promise.all([get(using), get(using)])
    const third = await get(using)

    expect([first, second, third].map((outcome) => outcome.ok && outcome.response.status)).toEqual([200, 200, 200])
    expect(system.asked).toEqual([`${new URL(server.url).origin}/`])
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1)
    expect(new Set(proxy.tunnels)).toEqual(new Set([target()]))
  })

  it('goes straight to the server when the system says DIRECT', async () => {
    const using = dispatcher({ resolveProxy: fakeResolver('DIRECT').resolveProxy })
    expect(await get(using)).toMatchObject({ ok: true, response: { status: 200 } })
    expect(proxy.tunnels).toEqual([])
  })

  it('lets HTTPS_PROXY win over the system’s proxy, and never asks the system then', async () => {
    const system = fakeResolver(`PROXY ${new URL(proxy.url).host}`)
    const using = dispatcher({ resolveProxy: system.resolveProxy, env: { HTTPS_PROXY: envProxy.url } })
    expect(await get(using)).toMatchObject({ ok: true, response: { status: 200 } })
    expect(envProxy.tunnels).toEqual([target()])
    expect(proxy.tunnels).toEqual([])
    expect(system.asked).toEqual([])
  })

  it('sends NO_PROXY hosts straight to the server even when the system names a proxy', async () => {
    const system = fakeResolver(`PROXY ${new URL(proxy.url).host}`)
    const using = dispatcher({ resolveProxy: system.resolveProxy, env: { NO_PROXY: '127.0.0.1' } })
    expect(await get(using)).toMatchObject({ ok: true, response: { status: 200 } })
    expect(proxy.tunnels).toEqual([])
    expect(system.asked).toEqual([])
  })

  it('reports a proxy failure with the reason, and sends nothing, when the system names only a SOCKS proxy', async () => {
    const using = dispatcher({ resolveProxy: fakeResolver('SOCKS5 socks.corp.example:1080').resolveProxy })
    const requestsBefore = server.requests.length
    const outcome = await get(using)
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'proxy', code: 'SYSTEM_PROXY' } })
    expect(!outcome.ok && outcome.failure.message).toBe(
      `This computer's proxy settings could not be used for ${target()}: they name only a SOCKS proxy (SOCKS5 socks.corp.example:1080), which the assistant's checks cannot use.`,
    )
    expect(server.requests.length).toBe(requestsBefore)
    expect(proxy.tunnels).toEqual([])
  })

  /** A proxy address nothing listens on. */
  async function downProxyHost(): Promise<string> {
    const down = await startTestProxy()
    await down.close()
    return new URL(down.url).host
  }

  it('reports the proxy the system named when that proxy is down and the answer names nothing else', async () => {
    const downHost = await downProxyHost()
    const using = dispatcher({ resolveProxy: fakeResolver(`PROXY ${downHost}`).resolveProxy })
    expect(await get(using)).toMatchObject({ ok: false, failure: { kind: 'refused', peer: downHost } })
  })

  it('takes the next route of the answer when the proxy cannot be reached, as a browser does ("PROXY proxy:8080; DIRECT")', async () => {
    const downHost = await downProxyHost()
    const toDirect = dispatcher({ resolveProxy: fakeResolver(`PROXY ${downHost}; DIRECT`).resolveProxy })
    expect(await get(toDirect)).toMatchObject({ ok: true, response: { status: 200 } })
    expect(proxy.tunnels).toEqual([])

    const toNextProxy = dispatcher({ resolveProxy: fakeResolver(`PROXY ${downHost}; PROXY ${new URL(proxy.url).host}; DIRECT`).resolveProxy })
    expect(await get(toNextProxy)).toMatchObject({ ok: true, response: { status: 200 } })
    expect(proxy.tunnels).toEqual([target()])
  })

  it('tries an unreachable proxy once per origin: concurrent and later requests go the working way', async () => {
    let connections = 0
    const resetting = createServer((socket) => {
      connections++
      socket.destroy()
    })
    await new Promise<void>((resolve) => resetting.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = resetting.address() as AddressInfo
      const using = dispatcher({ resolveProxy: fakeResolver(`PROXY 127.0.0.1:${port}; PROXY ${new URL(proxy.url).host}`).resolveProxy })
      const outcomes = [...(await Promise.all([get(using), get(using)])), await get(using), await get(using)]
      expect(outcomes.map((outcome) => outcome.ok && outcome.response.status)).toEqual([200, 200, 200, 200])
      expect(connections).toBeGreaterThanOrEqual(1)
      expect(connections).toBeLessThanOrEqual(2)
      expect(new Set(proxy.tunnels)).toEqual(new Set([target()]))
    } finally {
      await new Promise((resolve) => resetting.close(resolve))
    }
  })

  it('never goes around a proxy that answers and refuses the tunnel: its refusal is reported', async () => {
    const refusing = await startTestProxy({ refuseTunnels: 403 })
    try {
      const using = dispatcher({ resolveProxy: fakeResolver(`PROXY ${new URL(refusing.url).host}; DIRECT`).resolveProxy })
      const requestsBefore = server.requests.length
      expect(await get(using)).toMatchObject({ ok: false, failure: { kind: 'proxy', code: 'HTTP 403' } })
      expect(refusing.tunnels).toEqual([target()])
      expect(server.requests.length).toBe(requestsBefore)
    } finally {
      await refusing.close()
    }
  })

  it('says when the system gives no proxy answer in time, or cannot answer at all', async () => {
    const silent = dispatcher({ resolveProxy: fakeResolver(() => new Promise<string>(() => undefined)).resolveProxy, timeouts: { ...FAST, proxyLookupMs: 200 } })
    expect(await get(silent)).toMatchObject({ ok: false, failure: { kind: 'proxy', message: expect.stringContaining('gave no answer for') } })

    const broken = dispatcher({ resolveProxy: fakeResolver(() => Promise.reject(new Error('PAC script failed'))).resolveProxy })
    expect(await get(broken)).toMatchObject({ ok: false, failure: { kind: 'proxy', message: expect.stringContaining('could not be read for') } })
    expect(classifyNetError(new Error('unrelated'))).toMatchObject({ kind: 'other' })
  })

  it('lets the admin cancel while the system is still working out the proxy', async () => {
    const using = dispatcher({ resolveProxy: fakeResolver(() => new Promise<string>(() => undefined)).resolveProxy })
    const cancel = new AbortController()
    const started = Date.now()
    setTimeout(() => cancel.abort(), 50)
    expect(await get(using, { signal: cancel.signal })).toMatchObject({ ok: false, failure: { kind: 'cancelled' } })
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
