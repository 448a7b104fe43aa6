import { type NetFailure, PROXY_SETTINGS_FIX } from '../net/netFailure'
import type { HttpResponse } from '../net/sendRequest'
import { jsonNestedDeeperThan } from '../json/jsonDepth'
import { redactThenShorten } from '../secrets/redact'
import { SCIM_CONTENT_TYPE } from './schemas'
import { expectedScimBaseUrl } from './scimBaseUrl'
import { plural } from '../../shared/plural'

/** What happened, and what the admin should do about it. */
export interface Diagnosis {
  detail: string
  fix: string
}

export interface DiagnoseContext {
  /** The request that went wrong. */
  url: URL
  baseUrl: string
  now: () => Date
  /** The API key sent with the request: a server may echo it, and it is redacted before anything is shortened. */
  secrets?: readonly string[]
}

const PROXY_HINT = 'a proxy or sign-in page is in the way'
/** SCIM data is a few levels deep (a ListResponse of users with their emails); a body nested deeper is not read. */
const MAX_SCIM_DEPTH = 64

/** Maps a failure below HTTP (DNS, TCP, TLS, timeouts, size, cancel) to words and a next step. */
export function diagnoseNetFailure(failure: NetFailure, ctx: DiagnoseContext): Diagnosis {
  const { hostname, host } = ctx.url
  const expected = expectedScimBaseUrl(ctx.baseUrl)
  const code = failure.code ? ` (${failure.code})` : ''
  switch (failure.kind) {
    case 'blocked-url':
      return { detail: failure.message, fix: `Use an https:// base URL, like ${expected}.` }
    case 'dns':
      return {
        detail: `The name ${hostname} could not be found${code}.`,
        fix: `Check the base URL is spelled like ${expected}; if it is, check this computer is online, and on a company network ask IT whether a proxy must be set (HTTPS_PROXY).`,
      }
    case 'refused':
      return {
        detail: `${failure.peer ?? host} refused the connection${code}.`,
        fix: `Check the base URL (${expected}), including any port. If it is right, a firewall or proxy setting blocks the connection: ask your network team to allow HTTPS to ${hostname}.`,
      }
    case 'unreachable':
      return {
        detail: `${host} cannot be reached from this computer${code}.`,
        fix: 'Check this computer is online; on a company network ask IT whether a proxy must be set (HTTPS_PROXY).',
      }
    case 'connect-timeout':
      return {
        detail: `Nothing answered when connecting to ${host}${code}: the connection could not be set up in time.`,
        fix: `A firewall may be silently dropping the connection: ask your network team to allow HTTPS to ${hostname}, or which proxy to set (HTTPS_PROXY).`,
      }
    case 'tls-untrusted':
      return {
        detail: `The certificate presented for ${hostname} is not trusted by this computer${code}. On company networks this usually means TLS inspection: a proxy re-signs secure traffic with the company's own certificate authority.`,
        fix: 'Ask IT for the company\'s root CA certificate (a .pem file), choose it with the "Corporate CA certificate" option, then test again.',
      }
    case 'tls-expired':
      return {
        detail: `The certificate presented for ${hostname} has expired or is not valid yet${code}.`,
        fix: "Check this computer's date and time. If they are right, that certificate must be renewed: ask your network team if a proxy inspects TLS, otherwise contact Dialpad Support.",
      }
    case 'tls-hostname':
      return {
        detail: `The certificate presented is not for ${hostname}${code}.`,
        fix: `Check the host name in the base URL (${expected}). If it is right, a proxy is intercepting the connection with the wrong certificate: ask your network team to fix it or to exempt ${hostname}.`,
      }
    case 'tls-other':
      return {
        detail: `The secure connection to ${hostname} failed${code}: ${failure.message}`,
        fix: `Ask your network team whether a proxy or firewall interferes with HTTPS to ${hostname}.`,
      }
    case 'reset':
      return {
        detail: `The connection to ${host} was closed before a complete answer arrived${code}.`,
        fix: `Test again. If it keeps happening, a proxy or firewall is cutting the connection: ask your network team to allow HTTPS to ${hostname}.`,
      }
    case 'proxy':
      return {
        detail: `The proxy would not open a connection to ${host}${code}: ${failure.message}`,
        fix: PROXY_SETTINGS_FIX,
      }
    case 'headers-timeout':
      return {
        detail: `${host} accepted the connection but did not answer in time${code}.`,
        fix: "Test again in a few minutes. If it keeps happening, check Dialpad's status page, and ask your network team whether a proxy holds the request.",
      }
    case 'body-timeout':
      return {
        detail: `The answer from ${host} started, then stopped arriving${code}.`,
        fix: 'Test again in a few minutes. If it keeps happening, ask your network team whether a proxy or firewall stalls the connection.',
      }
    case 'deadline':
      return {
        detail: `The answer from ${host} took too long: ${failure.message}`,
        fix: `Test again in a few minutes. If it keeps happening, check the base URL is ${expected}; ${PROXY_HINT} if the answer never ends.`,
      }
    case 'too-large':
      return {
        detail: `The answer from ${ctx.url.origin}${ctx.url.pathname} is far bigger than any SCIM answer: ${failure.message}`,
        fix: `Check the base URL is ${expected}; if it is, ${PROXY_HINT}: ask your network team to let this computer reach ${hostname} directly.`,
      }
    case 'cancelled':
      return { detail: 'Cancelled before the answer arrived.', fix: 'Run the test again when you are ready.' }
    case 'other':
      return {
        detail: `The request to ${host} failed${code}: ${failure.message}`,
        fix: 'Test again; if it keeps failing, copy these details for Dialpad Support.',
      }
  }
}

