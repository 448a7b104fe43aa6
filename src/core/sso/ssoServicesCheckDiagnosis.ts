import { type NetFailure, PROXY_SETTINGS_FIX } from '../net/netFailure'
import type { Diagnosis } from '../scim/diagnose'
import type { ClockService } from './clockSkew'

/** The service a request of the SSO services check went to, and how to correct its address if that may be wrong. */
export interface SsoTarget {
  service: ClockService
  url: URL
  /**
   * Sentence telling the admin where the address comes from and how to correct it ("Check the IdP SSO URL..."),
   * when the admin chose the address; absent when the assistant derived it (Dialpad's own host).
   */
  checkAddress?: string
}

/** "<check the address>. If it is right, <then>", or just "<Then>" when the address is not the admin's. */
function afterAddress(target: SsoTarget, then: string): string {
  return target.checkAddress ? `${target.checkAddress} If it is right, ${then}` : `${then[0].toUpperCase()}${then.slice(1)}`
}

const PROXY_ENV = 'on a company network ask IT whether a proxy must be set (HTTPS_PROXY)'

/** Maps a failure below HTTP (DNS, TCP, TLS, timeouts, size, cancel) to words naming the service, and a next step. */
export function diagnoseSsoNetFailure(failure: NetFailure, target: SsoTarget): Diagnosis {
  const { service } = target
  const { hostname, host } = target.url
  const code = failure.code ? ` (${failure.code})` : ''
  switch (failure.kind) {
    case 'blocked-url':
      return { detail: `${service} was not contacted: ${failure.message}`, fix: target.checkAddress ?? 'Use an https:// address.' }
    case 'dns':
      return {
        detail: `${service}'s server name ${hostname} could not be found${code}.`,
        fix: afterAddress(target, `check this computer is online, and ${PROXY_ENV}.`),
      }
    case 'refused':
      return {
        detail: `${failure.peer ?? host} refused the connection to ${service}${code}.`,
        fix: afterAddress(target, `a firewall or proxy setting blocks the connection: ask your network team to allow HTTPS to ${hostname}.`),
      }
    case 'unreachable':
      return { detail: `${service} (${host}) cannot be reached from this computer${code}.`, fix: `Check this computer is online; ${PROXY_ENV}.` }
    case 'connect-timeout':
      return {
        detail: `Nothing answered when connecting to ${service} (${host})${code}: the connection could not be set up in time.`,
        fix: `A firewall may be silently dropping the connection: ask your network team to allow HTTPS to ${hostname}, or which proxy to set (HTTPS_PROXY).`,
      }
    case 'tls-untrusted':
      return {
        detail: `The certificate presented for ${hostname} is not trusted by this computer${code}, so ${service}'s answer could not be trusted. On company networks this usually means TLS inspection: a proxy re-signs secure traffic with the company's own certificate authority.`,
        fix: 'Ask IT for the company\'s root CA certificate (a .pem file), choose it with the "Corporate CA certificate" option, then check again.',
      }
    case 'tls-expired':
      return {
        detail: `The certificate presented for ${hostname} has expired or is not valid yet${code}.`,
        fix: `Check this computer's date and time. If they are right, ask your network team whether a proxy inspects TLS; otherwise tell ${service} Support.`,
      }
    case 'tls-hostname':
      return {
        detail: `The certificate presented is not for ${hostname}${code}.`,
        fix: afterAddress(target, `a proxy is intercepting the connection with the wrong certificate: ask your network team to fix it or to exempt ${hostname}.`),
      }
    case 'tls-other':
      return {
        detail: `The secure connection to ${service} (${hostname}) failed${code}: ${failure.message}`,
        fix: `Ask your network team whether a proxy or firewall interferes with HTTPS to ${hostname}.`,
      }
    case 'reset':
      return {
        detail: `The connection to ${service} (${host}) was closed before a complete answer arrived${code}.`,
        fix: `Check again. If it keeps happening, a proxy or firewall is cutting the connection: ask your network team to allow HTTPS to ${hostname}.`,
      }
    case 'proxy':
      return {
        detail: `The proxy would not open a connection to ${service} (${host})${code}: ${failure.message}`,
        fix: PROXY_SETTINGS_FIX,
      }
    case 'headers-timeout':
      return {
        detail: `${service} (${host}) accepted the connection but did not answer in time${code}.`,
        fix: `Check again in a few minutes. If it keeps happening, check ${service}'s status page, and ask your network team whether a proxy holds the request.`,
      }
    case 'body-timeout':
      return {
        detail: `${service}'s answer from ${host} started, then stopped arriving${code}.`,
        fix: 'Check again in a few minutes. If it keeps happening, ask your network team whether a proxy or firewall stalls the connection.',
      }
    case 'deadline':
      return {
        detail: `${service}'s answer from ${host} took too long: ${failure.message}`,
        fix: `Check again in a few minutes. If it keeps happening, ask your network team whether a proxy or sign-in page is in the way of ${hostname}.`,
      }
    case 'too-large':
      return {
        detail: `The answer from ${target.url.origin}${target.url.pathname} is far bigger than expected: ${failure.message}`,
        fix: afterAddress(target, `a proxy or sign-in page may be in the way: ask your network team to let this computer reach ${hostname} directly.`),
      }
    case 'cancelled':
      return { detail: 'Cancelled before the answer arrived.', fix: 'Run the check again when you are ready.' }
    case 'other':
      return {
        detail: `The request to ${service} (${host}) failed${code}: ${failure.message}`,
        fix: `Check again; if it keeps failing, copy these details for ${service} Support.`,
      }
  }
}
