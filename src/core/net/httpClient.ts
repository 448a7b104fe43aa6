import { createSecureContext } from 'node:tls'
import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici'
import { oneLine } from '../../shared/displayText'
import { UserFacingError } from '../userFacingError'
import { PROXY_LOOKUP_TIMEOUT_MS, type ProxyResolver, SystemProxyDispatcher } from './systemProxy'
import { trustedCaCertificates } from './trust'

export interface HttpTimeouts {
  /** TCP connect plus TLS handshake. */
  connectMs: number
  /** From sending the request to the end of the response headers. */
  headersMs: number
  /** Longest silence allowed between two pieces of the response body. */
  bodyMs: number
  /** The system's answer to "which proxy for this URL?" (a PAC file may have to be fetched and run first). */
  proxyLookupMs: number
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { connectMs: 5_000, headersMs: 10_000, bodyMs: 10_000, proxyLookupMs: PROXY_LOOKUP_TIMEOUT_MS }

export interface ProxySettings {
  httpProxy?: string
  httpsProxy?: string
  noProxy?: string
}

export interface HttpClientOptions {
  /** PEM text of the corporate CA the admin chose (TLS inspection); trusted on top of the platform's roots. */
  extraCaPem?: string
  timeouts?: Partial<HttpTimeouts>
  /** Where to read HTTPS_PROXY, HTTP_PROXY and NO_PROXY (either case); defaults to process.env. */
  env?: NodeJS.ProcessEnv
  /**
   * The system's proxy for a URL (settings, PAC), asked once per origin: the desktop app passes Electron's
   * session.resolveProxy. HTTPS_PROXY or HTTP_PROXY, when set, win over it; NO_PROXY hosts always go direct.
   * Without it (CLI, browser preview) only the environment counts.
   */
  resolveProxy?: ProxyResolver
}

/** Proxy settings from the environment, lowercase first as curl and undici read them. */
export function proxySettingsFrom(env: NodeJS.ProcessEnv): ProxySettings {
  const pick = (name: string) => (env[name.toLowerCase()] ?? env[name.toUpperCase()])?.trim() || undefined
  return { httpProxy: pick('http_proxy'), httpsProxy: pick('https_proxy'), noProxy: pick('no_proxy') }
}

function assertProxyUrl(name: string, value: string | undefined): void {
  if (value === undefined) return
  let url: URL
  try {
    url = new URL(value)
  } catch {
    // A proxy address can carry a password (http://user:password@proxy): never repeated.
    const shown = oneLine(value.replace(/^([^/]*\/\/)?[^@/]*@/, '$1…@'), 80)
    throw new UserFacingError(`The ${name} setting "${shown}" is not a URL. Set it like http://proxy.example.com:8080, or remove it.`)
  }
  if (!['http:', 'https:'].includes(url.protocol)) {
    throw new UserFacingError(`The ${name} setting uses ${url.protocol}//, which is not supported. Use an http:// or https:// proxy address.`)
  }
}

/**
 * The one dispatcher every live check uses: a keep-alive pool with our timeouts and trust store, going through
 * the environment's proxy when one is set, else the system's proxy when a resolver is given. Redirects are never followed (undici's request does not, and no
 * redirect interceptor is added), so an Authorization header only ever reaches the origin it was built for.
 * Throws UserFacingError when the CA file or a proxy setting is unusable. Close it when done.
 *
 * Two choices keep a check at the network's round-trip floor (see bench/scim.ts):
 * - HTTP/1.1 only. With h2 allowed (undici's default), a pool holds every request behind the first TLS handshake
 *   to learn whether the server multiplexes; against an HTTP/1.1 server, or a TLS-inspecting proxy, the connection
 *   test's two concurrent requests then cost two extra round trips. The checks are one or two requests at a time,
 *   so h2 would gain nothing, and one protocol keeps failures the same everywhere.
 * - One TLS context for all connections. Given only `ca`, Node parses the ~150-300 roots again for every
 *   connection (10-20 ms of CPU each, before the TCP connect starts).
 */
export function createHttpDispatcher(options: HttpClientOptions = {}): Dispatcher {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
  const tlsOptions = { secureContext: createSecureContext({ ca: trustedCaCertificates(options.extraCaPem) }) }
  const poolOptions = {
    connectTimeout: timeouts.connectMs,
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    allowH2: false,
  }
  const proxy = proxySettingsFrom(options.env ?? process.env)
  assertProxyUrl('HTTP_PROXY', proxy.httpProxy)
  assertProxyUrl('HTTPS_PROXY', proxy.httpsProxy)

  if (!proxy.httpProxy && !proxy.httpsProxy) {
    const direct = new Agent({ ...poolOptions, connect: tlsOptions })
    if (!options.resolveProxy) return direct
    return new SystemProxyDispatcher({
      resolve: options.resolveProxy,
      noProxy: proxy.noProxy,
      direct,
      lookupTimeoutMs: timeouts.proxyLookupMs,
      // Tunnelled connections use `requestTls` to the origin, `proxyTls` to an https:// proxy (PAC "HTTPS host:port").
      viaProxy: (uri) => new ProxyAgent({ ...poolOptions, uri, requestTls: tlsOptions, proxyTls: tlsOptions }),
    })
  }
  return new EnvHttpProxyAgent({
    ...poolOptions,
    // Passed explicitly (empty string = none) so undici never falls back to process.env behind `env`'s back.
    // undici's rule, kept: HTTP_PROXY also carries https:// traffic when HTTPS_PROXY is not set.
    httpProxy: proxy.httpProxy ?? '',
    httpsProxy: proxy.httpsProxy ?? '',
    noProxy: proxy.noProxy ?? '',
    // Direct (NO_PROXY) connections use `connect`; tunnelled ones use `requestTls` to the origin, `proxyTls` to an https:// proxy.
    connect: tlsOptions,
    requestTls: tlsOptions,
    proxyTls: tlsOptions,
  })
}

/**
 * Releases a check's dispatcher when the check is over. After a cancel its connections are torn down at once: a
 * connection still being opened (TCP or TLS to a silent host) would otherwise hold a graceful close until its
 * connect timeout, and the cancelled run would not end until then.
 */
export async function releaseDispatcher(dispatcher: Dispatcher, signal: AbortSignal): Promise<void> {
  await (signal.aborted ? dispatcher.destroy() : dispatcher.close()).catch(() => undefined)
}