/** Maps an answer with an unexpected status (redirect, 4xx, 5xx) to words and a next step. */
export function diagnoseHttpStatus(response: HttpResponse, ctx: DiagnoseContext): Diagnosis {
  const { status } = response
  const expected = expectedScimBaseUrl(ctx.baseUrl)
  const said = serverMessage(response, ctx.secrets)
  const saying = said ? ` Dialpad said: "${said}".` : ''
  const page = looksLikeHtml(response) ? ` The answer was a web page, not SCIM data, so ${PROXY_HINT} rather than Dialpad answering.` : ''
  const where = `${ctx.url.origin}${ctx.url.pathname}`

  if (status >= 300 && status < 400) return diagnoseRedirect(response, ctx)
  if (status === 401) {
    return { detail: `Dialpad rejected the API key (401).${saying}${page}`, fix: 'Create a new key in Admin Settings > My Company > Authentication > API Keys.' }
  }
  if (status === 403) {
    return {
      detail: `Dialpad refused the request (403): the API key lacks the needed scope, or the account that created it is not a Company Admin.${saying}${page}`,
      fix: 'Sign in to Dialpad as a Company Admin and create a new key in Admin Settings > My Company > Authentication > API Keys, keeping the default scopes selected.',
    }
  }
  if (status === 404) {
    const fix =
      ctx.baseUrl === expected
        ? `The base URL is Dialpad's (${expected}) but nothing answered at ${where}: contact Dialpad Support, and mention that SCIM must be enabled for your company.`
        : `Set the base URL to ${expected}, here and in JumpCloud's Identity Management > Base URL field.`
    return { detail: `Nothing was found at ${where} (404): the base URL ${ctx.baseUrl} looks wrong.${page}`, fix }
  }
  if (status === 429) {
    const wait = retryAfter(response.headers['retry-after'], ctx.now())
    return {
      detail: `Dialpad is limiting requests (429) and ${wait ? `asks to wait ${wait}` : 'did not say how long to wait'}.${saying}`,
      fix: `Wait ${wait ?? 'a minute'}, then test again; the assistant does not retry on its own.`,
    }
  }
  if (status >= 500) {
    return {
      detail: `Dialpad could not answer (${status}).${saying}${page}`,
      fix: "This is on Dialpad's side: test again in a few minutes; if it persists, contact Dialpad Support with the time of this test.",
    }
  }
  return {
    detail: `Dialpad did not accept the request (${status}).${saying}${page}`,
    fix: `Check the base URL is ${expected}; if it is, copy these details for Dialpad Support.`,
  }
}

