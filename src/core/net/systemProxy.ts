import { Dispatcher } from 'undici'
import { classifyNetError, type NetFailureKind } from './netFailure'
import { errorMessage } from '../../shared/errorMessage'

/**
 * Asks the operating system which proxy serves a URL (its proxy settings, a PAC file, WPAD) and answers the way a
 * PAC file does: "PROXY proxy.example.com:8080; DIRECT". The desktop app passes Electron's session.resolveProxy;
 * core never imports electron.
 */
export type ProxyResolver = (url: string) => Promise<string>

export type ProxyRoute = { kind: 'direct' } | { kind: 'proxy'; url: string }

/** Why a PAC answer left nothing the checks can use; carried as an error the checks report as a proxy failure. */
export class SystemProxyError extends Error {
  override name = 'SystemProxyError'
  readonly code = 'SYSTEM_PROXY'
}

/** Chromium's default ports when a PAC entry names none. */
const DEFAULT_PORTS: Record<string, number> = { PROXY: 80, HTTP: 80, HTTPS: 443, SOCKS: 1080, SOCKS4: 1080, SOCKS5: 1080 }

/** How long the system may take to say which proxy to use (a PAC file is fetched and run) before the check says so. */
export const PROXY_LOOKUP_TIMEOUT_MS = 15_000

/**
 * Reads a PAC-style answer into the routes the checks may take, in the order given:
 * - DIRECT: no proxy, and the last route (a failure going direct is the server's). An empty answer means DIRECT, as
 *   in Chromium.
 * - PROXY host:port (or HTTP host:port): an HTTP proxy; https:// targets go through a CONNECT tunnel.
 * - HTTPS host:port: an HTTP proxy reached over TLS, trusted like any server (system roots plus the corporate CA).
 * - SOCKS, SOCKS4, SOCKS5: skipped. undici's SOCKS5 support is experimental and SOCKS4 has none, so a later entry is
 *   used; when only SOCKS entries remain, the answer is unusable and the check says why instead of going direct.
 * The first route is used; the next one only when a proxy cannot be reached at all (see SystemProxyDispatcher), as a
 * browser on this computer does with "PROXY proxy.corp:8080; DIRECT".
 */
export function routesFromPacAnswer(answer: string): { kind: 'routes'; routes: ProxyRoute[] } | { kind: 'unusable'; reason: string } {
  const entries = answer
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length === 0) return { kind: 'routes', routes: [{ kind: 'direct' }] }
  const routes: ProxyRoute[] = []
  const skipped: string[] = []
  for (const entry of entries) {
    const [rawScheme, hostPort = ''] = entry.split(/\s+/, 2)
    const scheme = rawScheme.toUpperCase()
    if (scheme === 'DIRECT') {
      routes.push({ kind: 'direct' })
      break
    }
    const address = withPort(hostPort, DEFAULT_PORTS[scheme])
    if ((scheme === 'PROXY' || scheme === 'HTTP') && address) routes.push({ kind: 'proxy', url: `http://${address}` })
    else if (scheme === 'HTTPS' && address) routes.push({ kind: 'proxy', url: `https://${address}` })
    else skipped.push(entry)
  }
  if (routes.length > 0) return { kind: 'routes', routes }
  const socks = skipped.find((entry) => /^SOCKS/i.test(entry))
  return {
    kind: 'unusable',
    reason: socks
      ? `they name only a SOCKS proxy (${socks}), which the assistant's checks cannot use`
      : `they answered "${answer.trim()}", which names no proxy the assistant understands`,
  }
}

/** "host:port", "[v6]:port" or a bare host given the scheme's default port; null when it is not an address. */
function withPort(hostPort: string, defaultPort: number | undefined): string | null {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(hostPort)
  if (!match || defaultPort === undefined) return null
  const port = match[2] === undefined ? defaultPort : Number(match[2])
  return port >= 1 && port <= 65535 ? `${match[1]}:${port}` : null
}

/**
 * Whether NO_PROXY sends an origin straight to its server, by the rules undici's EnvHttpProxyAgent (and so the CLI)
 * applies: entries separated by commas or spaces; "*" matches everything; "example.com" and ".example.com" match the
 * domain and its subdomains, "*.example.com" only subdomains; ":port" limits an entry to that port.
 */
