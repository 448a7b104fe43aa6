import { errorMessage } from '../../shared/errorMessage'
/** What went wrong below HTTP, in categories an admin can act on. */
export type NetFailureKind =
  | 'blocked-url'
  | 'dns'
  | 'refused'
  | 'unreachable'
  | 'connect-timeout'
  | 'tls-untrusted'
  | 'tls-expired'
  | 'tls-hostname'
  | 'tls-other'
  | 'reset'
  | 'proxy'
  | 'headers-timeout'
  | 'body-timeout'
  | 'deadline'
  | 'too-large'
  | 'cancelled'
  | 'other'

export interface NetFailure {
  kind: NetFailureKind
  /** The underlying error code (ENOTFOUND, CERT_HAS_EXPIRED, UND_ERR_HEADERS_TIMEOUT...), for support. */
  code?: string
  message: string
  /** host:port the failing connection went to, when the error says (a proxy's address differs from the target's). */
  peer?: string
}

/**
 * What to do about a 'proxy' failure, in every check. The desktop app takes the proxy from the system's settings
 * (PAC included); the CLI, and the app too when they are set, from HTTPS_PROXY, HTTP_PROXY and NO_PROXY.
 */
export const PROXY_SETTINGS_FIX =
  "Check this computer's proxy settings (the system's network settings or PAC file; HTTPS_PROXY, HTTP_PROXY and NO_PROXY when set, which come first). If the proxy needs a sign-in, ask IT for a proxy address this computer may use."

const KIND_BY_CODE: Record<string, NetFailureKind> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NONAME: 'dns',
  ECONNREFUSED: 'refused',
  ENETUNREACH: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ETIMEDOUT: 'connect-timeout',
  UND_ERR_CONNECT_TIMEOUT: 'connect-timeout',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls-untrusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls-untrusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls-untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'tls-untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls-untrusted',
  CERT_UNTRUSTED: 'tls-untrusted',
  CERT_HAS_EXPIRED: 'tls-expired',
  CERT_NOT_YET_VALID: 'tls-expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls-hostname',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_PRX_CONN: 'proxy',
  // SystemProxyError: the system's proxy settings (PAC) named no proxy the checks can use, or gave no answer.
  SYSTEM_PROXY: 'proxy',
  UND_ERR_HEADERS_TIMEOUT: 'headers-timeout',
  UND_ERR_BODY_TIMEOUT: 'body-timeout',
}

interface ErrorFields {
  code?: unknown
  address?: unknown
  port?: unknown
  hostname?: unknown
  cause?: unknown
  errors?: unknown
}

/** The error and everything it wraps (cause chains, AggregateError from happy-eyeballs connects). */
function* errorChain(error: unknown, depth = 0): Generator<Error & ErrorFields> {
  if (!(error instanceof Error) || depth > 5) return
  const fields = error as Error & ErrorFields
  yield fields
  if (fields.cause) yield* errorChain(fields.cause, depth + 1)
  if (Array.isArray(fields.errors)) for (const inner of fields.errors) yield* errorChain(inner, depth + 1)
}

function peerOf(error: ErrorFields): string | undefined {
  if (typeof error.address === 'string') return typeof error.port === 'number' ? `${error.address}:${error.port}` : error.address
  return typeof error.hostname === 'string' ? error.hostname : undefined
}

/** Classifies an error thrown by undici or the socket layer (not an abort: the caller knows which signal fired). */
export function classifyNetError(error: unknown): NetFailure {
  const message = errorMessage(error)
  for (const link of errorChain(error)) {
    const code = typeof link.code === 'string' ? link.code : undefined
    if (code === 'UND_ERR_PRX_TLS') continue // its cause says what was wrong with the proxy's certificate
    const kind = code ? KIND_BY_CODE[code] : undefined
    if (kind) return { kind, code, message: link.message || message, peer: peerOf(link) }
    if (code && (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO')) {
      return { kind: 'tls-other', code, message: link.message, peer: peerOf(link) }
    }
    // undici reports a refused CONNECT tunnel, or a 407 from a forwarding proxy, with these messages.
    const proxyStatus = /^Proxy response \((\d+)\)|^Proxy Authentication Required \((407)\)/.exec(link.message)
    if (proxyStatus) return { kind: 'proxy', code: `HTTP ${proxyStatus[1] ?? proxyStatus[2]}`, message: link.message }
  }
  const first = errorChain(error).next().value
  return { kind: 'other', code: typeof first?.code === 'string' ? first.code : undefined, message }
}