function diagnoseRedirect(response: HttpResponse, ctx: DiagnoseContext): Diagnosis {
  const expected = expectedScimBaseUrl(ctx.baseUrl)
  const target = response.headers.location ? URL.parse(response.headers.location, ctx.url.href) : null
  if (target && target.origin === ctx.url.origin) {
    return {
      detail: `The server answered with a redirect (${response.status}) to another address on the same server (${target.pathname}); redirects are not followed.`,
      fix: `Check the base URL: it should be exactly ${expected}, with nothing added.`,
    }
  }
  const to = target ? `to ${target.origin}` : 'without saying where to'
  return {
    detail: `The server answered with a redirect (${response.status}) ${to}. Redirects are not followed, so the API key was not sent anywhere else.`,
    fix: `Check the base URL is ${expected}. If it is, ${PROXY_HINT}: ask your network team to let this computer reach ${ctx.url.hostname} directly.`,
  }
}

export type BodyReading =
  | { ok: true; json: unknown; warning?: Diagnosis }
  | { ok: false; diagnosis: Diagnosis }

/** Checks a successful answer is SCIM JSON: content type, no HTML page, parseable. */
export function readScimBody(response: HttpResponse, ctx: DiagnoseContext): BodyReading {
  const expected = expectedScimBaseUrl(ctx.baseUrl)
  const type = mediaType(response)
  const proxyFix = `Check the base URL is ${expected}; if it is, ${PROXY_HINT}: ask your network team to let this computer reach ${ctx.url.hostname} directly.`
  if (looksLikeHtml(response)) {
    return { ok: false, diagnosis: { detail: `An HTML page came back instead of SCIM data (${type || 'no content type'}): ${PROXY_HINT}.`, fix: proxyFix } }
  }
  if (type !== SCIM_CONTENT_TYPE && type !== 'application/json') {
    return {
      ok: false,
      diagnosis: { detail: `The answer is ${type || 'of no stated type'}, not SCIM data (${SCIM_CONTENT_TYPE}).`, fix: proxyFix },
    }
  }
  if (jsonNestedDeeperThan(response.body, MAX_SCIM_DEPTH)) {
    return { ok: false, diagnosis: { detail: `The answer is nested far deeper than any SCIM data (more than ${MAX_SCIM_DEPTH} levels), so it was not read.`, fix: proxyFix } }
  }
  let json: unknown
  try {
    json = JSON.parse(response.body)
  } catch {
    const what = response.body.trim() ? 'cannot be read as JSON' : 'is empty'
    return { ok: false, diagnosis: { detail: `The answer claims to be ${type} but ${what}.`, fix: proxyFix } }
  }
  if (type === SCIM_CONTENT_TYPE) return { ok: true, json }
  return {
    ok: true,
    json,
    warning: {
      detail: `The answer is labelled application/json instead of ${SCIM_CONTENT_TYPE}; the data itself is fine.`,
      fix: "Nothing to do if JumpCloud's Test Connection succeeds; if it fails, mention this to Dialpad Support.",
    },
  }
}

function mediaType(response: HttpResponse): string {
  return (response.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
}

function looksLikeHtml(response: HttpResponse): boolean {
  const type = mediaType(response)
  return type === 'text/html' || type === 'application/xhtml+xml' || /^\s*<(!doctype|html|head|body)\b/i.test(response.body)
}

/**
 * The human-readable part of a SCIM error (RFC 7644 3.12) or of a generic JSON error: the key redacted first, then
 * shortened and made printable on one line (a server echoing the Authorization header in a long message must not
 * get the part before the cut printed).
 */
export function serverMessage(response: HttpResponse, secrets: readonly string[] = []): string | undefined {
  if (jsonNestedDeeperThan(response.body, MAX_SCIM_DEPTH)) return undefined
  let json: unknown
  try {
    json = JSON.parse(response.body)
  } catch {
    return undefined
  }
  if (!json || typeof json !== 'object') return undefined
  const fields = json as Record<string, unknown>
  const text = [fields.detail, fields.message, fields.error_description, fields.error].find((value) => typeof value === 'string' && value.trim())
  if (typeof text !== 'string') return undefined
  return redactThenShorten(text.replace(/\s+/g, ' ').trim(), 199, secrets)
}

/** Retry-After as words: "30 seconds", or the wait until an HTTP date. */
export function retryAfter(value: string | undefined, now: Date): string | undefined {
  if (!value) return undefined
  const seconds = /^\d+$/.test(value.trim()) ? Number(value.trim()) : (Date.parse(value) - now.getTime()) / 1000
  if (!Number.isFinite(seconds)) return undefined
  const whole = Math.max(0, Math.ceil(seconds))
  if (whole >= 120) return plural(Math.ceil(whole / 60), 'minute')
  return plural(whole, 'second')
}