export function bypassesProxy(origin: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false
  const host = origin.hostname.replace(/^\[(.+)\]$/, '$1').replace(/\.$/, '').toLowerCase()
  const port = Number(origin.port) || (origin.protocol === 'https:' ? 443 : 80)
  for (const raw of noProxy.split(/[,\s]/)) {
    if (!raw) continue
    const withPortMatch = /^\[(.+)\]:(\d+)$/.exec(raw) ?? (/^([^:]+):(\d+)$/.exec(raw) as RegExpExecArray | null)
    const entryHost = (withPortMatch ? withPortMatch[1] : raw.replace(/^\[(.+)\]$/, '$1')).toLowerCase()
    const entryPort = withPortMatch ? Number(withPortMatch[2]) : 0
    if (entryPort && entryPort !== port) continue
    if (entryHost === '*') return true
    const subdomainsOnly = entryHost.startsWith('*.')
    const domain = entryHost.replace(/^\*?\./, '').replace(/\.$/, '')
    if (!subdomainsOnly && host === domain) return true
    if (host.endsWith(`.${domain}`)) return true
  }
  return false
}

export interface SystemProxyOptions {
  resolve: ProxyResolver
  /** NO_PROXY from the environment: these hosts never go through the system's proxy. */
  noProxy?: string
  /** Connections straight to the server. */
  direct: Dispatcher
  /** A dispatcher tunnelling through the proxy at this URL; made once per proxy. */
  viaProxy(proxyUrl: string): Dispatcher
  /** How long the system may take to answer; PROXY_LOOKUP_TIMEOUT_MS unless tests shorten it. */
  lookupTimeoutMs?: number
}

/**
 * Failures reaching a proxy itself, after which Chromium tries the answer's next route (net/http/proxy_fallback.cc:
 * name not resolved, connection refused, reset, closed or timed out, address unreachable; undici reports a connection
 * the proxy closed before answering the CONNECT as UND_ERR_PRX_CONN). A proxy that answers and refuses the tunnel
 * (403, 407...) is not one of them: that is the proxy's decision, reported as such, never gone around.
 */
const UNREACHABLE_KINDS: ReadonlySet<NetFailureKind> = new Set(['dns', 'refused', 'unreachable', 'connect-timeout', 'reset'])

function proxyUnreachable(error: Error): boolean {
  const failure = classifyNetError(error)
  return UNREACHABLE_KINDS.has(failure.kind) || failure.code === 'UND_ERR_PRX_CONN'
}

/** The routes for one origin and the one requests take now (it moves on when a proxy cannot be reached). */
interface OriginRoutes {
  targets: Dispatcher[]
  current: number
}

/**
 * A dispatcher that asks the system, once per origin, which proxy to use, then sends the request straight or through
 * that proxy. The lookup is asynchronous, so each request is handed on when it is known; a lookup that fails reaches
 * the request as an error, which the checks report as a proxy failure with its reason. When the proxy cannot be
 * reached and the answer names another route ("PROXY proxy.corp:8080; DIRECT"), the request, which has not started,
 * goes that way, and so do the origin's later requests.
 */
export class SystemProxyDispatcher extends Dispatcher {
  readonly #options: SystemProxyOptions
  readonly #routes = new Map<string, Promise<OriginRoutes>>()
  readonly #proxies = new Map<string, Dispatcher>()

  constructor(options: SystemProxyOptions) {
    super()
    this.#options = options
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const origin = new URL(String(options.origin)).origin
    let route = this.#routes.get(origin)
    if (!route) {
      route = this.#route(new URL(origin))
      this.#routes.set(origin, route)
    }
    // undici's request() only notices its signal once a connection starts: while the system is still being asked,
    // a cancel (or the check's deadline) must end the request here.
    const signal = (options as { signal?: unknown }).signal
    const abortable = signal instanceof AbortSignal ? signal : undefined
    let handedOn = false
    const fail = (error: Error) => {
      if (handedOn) return
      handedOn = true
      // The same call undici makes for an error before any connection (DispatcherBase.dispatch).
      handler.onResponseError?.(null as never, error)
    }
    const onAbort = () => fail(abortable?.reason instanceof Error ? abortable.reason : new Error('The request was cancelled.'))
    abortable?.addEventListener('abort', onAbort, { once: true })
    route.then(
      (routes) => {
        abortable?.removeEventListener('abort', onAbort)
        if (handedOn) return
        handedOn = true
        dispatchVia(routes, routes.current, options, handler)
      },
      (error: Error) => {
        abortable?.removeEventListener('abort', onAbort)
        fail(error)
      },
    )
    return true
  }

