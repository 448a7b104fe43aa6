import { randomUUID } from 'node:crypto'
import * as http from 'node:http'
import * as https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { ServerTls } from './scimTestCa'

/**
 * A local SCIM 2.0 service provider (RFC 7644, users only) with Dialpad's rules where the tests need them, and
 * faults that can be switched on per route while it runs. Listens on 127.0.0.1 only.
 */

export type ScimRoute =
  | 'GET /ServiceProviderConfig'
  | 'GET /Schemas'
  | 'GET /ResourceTypes'
  | 'GET /Users'
  | 'POST /Users'
  | 'GET /Users/:id'
  | 'PATCH /Users/:id'
  | 'PUT /Users/:id'
  | 'DELETE /Users/:id'

export type ScimFault =
  /** Answer with this status; the body defaults to a SCIM error. */
  | { kind: 'status'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  /** A proxy's sign-in page. */
  | { kind: 'html'; status?: number }
  /** The normal answer, labelled with another content type. */
  | { kind: 'contentType'; contentType: string }
  /** Labelled SCIM JSON, but not JSON. */
  | { kind: 'notJson' }
  | { kind: 'redirect'; location: string; status?: number }
  /** Wait before answering normally (long enough for headersTimeout, or to observe concurrency). */
  | { kind: 'delay'; ms: number }
  /** Headers, then a byte every intervalMs, forever. */
  | { kind: 'trickle'; intervalMs: number }
  /** Headers, then one byte, then silence (bodyTimeout). */
  | { kind: 'stall' }
  | { kind: 'oversize'; bytes: number; declareLength?: boolean }
  /** TCP reset instead of an answer. */
  | { kind: 'reset' }
  /** Dialpad's answer to a userName at a domain the company does not own. */
  | { kind: 'domainRejected' }
  /** An error body quoting the bearer token back, as a careless server might. */
  | { kind: 'echoToken'; status: number }

export interface ScimUserRecord {
  id: string
  userName: string
  active: boolean
  name?: { givenName?: string; familyName?: string }
  emails?: { value: string; type?: string; primary?: boolean }[]
  created: string
}

export interface RecordedRequest {
  method: string
  /** Path below the base, e.g. /Users/abc. */
  path: string
  query: string
  /** Which socket carried it: equal ids mean a reused keep-alive connection. */
  connectionId: number
  receivedAt: number
  respondedAt?: number
  status?: number
  /** The Authorization header as received, if any. */
  authorization?: string
  /** The request body parsed as JSON (undefined without a body or when it is not JSON). */
  body?: unknown
}

export interface FaultControl {
  set(route: ScimRoute | '*', fault: ScimFault): void
  clear(route?: ScimRoute | '*'): void
}

export interface ScimServerOptions {
  /** The bearer token accepted; anything else gets 401. */
  token: string
  /** Serve HTTPS with this certificate; plain HTTP without. */
  tls?: ServerTls
  basePath?: string
  /**
   * What the server says about itself. false: it has no /ServiceProviderConfig, /Schemas or /ResourceTypes (404),
   * as nothing public says Dialpad has them. Otherwise the features it announces (default: PATCH and filter).
   */
  discovery?: false | { patch?: boolean; filter?: boolean }
  /** Whether PATCH /Users/:id works; without it PATCH answers 501 (RFC 7644 3.5.2: PATCH is optional). Default true. */
  patch?: boolean
}

export interface ScimServer {
  /** The SCIM base URL, e.g. https://127.0.0.1:41234/scim. */
  url: string
  origin: string
  /** The CA to trust for HTTPS servers (pass as extraCaPem). */
  caPem?: string
  faults: FaultControl
  users: Map<string, ScimUserRecord>
  requests: RecordedRequest[]
  close(): Promise<void>
}

const SCIM_JSON = 'application/scim+json'
const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error'
const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User'
const LIST_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse'
const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp'
const SPC_URN = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'
const SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:Schema'
const RESOURCE_TYPE_URN = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType'

type Answer = { status: number; body?: unknown; headers?: Record<string, string> }

const scimError = (status: number, detail: string, scimType?: string): Answer => ({
  status,
  body: { schemas: [ERROR_URN], status: String(status), detail, ...(scimType ? { scimType } : {}) },
})

export async function startScimServer(options: ScimServerOptions): Promise<ScimServer> {
  const basePath = options.basePath ?? '/scim'
  const users = new Map<string, ScimUserRecord>()
  const requests: RecordedRequest[] = []
  const faultsByRoute = new Map<ScimRoute | '*', ScimFault>()
  const sockets = new Set<Socket>()
  const connectionIds = new WeakMap<Socket, number>()
  let nextConnectionId = 1

  const faults: FaultControl = {
    set: (route, fault) => void faultsByRoute.set(route, fault),
    clear: (route) => (route ? void faultsByRoute.delete(route) : faultsByRoute.clear()),
  }

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://local')
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname
    if (!connectionIds.has(req.socket)) connectionIds.set(req.socket, nextConnectionId++)
    const record: RecordedRequest = {
      method: req.method ?? '',
      path,
      query: url.search,
      connectionId: connectionIds.get(req.socket)!,
      receivedAt: performance.now(),
      authorization: req.headers.authorization,
    }
    requests.push(record)
    res.on('finish', () => {
      record.respondedAt = performance.now()
      record.status = res.statusCode
    })

    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      if (text) {
        try {
          record.body = JSON.parse(text)
        } catch {
          record.body = undefined
        }
      }
      const route = routeOf(req.method ?? '', path, url.pathname.startsWith(basePath))
      const fault = (route && faultsByRoute.get(route)) ?? faultsByRoute.get('*')
      const answerNormally = (contentType = SCIM_JSON) => send(res, handle(route, path, url.searchParams, Buffer.concat(chunks).toString('utf8'), req.headers.authorization), contentType)
      if (!fault) return answerNormally()
      applyFault(fault, req, res, answerNormally, resetConnection)
    })
  }

  const handle = (route: ScimRoute | undefined, path: string, query: URLSearchParams, text: string, authorization?: string): Answer => {
    if (!route) return scimError(404, `No such endpoint: ${path}`)
    if (authorization !== `Bearer ${options.token}`) return scimError(401, 'Authentication failed: the bearer token is not valid.')
    const id = decodeURIComponent(path.split('/')[2] ?? '')
    let body: Record<string, unknown> = {}
    if (text) {
      try {
        body = JSON.parse(text) as Record<string, unknown>
      } catch {
        return scimError(400, 'The request body is not JSON.', 'invalidSyntax')
      }
    }
    const discovery = options.discovery ?? {}
    switch (route) {
      case 'GET /ServiceProviderConfig':
        return discovery === false ? scimError(404, 'Not found.') : { status: 200, body: serviceProviderConfig(discovery) }
      case 'GET /Schemas':
        return discovery === false ? scimError(404, 'Not found.') : { status: 200, body: listOf([{ schemas: [SCHEMA_URN], id: USER_URN, name: 'User' }]) }
      case 'GET /ResourceTypes':
        return discovery === false
          ? scimError(404, 'Not found.')
          : { status: 200, body: listOf([{ schemas: [RESOURCE_TYPE_URN], id: 'User', name: 'User', endpoint: '/Users', schema: USER_URN }]) }
      case 'GET /Users':
        return listUsers(users, query)
      case 'POST /Users':
        return createUser(users, body)
      case 'GET /Users/:id': {
        const user = users.get(id)
        return user ? { status: 200, body: resource(user) } : scimError(404, `User ${id} not found.`)
      }
      case 'PATCH /Users/:id':
        return options.patch === false ? scimError(501, 'PATCH is not supported.') : patchUser(users.get(id), body)
      case 'PUT /Users/:id':
        return replaceUser(users, users.get(id), body)
      case 'DELETE /Users/:id':
        return users.delete(id) ? { status: 204 } : scimError(404, `User ${id} not found.`)
    }
  }

  /** TLS sockets cannot send a TCP reset themselves; the raw socket under them can. */
  const resetConnection = (socket: Socket) => {
    const raw = [...sockets].find((candidate) => candidate.remotePort === socket.remotePort) ?? socket
    if (typeof raw.resetAndDestroy === 'function' && !('encrypted' in raw)) raw.resetAndDestroy()
    else raw.destroy()
  }

  const server = options.tls
    ? https.createServer({ cert: options.tls.certPem, key: options.tls.keyPem }, handler)
    : http.createServer(handler)
  // Close keep-alive sockets only when told; the tests check reuse.
  server.keepAliveTimeout = 30_000
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('tlsClientError', () => undefined)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`

  return {
    url: `${origin}${basePath}`,
    origin,
    caPem: options.tls?.caPem,
    faults,
    users,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

function routeOf(method: string, path: string, underBase: boolean): ScimRoute | undefined {
  if (!underBase) return undefined
  const shape = /^\/Users\/[^/]+$/.test(path) ? '/Users/:id' : path
  const route = `${method} ${shape}`
  const routes: readonly string[] = [
    'GET /ServiceProviderConfig',
    'GET /Schemas',
    'GET /ResourceTypes',
    'GET /Users',
    'POST /Users',
    'GET /Users/:id',
    'PATCH /Users/:id',
    'PUT /Users/:id',
    'DELETE /Users/:id',
  ]
  return routes.includes(route) ? (route as ScimRoute) : undefined
}

function send(res: http.ServerResponse, answer: Answer, contentType = SCIM_JSON): void {
  if (res.destroyed) return
  const headers: Record<string, string> = { ...answer.headers }
  if (answer.body === undefined) {
    res.writeHead(answer.status, headers).end()
    return
  }
  res.writeHead(answer.status, { 'content-type': contentType, ...headers }).end(JSON.stringify(answer.body))
}

function applyFault(
  fault: ScimFault,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  answerNormally: (contentType?: string) => void,
  resetConnection: (socket: Socket) => void,
): void {
  switch (fault.kind) {
    case 'status': {
      const body = fault.body ?? JSON.stringify(scimError(fault.status, `Injected ${fault.status}.`).body)
      res.writeHead(fault.status, { 'content-type': fault.contentType ?? SCIM_JSON, ...fault.headers }).end(body)
      return
    }
    case 'html':
      res
        .writeHead(fault.status ?? 200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!DOCTYPE html><html><head><title>Sign in to continue</title></head><body><form>Corporate proxy sign-in</form></body></html>')
      return
    case 'contentType':
      answerNormally(fault.contentType)
      return
    case 'notJson':
      res.writeHead(200, { 'content-type': SCIM_JSON }).end('{"schemas": [ this is not json')
      return
    case 'redirect':
      res.writeHead(fault.status ?? 302, { location: fault.location }).end()
      return
    case 'delay': {
      const timer = setTimeout(() => answerNormally(), fault.ms)
      res.on('close', () => clearTimeout(timer))
      return
    }
    case 'trickle': {
      res.writeHead(200, { 'content-type': SCIM_JSON })
      res.write('{"schemas":["')
      const timer = setInterval(() => res.write('x'), fault.intervalMs)
      res.on('close', () => clearInterval(timer))
      return
    }
    case 'stall':
      res.writeHead(200, { 'content-type': SCIM_JSON })
      res.write('{')
      return
    case 'oversize':
      writeOversize(res, fault.bytes, fault.declareLength ?? false)
      return
    case 'reset':
      resetConnection(req.socket)
      return
    case 'domainRejected': {
      const body = scimError(400, 'The domain of this email is not a valid domain for this company.', 'invalidValue')
      res.writeHead(400, { 'content-type': SCIM_JSON }).end(JSON.stringify(body.body))
      return
    }
    case 'echoToken': {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '')
      const body = { schemas: [ERROR_URN], status: String(fault.status), detail: `Token ${token} is not allowed here`, token }
      res.writeHead(fault.status, { 'content-type': SCIM_JSON, 'x-echo-token': token }).end(JSON.stringify(body))
      return
    }
  }
}

function writeOversize(res: http.ServerResponse, bytes: number, declareLength: boolean): void {
  res.writeHead(200, { 'content-type': SCIM_JSON, ...(declareLength ? { 'content-length': String(bytes) } : {}) })
  const chunk = Buffer.alloc(64 * 1024, 0x20)
  let left = bytes
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left)
      left -= piece.length
      if (!res.write(piece)) return void res.once('drain', pump)
    }
    if (!res.destroyed) res.end()
  }
  pump()
}

function listOf(resources: unknown[]) {
  return { schemas: [LIST_URN], totalResults: resources.length, startIndex: 1, itemsPerPage: resources.length, Resources: resources }
}

function serviceProviderConfig(features: { patch?: boolean; filter?: boolean }) {
  return {
    schemas: [SPC_URN],
    patch: { supported: features.patch ?? true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: features.filter ?? true, maxResults: 100 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [{ type: 'oauthbearertoken', name: 'OAuth Bearer Token', description: 'Dialpad API key' }],
  }
}

function resource(user: ScimUserRecord) {
  return {
    schemas: [USER_URN],
    id: user.id,
    userName: user.userName,
    active: user.active,
    ...(user.name ? { name: user.name } : {}),
    ...(user.emails ? { emails: user.emails } : {}),
    meta: { resourceType: 'User', created: user.created, location: `/Users/${user.id}` },
  }
}

function findByUserName(users: Map<string, ScimUserRecord>, userName: string): ScimUserRecord | undefined {
  return [...users.values()].find((user) => user.userName.toLowerCase() === userName.toLowerCase())
}

function listUsers(users: Map<string, ScimUserRecord>, query: URLSearchParams): Answer {
  let matches = [...users.values()]
  const filter = query.get('filter')
  if (filter !== null) {
    const parsed = /^userName eq "((?:[^"\\]|\\.)*)"$/i.exec(filter.trim())
    if (!parsed) return scimError(400, `Unsupported filter: ${filter}`, 'invalidFilter')
    const wanted = parsed[1].replace(/\\(.)/g, '$1')
    matches = matches.filter((user) => user.userName.toLowerCase() === wanted.toLowerCase())
  }
  const startIndex = Math.max(1, Number(query.get('startIndex') ?? 1) || 1)
  const count = Math.max(0, Number(query.get('count') ?? 100))
  const page = matches.slice(startIndex - 1, startIndex - 1 + count)
  return { status: 200, body: { schemas: [LIST_URN], totalResults: matches.length, startIndex, itemsPerPage: page.length, Resources: page.map(resource) } }
}

function createUser(users: Map<string, ScimUserRecord>, body: Record<string, unknown>): Answer {
  const userName = body.userName
  if (typeof userName !== 'string' || !userName) return scimError(400, 'userName is required.', 'invalidValue')
  if (findByUserName(users, userName)) return scimError(409, `A user with userName ${userName} already exists.`, 'uniqueness')
  const user: ScimUserRecord = {
    id: randomUUID(),
    userName,
    active: body.active !== false,
    name: body.name as ScimUserRecord['name'],
    emails: body.emails as ScimUserRecord['emails'],
    created: new Date().toISOString(),
  }
  users.set(user.id, user)
  return { status: 201, body: resource(user), headers: { location: `/Users/${user.id}` } }
}

function patchUser(user: ScimUserRecord | undefined, body: Record<string, unknown>): Answer {
  if (!user) return scimError(404, 'User not found.')
  const schemas = body.schemas
  const operations = body.Operations
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_URN) || !Array.isArray(operations)) {
    return scimError(400, 'Expected a PatchOp request.', 'invalidSyntax')
  }
  for (const operation of operations as { op?: string; path?: string; value?: unknown }[]) {
    if (operation.op?.toLowerCase() !== 'replace') return scimError(400, `Unsupported op ${operation.op}.`, 'invalidSyntax')
    const path = operation.path
    if (path === 'name.givenName' || path === 'name.familyName') {
      if (typeof operation.value !== 'string') return scimError(400, `${path} must be a string.`, 'invalidValue')
      user.name = { ...user.name, [path.slice('name.'.length)]: operation.value }
      continue
    }
    const value = path === 'active' ? { active: operation.value } : path === 'name' ? { name: operation.value } : (operation.value as Record<string, unknown>)
    if (typeof value?.active === 'boolean') user.active = value.active
    if (value?.name && typeof value.name === 'object') user.name = { ...user.name, ...(value.name as ScimUserRecord['name']) }
  }
  return { status: 200, body: resource(user) }
}

function replaceUser(users: Map<string, ScimUserRecord>, user: ScimUserRecord | undefined, body: Record<string, unknown>): Answer {
  if (!user) return scimError(404, 'User not found.')
  if (typeof body.userName !== 'string' || !body.userName) return scimError(400, 'userName is required.', 'invalidValue')
  const clash = findByUserName(users, body.userName)
  if (clash && clash.id !== user.id) return scimError(409, `A user with userName ${body.userName} already exists.`, 'uniqueness')
  user.userName = body.userName
  user.active = body.active !== false
  user.name = body.name as ScimUserRecord['name']
  user.emails = body.emails as ScimUserRecord['emails']
  return { status: 200, body: resource(user) }
}
