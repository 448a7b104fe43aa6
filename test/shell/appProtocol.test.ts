import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Protocol } from 'electron'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { APP_ENTRY_URL, isAppUrl, registerAppProtocol, registerAppSchemePrivileges } from '../../src/main/appProtocol'
import { CSP_HEADER } from '../../src/shared/csp'
import { mockedElectron, type ProtocolHandler } from './fakeElectron'

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)
const fakeElectron = await mockedElectron()

const protocol = fakeElectron.protocol as unknown as Protocol
const INDEX = '<!doctype html><title>bundle index</title>'
const SECRET = 'SECRET-OUTSIDE-THE-BUNDLE'

let root: string
let rendererDir: string

beforeAll(() => {
  // <root>/renderer is the bundle; everything else under <root> must stay out of reach.
  root = mkdtempSync(join(tmpdir(), 'app-protocol-'))
  rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), INDEX)
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")')
  writeFileSync(join(rendererDir, 'notes.txt'), 'not a served type')
  writeFileSync(join(root, 'secret.json'), JSON.stringify({ SECRET }))
  writeFileSync(join(root, 'package.json'), JSON.stringify({ SECRET }))
  mkdirSync(join(root, 'renderer-evil'))
  writeFileSync(join(root, 'renderer-evil', 'x.js'), SECRET)
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('registerAppSchemePrivileges', () => {
  beforeEach(() => fakeElectron.reset())

  it('registers app:// as a standard, secure scheme and nothing more', () => {
    registerAppSchemePrivileges(protocol)

    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1)
    expect(fakeElectron.protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
    ])
    const [{ privileges }] = fakeElectron.protocol.privilegedSchemes
    expect(privileges?.bypassCSP).not.toBe(true)
    expect(privileges?.allowServiceWorkers).not.toBe(true)
  })
})

describe('registerAppProtocol (app:// handler)', () => {
  let handler: ProtocolHandler

  beforeEach(async () => {
    fakeElectron.reset()
    await fakeElectron.app.becomeReady()
    registerAppProtocol(protocol, rendererDir)
    expect([...fakeElectron.protocol.handlers.keys()]).toEqual(['app'])
    handler = fakeElectron.protocol.handlers.get('app')!
  })

  const fetchApp = async (url: string, method = 'GET'): Promise<Response> => handler(new Request(url, { method }))

  it('serves index.html with the CSP header, frame-ancestors included', async () => {
    expect(APP_ENTRY_URL).toBe('app://bundle/index.html')
    const response = await fetchApp(APP_ENTRY_URL)

    expect(response.status).toBe(200)
    expect(await response.text()).toBe(INDEX)
    expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER)
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('serves / as index.html and bundle assets with the same header', async () => {
    const home = await fetchApp('app://bundle/')
    expect(await home.text()).toBe(INDEX)

    const script = await fetchApp('app://bundle/assets/app.js')
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('content-security-policy')).toBe(CSP_HEADER)
  })

  it.each([
    'app://bundle/../secret.json',
    'app://bundle/../package.json',
    'app://bundle/%2e%2e/package.json',
    'app://bundle/%2E%2E/secret.json',
    'app://bundle/..%2fsecret.json',
    'app://bundle/%2e%2e%2fpackage.json',
    'app://bundle/assets/..%2f..%2fsecret.json',
    'app://bundle/..%2frenderer-evil%2fx.js',
    'app://bundle/%252e%252e%252fsecret.json',
    'app://bundle/..%5csecret.json',
    'app://bundle/index.html%00.js',
    'app://bundle/%E0%A4%A',
  ])('refuses to leave the bundle: %s', async (url) => {
    const response = await fetchApp(url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain(SECRET)
    expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('refuses an absolute path to a file outside the bundle', async () => {
    const response = await fetchApp(`app://bundle/${encodeURIComponent(join(root, 'secret.json'))}`)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain(SECRET)
  })

  it('refuses files it does not serve and files that do not exist', async () => {
    expect((await fetchApp('app://bundle/notes.txt')).status).toBe(404)
    expect((await fetchApp('app://bundle/missing.js')).status).toBe(404)
  })

  it.each(['app://other/index.html', 'app://bundle.evil.com/index.html', 'app://bundle:8080/index.html', 'app://evil/assets/app.js'])(
    'refuses unknown hosts: %s',
    async (url) => {
      const response = await fetchApp(url)
      expect(response.status).toBe(404)
      expect(await response.text()).not.toBe(INDEX)
    },
  )

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])('refuses %s', async (method) => {
    const response = await fetchApp(APP_ENTRY_URL, method)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).not.toBe('text/html; charset=utf-8')
  })
})

describe('isAppUrl', () => {
  it('accepts only our bundle origin', () => {
    expect(isAppUrl('app://bundle/index.html')).toBe(true)
    expect(isAppUrl('app://bundle/index.html#/step/domain')).toBe(true)
    for (const url of ['app://other/index.html', 'app://bundle.evil/index.html', 'app://bundle:1/index.html', 'https://bundle/index.html', 'file:///index.html', 'about:blank', '', 'bundle']) {
      expect(isAppUrl(url), url).toBe(false)
    }
  })
})
