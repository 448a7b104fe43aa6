import { mkdir, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type RunningBridge, startBridge } from '../../src/bridge/httpBridge'
import { createServices } from '../../src/core/services'
import { CSP_HEADER } from '../../src/shared/csp'
import { RecordingClipboard } from '../support/recordingClipboard'
import { useTempDirs } from '../support/tempDir'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP so tests can send the Host and Origin headers a browser or attacker would. */
function send(bridge: RunningBridge, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const url = new URL(path, bridge.origin)
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('loopback bridge', () => {
  const tempDir = useTempDirs()
  let bridge: RunningBridge
  afterEach(() => bridge?.close())

  async function start() {
    const rendererDir = await tempDir()
    await mkdir(join(rendererDir, 'assets'))
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>')
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    const clipboard = new RecordingClipboard()
    bridge = await startBridge({ handlers: createServices({ dataDir: await tempDir(), clipboard }), rendererDir, log: { write: () => undefined } })
    return { clipboard }
  }

  const auth = () => ({ authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json' })

  it('listens on 127.0.0.1 on a random port with a long random token', async () => {
    await start()
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(bridge.token.length).toBeGreaterThanOrEqual(43)
    const other = await startBridge({ handlers: createServices({ dataDir: await tempDir(), clipboard: new RecordingClipboard() }), rendererDir: await tempDir() })
    expect(other.origin).not.toBe(bridge.origin)
    expect(other.token).not.toBe(bridge.token)
    await other.close()
  })

  it('calls the contract with a valid token', async () => {
    const { clipboard } = await start()
    const reply = await send(bridge, '/api/clipboard.copy', { method: 'POST', headers: auth(), body: JSON.stringify({ text: 'abc' }) })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { copied: true } })
    expect(clipboard.last).toBe('abc')
  })

  it('requires the token on every request, static files included', async () => {
    await start()
    expect((await send(bridge, '/')).status).toBe(401)
    expect((await send(bridge, '/assets/app.js')).status).toBe(401)
    expect((await send(bridge, '/api/profiles.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401)
    const wrong = { authorization: `Bearer ${'x'.repeat(bridge.token.length)}`, 'content-type': 'application/json' }
    expect((await send(bridge, '/api/profiles.list', { method: 'POST', headers: wrong, body: '{}' })).status).toBe(401)
    expect((await send(bridge, `/__bridge/login?token=nope`)).status).toBe(401)
  })

  it('trades the login token for a page cookie that opens only the static files, and hands the API token to the page', async () => {
    await start()
    const login = await send(bridge, bridge.loginUrl.slice(bridge.origin.length))
    expect(login.status).toBe(303)
    expect(login.headers.location).toBe(`/#bridge-token=${bridge.token}`)
    const cookie = String(login.headers['set-cookie'])
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const port = new URL(bridge.origin).port
    expect(cookie.startsWith(`dpsso_bridge_${port}=`)).toBe(true)
    const pair = cookie.split(';')[0]
    expect(pair).not.toContain(bridge.token)

    const page = await send(bridge, '/', { headers: { cookie: pair } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>app</title>')
    expect(page.headers['content-security-policy']).toBe(CSP_HEADER)

    // A leaked page cookie (browsers send it to every port on 127.0.0.1) cannot call the API.
    const withCookieOnly = await send(bridge, '/api/profiles.list', {
      method: 'POST',
      headers: { cookie: pair, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(withCookieOnly.status).toBe(401)
  })

  it('rejects other Host and Origin headers (DNS rebinding, cross-site pages)', async () => {
    await start()
    const port = new URL(bridge.origin).port
    expect((await send(bridge, '/', { headers: { ...auth(), host: `localhost:${port}` } })).status).toBe(403)
    expect((await send(bridge, '/', { headers: { ...auth(), host: `evil.example:${port}` } })).status).toBe(403)
    const crossSite = await send(bridge, '/api/clipboard.copy', {
      method: 'POST',
      headers: { ...auth(), origin: 'https://evil.example' },
      body: JSON.stringify({ text: 'x' }),
    })
    expect(crossSite.status).toBe(403)
    const sameOrigin = await send(bridge, '/api/profiles.list', { method: 'POST', headers: { ...auth(), origin: bridge.origin }, body: '{}' })
    expect(sameOrigin.status).toBe(200)
  })

  it('refuses path traversal, non-JSON API calls and oversized bodies', async () => {
    await start()
    expect((await send(bridge, '/../../etc/passwd', { headers: auth() })).status).toBe(404)
    expect((await send(bridge, '/%2e%2e/%2e%2e/etc/passwd', { headers: auth() })).status).toBe(404)
    const form = await send(bridge, '/api/profiles.list', {
      method: 'POST',
      headers: { authorization: `Bearer ${bridge.token}`, 'content-type': 'text/plain' },
      body: '{}',
    })
    expect(form.status).toBe(415)
    expect((await send(bridge, '/api/profiles.list', { method: 'GET', headers: auth() })).status).toBe(405)
    const huge = await send(bridge, '/api/clipboard.copy', { method: 'POST', headers: auth(), body: JSON.stringify({ text: 'a'.repeat(2 * 1024 * 1024) }) })
    expect(huge.status).toBe(413)
    // Within the size limit, nested to cost JSON.parse far more than its size: refused before parsing.
    const deep = await send(bridge, '/api/clipboard.copy', { method: 'POST', headers: auth(), body: `${'['.repeat(400_000)}${']'.repeat(400_000)}` })
    expect(deep.status).toBe(400)
    expect(deep.body).toBe('Body is nested too deep')
  })

  it('reports contract validation failures as envelopes', async () => {
    await start()
    const reply = await send(bridge, '/api/sp.derive', { method: 'POST', headers: auth(), body: JSON.stringify({ domain: 'example', env: 'production' }) })
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'A company domain has at least one dot, for example example.com.' },
    })
  })
})
