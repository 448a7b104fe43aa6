import { Dispatcher } from 'undici'

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
 * Reads a PAC-style answer and picks the route the checks take: the first entry they can use, in the order given.
 * - DIRECT: no proxy. An empty answer means DIRECT too, as in Chromium.
 * - PROXY host:port (or HTTP host:port): an HTTP proxy; https:// targets go through a CONNECT tunnel.
 * - HTTPS host:port: an HTTP proxy reached over TLS, trusted like any server (system roots plus the corporate CA).
 * - SOCKS, SOCKS4, SOCKS5: skipped. undici's SOCKS5 support is experimental and SOCKS4 has none, so a later entry is
 *   used; when only SOCKS entries remain, the answer is unusable and the check says why instead of going direct.
 * Later entries are not tried when the first usable proxy fails: the check reports that proxy's failure, which is the
 * proxy a browser on this computer tries first as well.
 */
export function routeFromPacAnswer(answer: string): ProxyRoute | { kind: 'unusable'; reason: string } {
  const entries = answer
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length === 0) return { kind: 'direct' }
  const skipped: string[] = []
  for (const entry of entries) {
    const [rawScheme, hostPort = ''] = entry.split(/\s+/, 2)
    const scheme = rawScheme.toUpperCase()
    if (scheme === 'DIRECT') return { kind: 'direct' }
    const address = withPort(hostPort, DEFAULT_PORTS[scheme])
    if ((scheme === 'PROXY' || scheme === 'HTTP') && address) return { kind: 'proxy', url: `http://${address}` }
    if (scheme === 'HTTPS' && address) return { kind: 'proxy', url: `https://${address}` }
    skipped.push(entry)
  }
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
 * A dispatcher that asks the system, once per origin, which proxy to use, then sends the request straight or through
 * that proxy. The lookup is asynchronous, so each request is handed on when it is known; a lookup that fails reaches
 * the request as an error, which the checks report as a proxy failure with its reason.
 */
export class SystemProxyDispatcher extends Dispatcher {
  readonly #options: SystemProxyOptions
  readonly #routes = new Map<string, Promise<Dispatcher>>()
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
      (target) => {
        abortable?.removeEventListener('abort', onAbort)
        if (handedOn) return
        handedOn = true
        target.dispatch(options, handler)
      },
      (error: Error) => {
        abortable?.removeEventListener('abort', onAbort)
        fail(error)
      },
    )
    return true
  }

  async #route(origin: URL): Promise<Dispatcher> {
    if (bypassesProxy(origin, this.#options.noProxy)) return this.#options.direct
    const answer = await this.#lookUp(`${origin.origin}/`)
    const route = routeFromPacAnswer(answer)
    if (route.kind === 'unusable') throw new SystemProxyError(`This computer's proxy settings could not be used for ${origin.host}: ${route.reason}.`)
    if (route.kind === 'direct') return this.#options.direct
    let proxy = this.#proxies.get(route.url)
    if (!proxy) {
      proxy = this.#options.viaProxy(route.url)
      this.#proxies.set(route.url, proxy)
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
      throw new SystemProxyError(`This computer's proxy settings could not be read for ${new URL(url).host}: ${error instanceof Error ? error.message : String(error)}.`)
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
