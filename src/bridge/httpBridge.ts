/**
 * The contract over loopback HTTP, so a real browser can drive the real renderer against the
 * real core (end-to-end tests, `npm run preview:web`). Hardened like any local server should be:
 * 127.0.0.1 only, random port, a random per-run token on every request, and no other Host or Origin.
 *
 * Two secrets, because browsers share cookies across ports: the page cookie only unlocks the static
 * renderer files, so if another local server ever sees it, it gains nothing. API calls need the API
 * token as a Bearer header; the login redirect hands it to the page in the URL fragment (never sent
 * to a server), and the page keeps it in sessionStorage.
 *
 * Events (the contract's `events`) reach the page as Server-Sent Events on GET /events, with the same Bearer token as
 * calls (the page reads the stream with fetch, since EventSource cannot send a header). The bridge serves one page:
 * every call's events go to its open event streams, and are held (in order, bounded) while none is open, so an event
 * sent before the page's stream connects, or while it reconnects, is delivered when it does.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Caller, Handlers } from '../shared/contract'
import { BRIDGE_TOKEN_FRAGMENT } from '../shared/bridgeToken'
import { CSP_HEADER } from '../shared/csp'
import { errorMessage } from '../shared/errorMessage'
import { dispatch } from '../core/dispatch'
import { jsonNestedDeeperThan } from '../core/json/jsonDepth'
import { type ErrorLog, consoleErrorLog } from '../core/log/errorLog'
import { contentTypeFor, resolveRendererFile } from '../core/static/rendererFiles'

export const BRIDGE_LOGIN_PATH = '/__bridge/login'
export const BRIDGE_EVENTS_PATH = '/events'
const API_PREFIX = '/api/'
/** Events held while no stream is open; a live check sends a few dozen. The oldest go first beyond this. */
const MAX_HELD_EVENTS = 1000
const MAX_BODY_BYTES = 1024 * 1024
const MAX_BODY_DEPTH = 64

export interface BridgeOptions {
  handlers: Handlers
  /** The built renderer folder (out/renderer). */
  rendererDir: string
  log?: ErrorLog
}

export interface RunningBridge {
  /** http://127.0.0.1:<port> */
  origin: string
  /** Open this in the browser: it sets the page cookie and lands on the app with the API token. */
  loginUrl: string
  /** The API token (Authorization: Bearer). */
  token: string
  close(): Promise<void>
}

export async function startBridge({ handlers, rendererDir, log = consoleErrorLog }: BridgeOptions): Promise<RunningBridge> {
  const token = randomBytes(32).toString('base64url')
  const pageToken = randomBytes(32).toString('base64url')
  let origin = ''
  let cookieName = ''
  const streams = new Set<ServerResponse>()
  const held: string[] = []
  const caller: Caller = {
    emit: (event, payload) => {
      const message = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
      if (streams.size === 0) {
        held.push(message)
        if (held.length > MAX_HELD_EVENTS) held.shift()
        return
      }
      for (const stream of streams) stream.write(message)
    },
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'content-security-policy': CSP_HEADER,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    })
    // A comment line: the page sees the stream is open before any event.
    response.write(': connected\n\n')
    for (const message of held.splice(0)) response.write(message)
    streams.add(response)
    request.on('close', () => streams.delete(response))
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.write(`[bridge] ${errorMessage(error)}`)
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error')
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.host !== origin.slice('http://'.length)) return send(response, 403, 'text/plain', 'Host not allowed')
    const requestOrigin = request.headers.origin
    if (requestOrigin !== undefined && requestOrigin !== origin) return send(response, 403, 'text/plain', 'Origin not allowed')

    const url = new URL(request.url ?? '/', origin)
    if (url.pathname === BRIDGE_LOGIN_PATH && request.method === 'GET') {
      if (!secretMatches(url.searchParams.get('token'), token)) return send(response, 401, 'text/plain', 'Bad token')
      response.writeHead(303, {
        location: `/#${BRIDGE_TOKEN_FRAGMENT}=${token}`,
        'set-cookie': `${cookieName}=${pageToken}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      })
      response.end()
      return
    }

    const hasApiToken = secretMatches(bearerToken(request), token)
    if (url.pathname === BRIDGE_EVENTS_PATH) {
      if (!hasApiToken) return send(response, 401, 'text/plain', 'Missing or wrong bridge token')
      if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Use GET')
      return openEventStream(request, response)
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      if (!hasApiToken) return send(response, 401, 'text/plain', 'Missing or wrong bridge token')
      if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Use POST')
      if (!request.headers['content-type']?.startsWith('application/json')) {
        return send(response, 415, 'text/plain', 'Send application/json')
      }
      const body = await readBody(request)
      if (body === null) return send(response, 413, 'text/plain', 'Request too large')
      // Before parsing: a megabyte of "[[[[" costs JSON.parse over 100 MB; no contract input is nested this deep.
      if (jsonNestedDeeperThan(body, MAX_BODY_DEPTH)) return send(response, 400, 'text/plain', 'Body is nested too deep')
      let input: unknown
      try {
        input = body.length ? JSON.parse(body) : {}
      } catch {
        return send(response, 400, 'text/plain', 'Body is not JSON')
      }
      const envelope = await dispatch(handlers, url.pathname.slice(API_PREFIX.length), input, log, caller)
      return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(envelope))
    }

    if (!hasApiToken && !secretMatches(cookieValue(request, cookieName), pageToken)) {
      return send(response, 401, 'text/plain', 'Missing or wrong bridge token')
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'Method not allowed')
    const file = resolveRendererFile(rendererDir, url.pathname)
    if (!file) return send(response, 404, 'text/plain', 'Not found')
    let content: Buffer
    try {
      content = await readFile(file)
    } catch {
      return send(response, 404, 'text/plain', 'Not found')
    }
    send(response, 200, contentTypeFor(file), content)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  // Cookies are shared across ports: the name carries the port so two bridges never clobber each other.
  cookieName = `dpsso_bridge_${port}`

  return {
    origin,
    token,
    loginUrl: `${origin}${BRIDGE_LOGIN_PATH}?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function secretMatches(candidate: string | null | undefined, secret: string): boolean {
  if (!candidate) return false
  const given = Buffer.from(candidate)
  const expected = Buffer.from(secret)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-security-policy': CSP_HEADER,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  })
  response.end(body)
}

function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) tooLarge = true
      else chunks.push(chunk)
    })
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}
