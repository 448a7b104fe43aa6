import { type IncomingMessage, request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { BRIDGE_EVENTS_PATH, type RunningBridge, startBridge } from '../../src/bridge/httpBridge'
import { createSecretStore } from '../../src/core/secrets/keychain'
import { createServices } from '../../src/core/services'
import type { LiveCheckProgress } from '../../src/shared/liveCheck'
import { memoryKeytar } from '../support/memoryKeytar'
import { RecordingClipboard } from '../support/recordingClipboard'
import { closedPort } from '../support/scimNetFixtures'
import { type ScimServer, startScimServer } from '../support/scimServer'
import { useTempDirs } from '../support/tempDir'

/**
 * The contract's events over the loopback bridge: Server-Sent Events on GET /events, behind the same token as calls.
 */

const API_KEY = 'dpk_bridge_events_0123456789WXYZ'

interface SseEvent {
  event: string
  data: unknown
}

/** An open event stream: every event as it arrives, parsed. */
interface EventStream {
  status: number
  headers: IncomingMessage['headers']
  events: SseEvent[]
  body: string
  close(): void
}

function openEvents(bridge: RunningBridge, headers: Record<string, string>, method = 'GET'): Promise<EventStream> {
  const url = new URL(BRIDGE_EVENTS_PATH, bridge.origin)
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path: url.pathname, method, headers }, (res) => {
      const stream: EventStream = { status: res.statusCode ?? 0, headers: res.headers, events: [], body: '', close: () => req.destroy() }
      let buffered = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        stream.body += chunk
        buffered += chunk
        let end: number
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end)
          buffered = buffered.slice(end + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (event && data) stream.events.push({ event, data: JSON.parse(data) })
        }
      })
      res.on('error', () => undefined)
      resolve(stream)
    })
    req.on('error', (error) => (error.message === 'socket hang up' ? undefined : reject(error)))
    req.end()
  })
}

async function post<T>(bridge: RunningBridge, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${bridge.origin}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  })
  const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } }
  if (!envelope.ok) throw new Error(envelope.error.message)
  return envelope.value
}

const progressOf = (stream: EventStream, runId: string): LiveCheckProgress[] =>
  stream.events.filter((e) => e.event === 'liveCheck.progress').map((e) => e.data as LiveCheckProgress).filter((p) => p.runId === runId)

describe('bridge events (Server-Sent Events)', () => {
  const tempDir = useTempDirs()
  let bridge: RunningBridge
  const streams: EventStream[] = []
  let scim: ScimServer | undefined
  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close()
    await bridge?.close()
    await scim?.close()
    scim = undefined
  })

  async function start(dialpadBaseUrl?: string) {
    const secrets = createSecretStore({ serviceName: 'bridge events test', keytar: memoryKeytar() })
    const handlers = createServices({ dataDir: await tempDir(), clipboard: new RecordingClipboard(), secrets, dialpadBaseUrl })
    bridge = await startBridge({ handlers, rendererDir: await tempDir(), log: { write: () => undefined } })
  }
  const authorized = (): Record<string, string> => ({ authorization: `Bearer ${bridge.token}`, accept: 'text/event-stream' })
  const open = async (headers = authorized(), method = 'GET') => {
    const stream = await openEvents(bridge, headers, method)
    streams.push(stream)
    return stream
  }

  it('refuses the event stream without the bridge token, with a wrong one, or from another Host or Origin', async () => {
    await start()
    expect((await open({ accept: 'text/event-stream' })).status).toBe(401)
    expect((await open({ authorization: `Bearer ${'x'.repeat(bridge.token.length)}` })).status).toBe(401)
    // The page cookie opens static files only, never the events.
    expect((await open({ authorization: 'Basic abc', cookie: `dpsso_bridge_${new URL(bridge.origin).port}=anything` })).status).toBe(401)
    expect((await open({ ...authorized(), host: 'evil.example' })).status).toBe(403)
    expect((await open({ ...authorized(), origin: 'http://evil.example' })).status).toBe(403)
    expect((await open(authorized(), 'POST')).status).toBe(405)
    const refused = await open({ accept: 'text/event-stream' })
    expect(refused.headers['content-type']).toMatch(/^text\/plain/)
  })

  it('streams a live check\'s progress to the page, ending with its result, after the same token as calls', async () => {
    await start(`http://127.0.0.1:${await closedPort()}`)
    const stream = await open()
    expect(stream.status).toBe(200)
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(stream.headers['cache-control']).toBe('no-store')

    const { runId } = await post<{ runId: string }>(bridge, 'sso.checkServices', { domain: 'example.com', env: 'production', idpSsoUrl: null, extraCaPem: null })
    await expect.poll(() => progressOf(stream, runId).at(-1)?.done).toBe(true)
    const seen = progressOf(stream, runId)
    // A step is seen running before it is seen finished, and only the last event has the result.
    expect(seen.some((p) => p.steps.some((s) => s.id === 'sp-metadata' && s.running))).toBe(true)
    expect(seen.filter((p) => p.done)).toHaveLength(1)
    expect(seen.at(-1)?.run?.steps.find((s) => s.id === 'sp-metadata')).toMatchObject({ status: 'warn', detail: expect.stringContaining('refused the connection to Dialpad') })
  })

  it('holds events sent while no stream is open, and delivers them in order when the page connects', async () => {
    await start(`http://127.0.0.1:${await closedPort()}`)
    const { runId } = await post<{ runId: string }>(bridge, 'sso.checkServices', { domain: 'example.com', env: 'production', idpSsoUrl: null, extraCaPem: null })
    // Finished before anyone listened: a late subscriber still gets the run's events, the result last.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const stream = await open()
    await expect.poll(() => progressOf(stream, runId).at(-1)?.done).toBe(true)
    const seen = progressOf(stream, runId)
    expect(seen.findIndex((p) => p.done)).toBe(seen.length - 1)
    // Delivered once: a second stream opened later does not get them again.
    const second = await open()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(progressOf(second, runId)).toEqual([])
  })

  it('cancels a running SCIM lifecycle test from the page: the signal reaches the request, and the test user is still deleted', async () => {
    await start()
    scim = await startScimServer({ token: API_KEY })
    const profile = await post<{ id: string }>(bridge, 'profiles.create', { name: 'Bridge events' })
    await post(bridge, 'profiles.open', { id: profile.id })
    await post(bridge, 'apiKey.keepForSession', { apiKey: API_KEY })
    const stream = await open()
    scim.faults.set('GET /Users/:id', { kind: 'delay', ms: 10_000 })

    const { runId } = await post<{ runId: string }>(bridge, 'scim.start', {
      kind: 'scim-lifecycle',
      baseUrl: scim.url,
      extraCaPem: null,
      userEmail: 'jumpcloud-scim-test@example.com',
      confirmedRealUser: true,
    })
    await expect.poll(() => progressOf(stream, runId).at(-1)?.steps.find((s) => s.id === 'read-user')?.running).toBe(true)
    expect(scim.users.size).toBe(1)
    expect(await post(bridge, 'liveCheck.cancel', { runId })).toEqual({ cancelled: true })

    await expect.poll(() => progressOf(stream, runId).at(-1)?.done, { timeout: 5_000 }).toBe(true)
    const run = progressOf(stream, runId).at(-1)?.run
    expect(run?.ok).toBe(false)
    expect(run?.steps.find((s) => s.id === 'read-user')).toMatchObject({ status: 'warn', detail: 'Cancelled before the answer arrived.' })
    expect(run?.steps.find((s) => s.id === 'delete-user')?.status).toBe('pass')
    expect(scim.users.size).toBe(0)
    expect(scim.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1)
  })
})
