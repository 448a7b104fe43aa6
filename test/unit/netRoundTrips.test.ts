import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttpDispatcher } from '../../src/core/net/httpClient'
import { runConnectionTest } from '../../src/core/scim/connectionTest'
import { runLifecycleTest } from '../../src/core/scim/lifecycleTest'
import { startLatencyProxy, type LatencyProxy } from '../../bench/latencyProxy'
import { startScimServer, type ScimServer } from '../support/scimServer'
import { makeTestCa } from '../support/scimTestCa'

/**
 * Structural guards for what bench/scim.ts measures: no request waits a round trip it does not need. Through a
 * proxy adding ONE_WAY_MS each way, an avoidable wait shows as a gap of whole round trips, far above any noise. The
 * round trip is long (300 ms) so that a busy machine's scheduling noise (tens of ms on 2 loaded cores) stays well
 * under the half round trip these bounds leave.
 */
const TOKEN = 'dpk_round_trips_5b1e77'
const ONE_WAY_MS = 150
const RTT_MS = 2 * ONE_WAY_MS

let server: ScimServer
let proxy: LatencyProxy
let caPem: string
let baseUrl: string

beforeAll(async () => {
  const ca = await makeTestCa()
  caPem = ca.caPem
  server = await startScimServer({ token: TOKEN, tls: await ca.issue() })
  proxy = await startLatencyProxy({ targetHost: '127.0.0.1', targetPort: Number(new URL(server.origin).port), oneWayMs: ONE_WAY_MS })
  baseUrl = `https://127.0.0.1:${proxy.port}/scim`
})
afterAll(async () => {
  await proxy.close()
  await server.close()
})

describe('round trips of the live checks (HTTPS, HTTP/1.1 server, cold dispatcher)', () => {
  it('the connection test opens its four connections together, not one after the first TLS handshake', async () => {
    const dispatcher = createHttpDispatcher({ extraCaPem: caPem, env: {} })
    const connections = proxy.connections
    try {
      expect((await runConnectionTest({ baseUrl, token: TOKEN, dispatcher })).ok).toBe(true)
    } finally {
      await dispatcher.close()
    }
    const sent = server.requests.slice(-4)
    expect(proxy.connections - connections).toBe(4)
    expect(new Set(sent.map((r) => r.connectionId)).size).toBe(4)
    // Waiting for the first handshake (undici's h2 probe) put the later requests two round trips behind.
    const times = sent.map((r) => r.receivedAt)
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(RTT_MS / 2)
  })

  it('the lifecycle test sends its seven requests over one connection, one round trip apart', async () => {
    const dispatcher = createHttpDispatcher({ extraCaPem: caPem, env: {} })
    const connections = proxy.connections
    const first = server.requests.length
    try {
      expect((await runLifecycleTest({ baseUrl, token: TOKEN, dispatcher, userEmail: 'round-trips@example.com' })).ok).toBe(true)
    } finally {
      await dispatcher.close()
    }
    const requests = server.requests.slice(first)
    expect(proxy.connections - connections).toBe(1)
    expect(new Set(requests.map((r) => r.connectionId)).size).toBe(1)
    const gaps = requests.slice(1).map((r, i) => r.receivedAt - requests[i].receivedAt)
    for (const gap of gaps) expect(gap).toBeLessThan(1.5 * RTT_MS)
  })
})