  async #route(origin: URL): Promise<OriginRoutes> {
    if (bypassesProxy(origin, this.#options.noProxy)) return { targets: [this.#options.direct], current: 0 }
    const answer = await this.#lookUp(`${origin.origin}/`)
    const parsed = routesFromPacAnswer(answer)
    if (parsed.kind === 'unusable') throw new SystemProxyError(`This computer's proxy settings could not be used for ${origin.host}: ${parsed.reason}.`)
    return { targets: parsed.routes.map((route) => (route.kind === 'direct' ? this.#options.direct : this.#viaProxy(route.url))), current: 0 }
  }

  #viaProxy(url: string): Dispatcher {
    let proxy = this.#proxies.get(url)
    if (!proxy) {
      proxy = this.#options.viaProxy(url)
      this.#proxies.set(url, proxy)
    }
    return proxy
  }

  async #lookUp(url: string): Promise<string> {
    const timeoutMs = this.#options.lookupTimeoutMs ?? PROXY_LOOKUP_TIMEOUT_MS
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new SystemProxyError(`This computer's proxy settings (PAC file) gave no answer for ${new URL(url).host} within ${timeoutMs / 1000} s.`)),
        timeoutMs,
      )
    })
    try {
      return await Promise.race([this.#options.resolve(url), timedOut])
    } catch (error) {
      if (error instanceof SystemProxyError) throw error
      throw new SystemProxyError(`This computer's proxy settings could not be read for ${new URL(url).host}: ${errorMessage(error)}.`)
    } finally {
      clearTimeout(timer)
    }
  }

  #all(): Dispatcher[] {
    return [this.#options.direct, ...this.#proxies.values()]
  }

  override close(): Promise<void>
  override close(callback: () => void): void
  override close(callback?: () => void): Promise<void> | void {
    const closed = Promise.all(this.#all().map((dispatcher) => dispatcher.close())).then(() => undefined)
    if (!callback) return closed
    void closed.then(callback, callback)
  }

  override destroy(): Promise<void>
  override destroy(error: Error | null): Promise<void>
  override destroy(callback: () => void): void
  override destroy(error: Error | null, callback: () => void): void
  override destroy(errorOrCallback?: Error | null | (() => void), callback?: () => void): Promise<void> | void {
    const error = typeof errorOrCallback === 'function' ? null : (errorOrCallback ?? null)
    const done = typeof errorOrCallback === 'function' ? errorOrCallback : callback
    const destroyed = Promise.all(this.#all().map((dispatcher) => dispatcher.destroy(error))).then(() => undefined)
    if (!done) return destroyed
    void destroyed.then(done, done)
  }
}

type Handler = Dispatcher.DispatchHandler
type HandlerArgs<Name extends keyof Handler> = Parameters<NonNullable<Handler[Name]>>

/** Sends the request by the route at `index`; when that is a proxy that cannot be reached, by the next one. */
function dispatchVia(routes: OriginRoutes, index: number, options: Dispatcher.DispatchOptions, handler: Handler): void {
  const target = routes.targets[index]
  if (index === routes.targets.length - 1) {
    target.dispatch(options, handler)
    return
  }
  target.dispatch(
    options,
    new NextRouteIfUnreachable(handler, () => {
      // Concurrent requests fail over together: each moves to the route after the one it tried, never past a later one.
      routes.current = Math.max(routes.current, index + 1)
      dispatchVia(routes, routes.current, options, handler)
    }),
  )
}

/**
 * Passes everything on to the request's own handler, except an error that says the proxy could not be reached before
 * the request started (undici calls onRequestStart once the connection, tunnel included, is up): then the request
 * has sent nothing, and `tryNext` sends it again by the next route.
 */
class NextRouteIfUnreachable implements Handler {
  readonly #handler: Handler
  readonly #tryNext: () => void
  #started = false

  constructor(handler: Handler, tryNext: () => void) {
    this.#handler = handler
    this.#tryNext = tryNext
  }

  onRequestStart(...args: HandlerArgs<'onRequestStart'>): void {
    this.#started = true
    this.#handler.onRequestStart?.(...args)
  }

  onResponseError(...[controller, error]: HandlerArgs<'onResponseError'>): void {
    if (!this.#started && proxyUnreachable(error)) {
      this.#tryNext()
      return
    }
    this.#handler.onResponseError?.(controller, error)
  }

  onRequestUpgrade(...args: HandlerArgs<'onRequestUpgrade'>): void {
    this.#handler.onRequestUpgrade?.(...args)
  }

  onResponseStarted(): void {
    this.#handler.onResponseStarted?.()
  }

  onResponseStart(...args: HandlerArgs<'onResponseStart'>): void {
    this.#handler.onResponseStart?.(...args)
  }

  onResponseData(...args: HandlerArgs<'onResponseData'>): void {
    this.#handler.onResponseData?.(...args)
  }

  onResponseEnd(...args: HandlerArgs<'onResponseEnd'>): void {
    this.#handler.onResponseEnd?.(...args)
  }

  onBodySent(...args: HandlerArgs<'onBodySent'>): void {
    this.#handler.onBodySent?.(...args)
  }

  onRequestSent(): void {
    this.#handler.onRequestSent?.()
  }
}
