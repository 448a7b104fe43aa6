/**
 * How close the live SCIM checks come to the network's limit. Starts the local SCIM server (HTTPS with its test CA,
 * like production) behind a proxy that adds latency to every chunk, runs the connection test and the lifecycle test
 * several times, each with a fresh dispatcher (cold: dispatcher creation, TCP and TLS handshakes included), and
 * compares the median wall time with the round-trip floor: the fewest sequential round trips the check could need.
 *
 *   npm run bench:scim -- [--runs 5] [--latency-ms 100]      (--latency-ms is one way; a round trip is twice that)
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import type { Dispatcher } from 'undici'
import type { CheckRun } from '../src/shared/checkRun'
import { createHttpDispatcher } from '../src/core/net/httpClient'
import { runConnectionTest } from '../src/core/scim/connectionTest'
import { runLifecycleTest } from '../src/core/scim/lifecycleTest'
import { startScimServer, type ScimServer } from '../test/support/scimServer'
import { makeTestCa } from '../test/support/scimTestCa'
import { startLatencyProxy, type LatencyProxy } from './latencyProxy'
import { median } from './median'

const TOKEN = 'dpk_bench_0123456789abcdef'
const TARGET_RATIO = 1.1

interface Check {
  name: string
  /** Sequential round trips at best: TCP connect + TLS 1.3 handshake + the HTTP exchanges that must wait for each other. */
  roundTrips: number
  /** Connections the check should need: the connection test's four requests go out at once, on four connections. */
  expectedConnections: number
  run: (baseUrl: string, dispatcher: Dispatcher, index: number) => Promise<CheckRun>
}

const CHECKS: Check[] = [
  {
    name: 'Test connection',
    roundTrips: 1 + 1 + 1,
    expectedConnections: 4,
    run: (baseUrl, dispatcher) => runConnectionTest({ baseUrl, token: TOKEN, dispatcher }),
  },
  {
    name: 'Lifecycle',
    roundTrips: 1 + 1 + 7,
    expectedConnections: 1,
    run: (baseUrl, dispatcher, index) => runLifecycleTest({ baseUrl, token: TOKEN, dispatcher, userEmail: `bench-${index}@example.com` }),
  },
]

interface Result {
  check: Check
  wallMs: number[]
  setupMs: number[]
  connections: number[]
  /** Requests per server-side connection, for the last run: shows keep-alive reuse. */
  requestsPerConnection: number[]
}

async function measure(check: Check, runs: number, server: ScimServer, proxy: LatencyProxy, caPem: string): Promise<Result> {
  const result: Result = { check, wallMs: [], setupMs: [], connections: [], requestsPerConnection: [] }
  const baseUrl = `https://127.0.0.1:${proxy.port}/scim`
  for (let index = 0; index < runs; index++) {
    const connectionsBefore = proxy.connections
    const firstRequest = server.requests.length
    // The wall time includes making the dispatcher (its TLS trust store), as every check a user starts does.
    const start = performance.now()
    const dispatcher = createHttpDispatcher({ extraCaPem: caPem, env: {} })
    result.setupMs.push(performance.now() - start)
    const run = await check.run(baseUrl, dispatcher, index)
    result.wallMs.push(performance.now() - start)
    result.connections.push(proxy.connections - connectionsBefore)
    await dispatcher.close()
    if (!run.ok) throw new Error(`${check.name} failed under the bench: ${JSON.stringify(run.steps, null, 2)}`)
    const perConnection = new Map<number, number>()
    for (const request of server.requests.slice(firstRequest)) perConnection.set(request.connectionId, (perConnection.get(request.connectionId) ?? 0) + 1)
    result.requestsPerConnection = [...perConnection.values()]
  }
  return result
}

function table(results: Result[], rttMs: number): string {
  const header = ['check', 'runs', 'median wall', 'min–max', 'floor', 'ratio', 'conns/run', 'requests per conn']
  const rows = results.map(({ check, wallMs, connections, requestsPerConnection }) => {
    const floor = check.roundTrips * rttMs
    const ratio = median(wallMs) / floor
    return [
      check.name,
      String(wallMs.length),
      `${median(wallMs).toFixed(0)} ms`,
      `${Math.min(...wallMs).toFixed(0)}–${Math.max(...wallMs).toFixed(0)} ms`,
      `${check.roundTrips} × ${rttMs} = ${floor} ms`,
      `${ratio.toFixed(3)}${ratio > TARGET_RATIO ? ' (over target)' : ''}`,
      `${median(connections)} (expect ${check.expectedConnections})`,
      requestsPerConnection.join(' + '),
    ]
  })
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)))
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'latency-ms': { type: 'string', default: '100' } } })
  const runs = Number(values.runs)
  const oneWayMs = Number(values['latency-ms'])
  if (!Number.isInteger(runs) || runs < 1 || !(oneWayMs > 0)) throw new Error('Usage: bench/scim.ts [--runs N>=1] [--latency-ms one-way-ms>0]')
  const rttMs = 2 * oneWayMs

  const ca = await makeTestCa()
  const server = await startScimServer({ token: TOKEN, tls: await ca.issue() })
  const proxy = await startLatencyProxy({ targetHost: '127.0.0.1', targetPort: Number(new URL(server.origin).port), oneWayMs })
  try {
    // One unmeasured run of each warms up module loading and JIT, so the runs measure the network path.
    for (const check of CHECKS) await measure(check, 1, server, proxy, ca.caPem)
    const results: Result[] = []
    for (const check of CHECKS) results.push(await measure(check, runs, server, proxy, ca.caPem))
    console.log(`SCIM checks over HTTPS through a ${oneWayMs} ms each-way proxy (round trip ${rttMs} ms), fresh dispatcher per run, ${runs} runs\n`)
    console.log(table(results, rttMs))
    const setup = results.flatMap((result) => result.setupMs)
    console.log(`\nOf the wall time, creating the dispatcher (trust store): median ${median(setup).toFixed(1)} ms.`)
    console.log(`Target: ratio <= ${TARGET_RATIO} (a number to read, not a pass/fail gate).`)
  } finally {
    await proxy.close()
    await server.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
