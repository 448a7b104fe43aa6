import { plural } from '../../shared/plural'
import { type NetFailure, PROXY_SETTINGS_FIX } from '../net/netFailure'
import type { HttpResponse } from '../net/sendRequest'
import type { Diagnosis } from '../../shared/checkOutcome'

/**
 * Where a check's request went, as the admin knows it: the words every diagnosis uses for that address. The checks
 * build one per request (scim: Dialpad's SCIM base URL; sso: Dialpad's SAML metadata address, JumpCloud's IdP SSO
 * URL, a test server's address), so one mapping from failures to advice serves them all.
 */
export interface NetTarget {
  url: URL
  /** Who answers there: 'Dialpad', 'JumpCloud'. */
  service: string
  /**
   * Say the service in each detail ("JumpCloud (host) cannot be reached"): a check that asks several services must
   * say which one failed. A check of one service names the host alone.
   */
  nameService: boolean
  /** What the admin does again: 'test' (the SCIM tests) or 'check'. */
  again: 'test' | 'check'
  /** The address in the admin's words, for a refused http:// address: 'base URL', 'IdP SSO URL'. */
  addressName: string
  /** What the https:// address should look like, when there is one to show. */
  example?: string
  /**
   * One sentence telling the admin how to check the address ("Check the base URL is spelled like ..."), when they
   * chose it and it may be wrong; absent when the assistant derived the address.
   */
  checkAddress?: string
  /** What a normal answer is, for one far too big: 'any SCIM answer', 'expected'. */
  usualAnswer: string
}

const PROXY_ENV = 'on a company network ask IT whether a proxy must be set (HTTPS_PROXY)'
const PROXY_IN_THE_WAY = 'a proxy or sign-in page'

function capitalized(text: string): string {
  return `${text[0].toUpperCase()}${text.slice(1)}`
}

/** "<check the address> If it is right, <then>", or just "<Then>" when the address is not the admin's. */
function afterAddress(target: NetTarget, then: string): string {
  return target.checkAddress ? `${target.checkAddress} If it is right, ${then}` : capitalized(then)
}

