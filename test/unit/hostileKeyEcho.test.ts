import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type * as Tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../src/cli/runCli'
import { REDACTED, redactSecrets } from '../../src/core/secrets/redact'
import { hasUnsafeCharacters } from '../../src/shared/displayText'
import { runCliProcess } from '../support/cliProcess'

// Every CLI run builds a TLS context from the ~150-300 trusted roots (about 16 ms) that these http:// runs never use:
// made once for the file, so the table's hundreds of runs stay quick. Everything else each run does is real.
vi.mock('node:tls', async (importOriginal) => {
  const tls = await importOriginal<typeof Tls>()
  const made = new Map<string, ReturnType<typeof tls.createSecureContext>>()
  const createSecureContext = (options?: Tls.SecureContextOptions) => {
    const key = JSON.stringify(options ?? {})
    if (!made.has(key)) made.set(key, tls.createSecureContext(options))
    return made.get(key)!
  }
  return { ...tls, default: { ...tls, createSecureContext }, createSecureContext }
})

/**
 * Class 2 of the hostile-input issue: a SCIM server that echoes the Authorization header back, in every encoding the
 * issue lists, inside long error messages (so that shortening happens right in the middle of the key). Nothing the
 * CLI prints, as text or as JSON, may hold any 8-character piece of the key in any of those encodings.
 */
const KEY = 'dpk_Canary+9fQ2/xZ7wLmN4pR8sT1vB6yC3hJ5kE0aG=q'
const HEADER = `Bearer ${KEY}`
/** The server's messages are shortened to about 200 characters: the echo starts just before the cut. */
const PADDING = 'The request could not be authorised because the credentials presented were not recognised by this tenant. '.repeat(2).slice(0, 185)

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex')
const every = (text: string, size: number, glue: string) => (text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? []).join(glue)
const alternateCase = (text: string) => [...text].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('')

interface Echo {
  name: string
  /** The text the server puts where it quotes the header. */
  echo: string
  /** Where the echo goes: an error message (default), a same-server redirect's path, the content type, or a user id. */
  via?: 'message' | 'redirect' | 'content-type' | 'user-id'
}

