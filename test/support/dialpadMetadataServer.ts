import * as https from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { ServerTls } from './scimTestCa'

/**
 * A local stand-in for the two services the SSO services check talks to, on 127.0.0.1 over HTTPS:
 * - Dialpad's SP metadata, GET /api/saml/metadata/custom/<domain>, published only for domains where SAML with the
 *   Custom provider is saved (others get Dialpad-like 404 page);
 * - JumpCloud's IDP URL, GET /saml2/<app>, which without a SAMLRequest sends the browser to the sign-in page.
 * Faults and each route's clock (its Date header) can be changed while it runs.
 */

export type ServiceRoute = 'metadata' | 'idp'

export type ServiceFault =
  /** Answer with this status and body (default: an empty body). */
  | { kind: 'status'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  /** An HTML error or sign-in page instead of metadata. */
  | { kind: 'html'; status?: number; title?: string }
  /** Metadata, but with these values changed (a wrong entityID, a wrong ACS URL or binding). */
  | { kind: 'metadata'; entityId?: string; acsUrl?: string; acsBinding?: string }
  /** This exact XML, labelled application/xml. */
  | { kind: 'xml'; body: string }
  | { kind: 'redirect'; location: string; status?: number }
  /** Wait before answering normally. */
  | { kind: 'delay'; ms: number }
  /**
   * Answer normally once a request for the other route has arrived, or after `maxMs` (then `released` says
   * 'timeout'): proves two requests were in flight at once without timing anything.
   */
  | { kind: 'hold-until-other'; maxMs: number }
  /** A body of this many bytes. */
  | { kind: 'oversize'; bytes: number }

/** A route's clock: its Date header this far from the server's `now`, or no Date header at all. */
export type RouteClock = { offsetMs: number } | 'no-date' | { raw: string }

export interface ServiceRequest {
  route: ServiceRoute | 'other'
  path: string
  accept?: string
  /** For a 'hold-until-other' fault: what let the answer go. */
  released?: 'other-arrived' | 'timeout'
}

export interface DialpadMetadataServerOptions {
  tls: ServerTls
  /** The Dialpad host the published values name (the server itself is 127.0.0.1). Default dialpad.com. */
  host?: string
  /** Domains with SAML (Custom provider) saved. Default example.com. */
  savedDomains?: string[]
  /** The time the Date header is built from. Default the real clock. */
  now?: () => Date
}

export interface DialpadMetadataServer {
  /** https://127.0.0.1:<port>: pass as metadataBaseUrl. */
  origin: string
  /** A JumpCloud-like IDP URL on this server. */
  idpSsoUrl: string
  caPem: string
  savedDomains: Set<string>
  faults: { set(route: ServiceRoute, fault: ServiceFault): void; clear(): void }
  clocks: { set(route: ServiceRoute, clock: RouteClock): void; clear(): void }
  requests: ServiceRequest[]
  close(): Promise<void>
}

export const MD_NS = 'urn:oasis:names:tc:SAML:2.0:metadata'
export const HTTP_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST'
const EMAIL_NAME_ID = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'

/** SP metadata as Dialpad publishes it for a domain with SAML (Custom provider) saved. */
export function dialpadSpMetadataXml(values: { entityId: string; acsUrl: string; acsBinding?: string }): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<md:EntityDescriptor xmlns:md="${MD_NS}" entityID="${values.entityId}">`,
    '  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    `    <md:NameIDFormat>${EMAIL_NAME_ID}</md:NameIDFormat>`,
    `    <md:AssertionConsumerService Binding="${values.acsBinding ?? HTTP_POST}" Location="${values.acsUrl}" index="1"/>`,
    '  </md:SPSSODescriptor>',
    '</md:EntityDescriptor>',
    '',
  ].join('\n')
}

/** A classic entity-expansion ("billion laughs") payload dressed as metadata. */
export const ENTITY_EXPANSION_XML = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE md:EntityDescriptor [',
  '  <!ENTITY lol "lol">',
  '  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
  '  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">',
  ']>',
  `<md:EntityDescriptor xmlns:md="${MD_NS}" entityID="&lol3;"/>`,
].join('\n')

const PAGE_NOT_FOUND = (title: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body><div id="app"><h1>Sorry, we couldn't find that page.</h1></div></body>\n</html>\n`

export async function startDialpadMetadataServer(options: DialpadMetadataServerOptions): Promise<DialpadMetadataServer> {
  const host = options.host ?? 'dialpad.com'
  const now = options.now ?? (() => new Date())
  const savedDomains = new Set(options.savedDomains ?? ['example.com'])
  const faultsByRoute = new Map<ServiceRoute, ServiceFault>()
  const clocksByRoute = new Map<ServiceRoute, RouteClock>()
  const requests: ServiceRequest[] = []
  const sockets = new Set<Socket>()
  /** Answers held until a request for the other route arrives. */
  const held = new Map<ServiceRoute, (() => void)[]>()

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'https://local').pathname
    const metadataDomain = /^\/api\/saml\/metadata\/custom\/([^/]+)$/.exec(path)?.[1]
    const route: ServiceRoute | 'other' = metadataDomain ? 'metadata' : /^\/saml2\/[^/]+$/.test(path) ? 'idp' : 'other'
    const request: ServiceRequest = { route, path, accept: req.headers.accept }
    requests.push(request)
    if (route !== 'other') setDate(res, clocksByRoute.get(route), now)
    if (route !== 'other') {
      for (const release of held.get(route) ?? []) release()
      held.delete(route)
    }

    const answerNormally = () => {
      if (res.destroyed) return
      if (route === 'idp') {
        res.writeHead(302, { location: 'https://console.jumpcloud.com/login', 'content-type': 'text/html; charset=utf-8' }).end('<html><body>Redirecting…</body></html>')
        return
      }
      if (route === 'metadata' && savedDomains.has(decodeURIComponent(metadataDomain!))) {
        const domain = decodeURIComponent(metadataDomain!)
        res
          .writeHead(200, { 'content-type': 'text/xml; charset=utf-8' })
          .end(dialpadSpMetadataXml({ entityId: `https://${host}/api/saml/metadata/custom/${domain}`, acsUrl: `https://${host}/saml/sso/custom/${domain}` }))
        return
      }
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE_NOT_FOUND('Dialpad | Page Not Found'))
    }

    const fault = route === 'other' ? undefined : faultsByRoute.get(route)
    if (!fault) return answerNormally()
    switch (fault.kind) {
      case 'status':
        res.writeHead(fault.status, { ...(fault.contentType ? { 'content-type': fault.contentType } : {}), ...fault.headers }).end(fault.body ?? '')
        return
      case 'html':
        res.writeHead(fault.status ?? 200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE_NOT_FOUND(fault.title ?? 'Dialpad'))
        return
      case 'metadata': {
        const domain = decodeURIComponent(metadataDomain ?? 'example.com')
        const xml = dialpadSpMetadataXml({
          entityId: fault.entityId ?? `https://${host}/api/saml/metadata/custom/${domain}`,
          acsUrl: fault.acsUrl ?? `https://${host}/saml/sso/custom/${domain}`,
          acsBinding: fault.acsBinding,
        })
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(xml)
        return
      }
      case 'xml':
        res.writeHead(200, { 'content-type': 'application/xml' }).end(fault.body)
        return
      case 'redirect':
        res.writeHead(fault.status ?? 302, { location: fault.location }).end()
        return
      case 'delay': {
        const timer = setTimeout(answerNormally, fault.ms)
        res.on('close', () => clearTimeout(timer))
        return
      }
      case 'hold-until-other': {
        const other: ServiceRoute = route === 'metadata' ? 'idp' : 'metadata'
        if (requests.some((earlier) => earlier !== request && earlier.route === other)) {
          request.released = 'other-arrived'
          return answerNormally()
        }
        const timer = setTimeout(() => {
          request.released = 'timeout'
          answerNormally()
        }, fault.maxMs)
        res.on('close', () => clearTimeout(timer))
        held.set(other, [
          ...(held.get(other) ?? []),
          () => {
            clearTimeout(timer)
            request.released = 'other-arrived'
            answerNormally()
          },
        ])
        return
      }
      case 'oversize':
        res.writeHead(200, { 'content-type': 'text/xml' }).end(Buffer.alloc(fault.bytes, 0x20))
        return
    }
  }

  const server = https.createServer({ cert: options.tls.certPem, key: options.tls.keyPem }, handler)
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('tlsClientError', () => undefined)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    origin,
    idpSsoUrl: `${origin}/saml2/dialpad`,
    caPem: options.tls.caPem,
    savedDomains,
    faults: { set: (route, fault) => void faultsByRoute.set(route, fault), clear: () => faultsByRoute.clear() },
    clocks: { set: (route, clock) => void clocksByRoute.set(route, clock), clear: () => clocksByRoute.clear() },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

function setDate(res: ServerResponse, clock: RouteClock | undefined, now: () => Date): void {
  if (clock === 'no-date') {
    res.sendDate = false
    return
  }
  if (clock && 'raw' in clock) {
    res.setHeader('date', clock.raw)
    return
  }
  res.setHeader('date', new Date(now().getTime() + (clock?.offsetMs ?? 0)).toUTCString())
}