/** Maps a failure below HTTP (DNS, TCP, TLS, proxy, timeouts, size, cancel) to words about the target, and a next step. */
export function diagnoseNetFailure(failure: NetFailure, target: NetTarget): Diagnosis {
  const { service, again } = target
  const { hostname, host } = target.url
  const code = failure.code ? ` (${failure.code})` : ''
  /** The server, named with its service when the check asks several. */
  const at = (name: string) => (target.nameService ? `${service} (${name})` : name)
  const answerFrom = target.nameService ? `${service}'s answer from ${host}` : `The answer from ${host}`
  const Again = capitalized(again)
  switch (failure.kind) {
    case 'blocked-url':
      return {
        detail: target.nameService ? `${service} was not contacted: ${failure.message}` : failure.message,
        fix: `Use an https:// ${target.addressName}${target.example ? `, like ${target.example}` : ''}.`,
      }
    case 'dns':
      return {
        detail: `${target.nameService ? `${service}'s server name` : 'The name'} ${hostname} could not be found${code}.`,
        fix: afterAddress(target, `check this computer is online, and ${PROXY_ENV}.`),
      }
    case 'refused':
      return {
        detail: `${failure.peer ?? host} refused the connection${target.nameService ? ` to ${service}` : ''}${code}.`,
        fix: afterAddress(target, `a firewall or proxy setting blocks the connection: ask your network team to allow HTTPS to ${hostname}.`),
      }
    case 'unreachable':
      return { detail: `${at(host)} cannot be reached from this computer${code}.`, fix: `Check this computer is online; ${PROXY_ENV}.` }
    case 'connect-timeout':
      return {
        detail: `Nothing answered when connecting to ${at(host)}${code}: the connection could not be set up in time.`,
        fix: `A firewall may be silently dropping the connection: ask your network team to allow HTTPS to ${hostname}, or which proxy to set (HTTPS_PROXY).`,
      }
    case 'tls-untrusted':
      return {
        detail: `The certificate presented for ${hostname} is not trusted by this computer${code}${target.nameService ? `, so ${service}'s answer could not be trusted` : ''}. On company networks this usually means TLS inspection: a proxy re-signs secure traffic with the company's own certificate authority.`,
        fix: `Ask IT for the company's root CA certificate (a .pem file), choose it with the "Corporate CA certificate" option, then ${again} again.`,
      }
    case 'tls-expired':
      return {
        detail: `The certificate presented for ${hostname} has expired or is not valid yet${code}.`,
        fix: `Check this computer's date and time. If they are right, that certificate must be renewed: ask your network team whether a proxy inspects TLS, otherwise contact ${service} Support.`,
      }
    case 'tls-hostname':
      return {
        detail: `The certificate presented is not for ${hostname}${code}.`,
        fix: afterAddress(target, `a proxy is intercepting the connection with the wrong certificate: ask your network team to fix it or to exempt ${hostname}.`),
      }
    case 'tls-other':
      return {
        detail: `The secure connection to ${at(hostname)} failed${code}: ${failure.message}`,
        fix: `Ask your network team whether a proxy or firewall interferes with HTTPS to ${hostname}.`,
      }
    case 'reset':
      return {
        detail: `The connection to ${at(host)} was closed before a complete answer arrived${code}.`,
        fix: `${Again} again. If it keeps happening, a proxy or firewall is cutting the connection: ask your network team to allow HTTPS to ${hostname}.`,
      }
    case 'proxy':
      return { detail: `The proxy would not open a connection to ${at(host)}${code}: ${failure.message}`, fix: PROXY_SETTINGS_FIX }
    case 'headers-timeout':
      return {
        detail: `${at(host)} accepted the connection but did not answer in time${code}.`,
        fix: `${Again} again in a few minutes. If it keeps happening, check ${service}'s status page, and ask your network team whether a proxy holds the request.`,
      }
    case 'body-timeout':
      return {
        detail: `${answerFrom} started, then stopped arriving${code}.`,
        fix: `${Again} again in a few minutes. If it keeps happening, ask your network team whether a proxy or firewall stalls the connection.`,
      }
    case 'deadline':
      return {
        detail: `${answerFrom} took too long: ${failure.message}`,
        fix: `${Again} again in a few minutes. If it keeps happening and the answer never ends, ${PROXY_IN_THE_WAY} is in the way of ${hostname}: ask your network team.`,
      }
    case 'too-large':
      return {
        detail: `The answer from ${target.url.origin}${target.url.pathname} is far bigger than ${target.usualAnswer}: ${failure.message}`,
        fix: afterAddress(target, `${PROXY_IN_THE_WAY} may be in the way: ask your network team to let this computer reach ${hostname} directly.`),
      }
    case 'cancelled':
      return { detail: 'Cancelled before the answer arrived.', fix: `Run the ${again} again when you are ready.` }
    case 'other':
      return {
        detail: `The request to ${at(host)} failed${code}: ${failure.message}`,
        fix: `${Again} again; if it keeps failing, copy these details for ${service} Support.`,
      }
  }
}

/**
 * The service is busy (429) or broken (5xx): its trouble, not the admin's setup. `answered` is how the answer is
 * described in the detail ("429", or "HTTP 503, text/html, ..."), `said` what the service's own message adds.
 */
export function diagnoseServiceTrouble(response: HttpResponse, target: NetTarget, now: Date, answered: string, said = ''): Diagnosis | undefined {
  const { service, again } = target
  if (response.status === 429) {
    const wait = retryAfter(response.headers['retry-after'], now)
    return {
      detail: `${service} is limiting requests (${answered}) and ${wait ? `asks to wait ${wait}` : 'did not say how long to wait'}.${said}`,
      fix: `Wait ${wait ?? 'a minute'}, then ${again} again; the assistant does not retry on its own.`,
    }
  }
  if (response.status >= 500) {
    return {
      detail: `${service} could not answer (${answered}).${said}`,
      fix: `This is on ${service}'s side: ${again} again in a few minutes; if it persists, contact ${service} Support with the time of this ${again}.`,
    }
  }
  return undefined
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

/** The answer's media type, lower case, without parameters ('' when none was given). */
export function mediaType(response: HttpResponse): string {
  return (response.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
}

/** A web page (a proxy's sign-in page, a "not found" page) rather than the data asked for. */
export function looksLikeHtml(response: HttpResponse): boolean {
  const type = mediaType(response)
  return type === 'text/html' || type === 'application/xhtml+xml' || /^\s*<(!doctype\s+html|html|head|body)\b/i.test(response.body)
}