const ECHOES: Echo[] = [
  { name: 'as sent', echo: HEADER },
  { name: 'upper case', echo: HEADER.toUpperCase() },
  { name: 'lower case', echo: HEADER.toLowerCase() },
  { name: 'mixed case', echo: alternateCase(HEADER) },
  { name: 'URL-escaped', echo: encodeURIComponent(HEADER) },
  { name: 'every character %-escaped', echo: [...Buffer.from(HEADER)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('') },
  { name: 'JSON-escaped slashes', echo: JSON.stringify({ authorization: HEADER }).replace(/\//g, '\\/') },
  { name: 'JSON \\u-escaped', echo: [...HEADER].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('') },
  { name: 'base64 of the header', echo: b64(HEADER) },
  { name: 'base64 of the key', echo: b64(KEY) },
  { name: 'base64 of user:key (Basic)', echo: `Basic ${b64(`apikey:${KEY}`)}` },
  { name: 'base64url of the key', echo: Buffer.from(KEY).toString('base64url') },
  { name: 'base64, MIME-wrapped', echo: every(b64(`x${HEADER}`), 12, '\r\n') },
  { name: 'hex', echo: hex(HEADER) },
  { name: 'hex, upper case', echo: hex(KEY).toUpperCase() },
  { name: 'hex, byte by byte', echo: every(hex(KEY), 2, ' ') },
  { name: 'split by spaces', echo: every(KEY, 4, ' ') },
  { name: 'split by line breaks', echo: every(KEY, 7, '\n') },
  { name: 'split by zero-width spaces', echo: [...KEY].join('\u200b') },
  { name: 'split by soft hyphens and word joiners', echo: [...KEY].join('\u00ad\u2060') },
  { name: 'split by JSON-escaped NULs', echo: [...KEY].join('\\u0000') },
  { name: 'split by terminal colour codes', echo: [...KEY].map((c, i) => `\u001b[${31 + (i % 6)}m${c}`).join('') + '\u001b[0m' },
  { name: 'split by C1 controls (NEL)', echo: [...KEY].join('\u0085') },
  { name: 'HTML character references', echo: [...HEADER].map((c) => `&#${c.charCodeAt(0)};`).join('') },
  { name: 'HTML hex character references', echo: [...KEY].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('') },
  { name: 'braced \\u{…} escapes', echo: [...KEY].map((c) => `\\u{${c.charCodeAt(0).toString(16)}}`).join('') },
  { name: 'one 8-character piece', echo: `token fragment ${KEY.slice(17, 25)} rejected` },
  { name: 'the last 9 characters', echo: `…${KEY.slice(-9)}` },
  { name: 'in a same-server redirect', echo: `/scim/reauth/${encodeURIComponent(KEY)}`, via: 'redirect' },
  { name: 'in the content type', echo: `text/x-${KEY.toLowerCase()}`, via: 'content-type' },
]

/** A SCIM server that answers every request with the case's echo of the Authorization header it received. */
let server: Server
let baseUrl: string
let current: Echo = ECHOES[0]

/**
 * For the requests of the lifecycle test and the user lookup: a working SCIM service that echoes the key in every
 * place of a scenario. Each place's text reaches a step's detail; together the scenarios cover every request.
 */
const SCENARIOS = {
  /** ServiceProviderConfig fails; the created user's id is the echo (read, update, delete and the naming use it); the read returns the echo as userName; the PATCH answer reports it as the family name; the DELETE is refused with it, naming the user left behind. */
  'config error, user id, userName read back, family name after PATCH, refused DELETE naming the user': {
    config: 'error',
    id: 'echo',
    readUserName: 'echo',
    patch: 'echo-family-name',
    put: 'ok',
    search: 'ok',
    delete: 'refused',
  },
  /** PATCH is not supported (405): the update goes as PUT, which works; the search by userName fails quoting the echo. */
  'PUT after a refused PATCH, search error': { config: 'ok', id: 'plain', readUserName: 'email', patch: 'unsupported', put: 'ok', search: 'error', delete: 'ok' },
  /** PATCH is not supported and the PUT is refused quoting the echo. */
  'PUT refused': { config: 'ok', id: 'plain', readUserName: 'email', patch: 'unsupported', put: 'error', search: 'ok', delete: 'ok' },
  /** The user lookup finds a user whose id is the echo. */
  'found user id': { config: 'ok', id: 'echo', readUserName: 'email', patch: 'ok', put: 'ok', search: 'ok', delete: 'ok' },
} as const
type Scenario = keyof typeof SCENARIOS
let scenario: Scenario | null = null

function answer(req: IncomingMessage, res: ServerResponse): void {
  const received = req.headers.authorization ?? ''
  if (scenario !== null) return answerAsService(req, res, SCENARIOS[scenario], current.echo.replace(KEY, received.slice('Bearer '.length)))
  if (current.via === 'user-id') return answerWithKeyAsUserId(req, res, received.slice('Bearer '.length))
  // The echo is made from what was received, as a careless server would.
  const echo = current.echo.replace(KEY, received.slice('Bearer '.length))
  if (current.via === 'redirect') {
    res.writeHead(302, { location: echo }).end()
  } else if (current.via === 'content-type') {
    res.writeHead(200, { 'content-type': echo }).end('{}')
  } else {
    const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401', detail: `${PADDING}${echo} Please try again later.` }
    res.writeHead(401, { 'content-type': 'application/scim+json' }).end(JSON.stringify(body))
  }
}

/** A working SCIM service, except that the user it creates has the key as its id (and so every answer quotes it). */
function answerWithKeyAsUserId(req: IncomingMessage, res: ServerResponse, key: string): void {
  const user = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: current.echo.replace(KEY, key), userName: 'sso-assistant-test@example.com', active: true }
  const send = (status: number, body?: unknown): void => void res.writeHead(status, { 'content-type': 'application/scim+json' }).end(body === undefined ? '' : JSON.stringify(body))
  const path = new URL(req.url ?? '/', 'http://local').pathname
  if (path.endsWith('/ServiceProviderConfig')) {
    return send(200, { schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'], patch: { supported: true }, filter: { supported: true, maxResults: 100 } })
  }
  if (req.method === 'GET' && path.endsWith('/Users')) {
    return send(200, { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 1, Resources: [user] })
  }
  if (req.method === 'POST') return send(201, user)
  if (req.method === 'DELETE') return send(204)
  return send(200, user)
}

const TEST_EMAIL = 'sso-assistant-test@example.com'

function answerAsService(req: IncomingMessage, res: ServerResponse, plan: (typeof SCENARIOS)[Scenario], echo: string): void {
  const send = (status: number, body?: unknown): void => void res.writeHead(status, { 'content-type': 'application/scim+json' }).end(body === undefined ? '' : JSON.stringify(body))
  const refuse = (status: number) => send(status, { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail: `Refused: ${echo}` })
  const user = (changes: Record<string, unknown> = {}) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    id: plan.id === 'echo' ? echo : 'user-1',
    userName: TEST_EMAIL,
    active: true,
    ...changes,
  })
  const path = new URL(req.url ?? '/', 'http://local').pathname
  if (path.endsWith('/ServiceProviderConfig')) {
    if (plan.config === 'error') return refuse(500)
    return send(200, { schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'], patch: { supported: true }, filter: { supported: true, maxResults: 100 } })
  }
  if (req.method === 'GET' && path.endsWith('/Users')) {
    return plan.search === 'error' ? refuse(401) : send(200, { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 1, Resources: [user()] })
  }
  if (req.method === 'POST') return send(201, user())
  if (req.method === 'GET') return send(200, user(plan.readUserName === 'echo' ? { userName: echo } : {}))
  if (req.method === 'PATCH') {
    if (plan.patch === 'unsupported') return refuse(405)
    return send(200, user(plan.patch === 'echo-family-name' ? { name: { givenName: 'SSO Assistant', familyName: echo } } : {}))
  }
  if (req.method === 'PUT') return plan.put === 'error' ? refuse(400) : send(200, user({ active: false }))
  if (req.method === 'DELETE') return plan.delete === 'refused' ? refuse(405) : send(204)
  return send(404)
}

beforeAll(async () => {
  server = createServer(answer)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

/**
 * Every way a piece of the key could be read from `text`, checked independently of the redaction code: with
 * whitespace removed and %- and \u-escapes undone, no 8 characters of the key (any case), no 16 hex digits of it,
 * and no base64 run (at any of its 4 offsets) that decodes to 8 characters of it.
 */
function keyPiecesIn(text: string): string[] {
  const flat = text
    .replace(/\s+/g, '')
    .replace(/%([0-9A-Fa-f]{2})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)))
    .replace(/\\u\{([0-9A-Fa-f]{1,6})\}/g, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/\\u([0-9A-Fa-f]{4})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)))
    .replace(/&#x([0-9A-Fa-f]{1,6});/g, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&#([0-9]{1,7});/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/\\\//g, '/')
    // What a person reading the output skips over: colour codes, controls and invisible characters (shown as codes).
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/[\s\p{Cc}\p{Cf}]/gu, '')
  const lower = flat.toLowerCase()
  const found: string[] = []
  const key = KEY.toLowerCase()
  for (let i = 0; i + 8 <= key.length; i++) if (lower.includes(key.slice(i, i + 8))) found.push(`text ${key.slice(i, i + 8)}`)
  const keyHex = hex(KEY)
  for (let i = 0; i + 16 <= keyHex.length; i += 2) if (lower.includes(keyHex.slice(i, i + 16))) found.push(`hex ${keyHex.slice(i, i + 16)}`)
  for (const run of flat.match(/[A-Za-z0-9+/_-]{11,}/g) ?? []) {
    for (let offset = 0; offset < 4; offset++) {
      const decoded = Buffer.from(run.slice(offset).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1').toLowerCase()
      for (let i = 0; i + 8 <= key.length; i++) if (decoded.includes(key.slice(i, i + 8))) found.push(`base64 ${run.slice(0, 20)}…`)
    }
  }
  return found
}

describe('the leak detector used below finds every echo before redaction', () => {
  it.each(ECHOES)('$name', ({ echo }) => {
    expect(keyPiecesIn(`${PADDING}${echo}`)).not.toEqual([])
  })
})

describe('redactSecrets hides every echo, and shortening after it leaves nothing', () => {
  it.each(ECHOES)('$name', ({ echo }) => {
    const redacted = redactSecrets(`${PADDING}${echo} end`, [KEY])
    expect(keyPiecesIn(redacted)).toEqual([])
    expect(keyPiecesIn(redacted.slice(0, 199))).toEqual([])
  })
})

describe('a hostile SCIM server echoing the Authorization header: the CLI prints no piece of the key', () => {
  it.each(ECHOES)('scim test, $name', async (echo) => {
    current = echo
    for (const json of [false, true]) {
      let out = ''
      const code = await runCli(['scim', 'test', '--base-url', baseUrl, ...(json ? ['--json'] : [])], {
        stdout: (t) => (out += t),
        stderr: (t) => (out += t),
        env: { DIALPAD_API_KEY: KEY },
      })
      expect(code).toBe(1)
      expect(keyPiecesIn(out)).toEqual([])
      expect(hasUnsafeCharacters(out, true)).toBe(false)
      if (json) expect(() => JSON.parse(out)).not.toThrow()
    }
  })

  it.each([
    { name: 'the key as the user id', echo: KEY },
    { name: 'the key in hex as the user id', echo: hex(KEY) },
    { name: 'the key split by spaces as the user id', echo: every(KEY, 5, ' ') },
  ])('scim lifecycle, $name', async ({ echo }) => {
    current = { name: 'user id', echo, via: 'user-id' }
    let out = ''
    const code = await runCli(['scim', 'lifecycle', '--base-url', baseUrl, '--user-email', 'sso-assistant-test@example.com', '--yes'], {
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
      env: { DIALPAD_API_KEY: KEY },
    })
    expect(out).toContain('Dialpad created')
    expect(out).toContain(REDACTED)
    expect(keyPiecesIn(out)).toEqual([])
    expect([0, 1]).toContain(code)
  })

  const lifecycleScenarios = (Object.keys(SCENARIOS) as Scenario[]).filter((name) => name !== 'found user id')
  it.each(lifecycleScenarios.flatMap((name) => ECHOES.map((echo) => ({ scenarioName: name, ...echo }))))('scim lifecycle, $scenarioName: $name', async ({ scenarioName, ...echo }) => {
    current = echo
    scenario = scenarioName
    try {
      let out = ''
      const code = await runCli(['scim', 'lifecycle', '--base-url', baseUrl, '--user-email', TEST_EMAIL, '--yes'], {
        stdout: (t) => (out += t),
        stderr: (t) => (out += t),
        env: { DIALPAD_API_KEY: KEY },
      })
      expect(code).toBe(1)
      // The echo reached what is printed, hidden, once for each place it was put.
      expect(out.split(REDACTED).length - 1).toBeGreaterThanOrEqual(scenarioName.startsWith('config error') ? 4 : 1)
      expect(keyPiecesIn(out)).toEqual([])
      expect(hasUnsafeCharacters(out, true)).toBe(false)
    } finally {
      scenario = null
    }
  })

  it.each((['found user id', 'PUT after a refused PATCH, search error'] as const).flatMap((name) => ECHOES.map((echo) => ({ scenarioName: name, ...echo }))))(
    'scim find-user, $scenarioName: $name',
    async ({ scenarioName, ...echo }) => {
      current = echo
      scenario = scenarioName
      try {
        // Text; JSON prints the same redacted run, so once is enough.
        for (const json of scenarioName === 'found user id' && echo.name === 'as sent' ? [false, true] : [false]) {
          let out = ''
          const code = await runCli(['scim', 'find-user', '--base-url', baseUrl, '--email', TEST_EMAIL, ...(json ? ['--json'] : [])], {
            stdout: (t) => (out += t),
            stderr: (t) => (out += t),
            env: { DIALPAD_API_KEY: KEY },
          })
          expect(code).toBe(scenarioName === 'found user id' ? 0 : 1)
          expect(out).toContain(REDACTED)
          expect(keyPiecesIn(out)).toEqual([])
          expect(hasUnsafeCharacters(out, true)).toBe(false)
          if (json) expect(() => JSON.parse(out)).not.toThrow()
        }
      } finally {
        scenario = null
      }
    },
  )

  // One child process (they are slow to start on a loaded machine): the in-process runs above cover every encoding.
  it.each([ECHOES[0]])('in a fresh CLI process (nothing remembered beforehand): $name', async (echo) => {
    current = echo
    const result = await runCliProcess(['scim', 'test', '--base-url', baseUrl], { env: { DIALPAD_API_KEY: KEY }, timeoutMs: 60_000 })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('Dialpad rejected the API key (401)')
    // Where the key began before the cut, the admin reads the marker, whole.
    if (echo === ECHOES[0]) expect(result.stdout).toContain(`Bearer ${REDACTED}…`)
    expect(keyPiecesIn(result.stdout + result.stderr)).toEqual([])
  })
})
