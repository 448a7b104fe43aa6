import { checkIdpSsoUrl } from '../../shared/idpValues'
import { isLoopbackHost } from '../net/loopback'
import { diagnoseNetFailure } from '../checks/netDiagnosis'
import { netTargets } from '../checks/netTargets'
import { failed, pass } from '../../shared/checkOutcome'
import { clockObservation } from './clockSkew'
import { describeAnswer } from './spMetadataReceived'
import { type ServiceCheckResult, type ServiceRequestOptions, sendServiceRequest } from './ssoServicesCheckStep'

export interface IdpReachabilityOptions extends ServiceRequestOptions {
  /** The IdP SSO URL as entered (JumpCloud's IDP URL); null or blank when not entered yet. */
  idpSsoUrl: string | null
}

/** The body is not needed, only proof that an HTTP answer arrived; a login page is a few KiB. */
const MAX_IDP_BODY_BYTES = 256 * 1024

const WHERE_IT_COMES_FROM = "JumpCloud's IDP URL (the Dialpad app > SSO tab)"
const WHERE_IT_GOES = "the assistant's IdP values and Dialpad's IdP SSO URL field (Admin Settings > My Company > Authentication > SAML)"
const CHECK_ADDRESS = `Check the IdP SSO URL is ${WHERE_IT_COMES_FROM}, in ${WHERE_IT_GOES}.`

/** Why the IdP step has nothing to do, or null when there is a URL to try. */
export function idpNotEntered(idpSsoUrl: string | null): string | null {
  if (idpSsoUrl !== null && idpSsoUrl.trim() !== '') return null
  return `Not run: the IdP SSO URL is not entered yet. Copy ${WHERE_IT_COMES_FROM} into the assistant's IdP values, then check again.`
}

/**
 * Check 2: the IdP SSO URL answers over a trusted TLS connection. Any HTTP answer counts (a redirect to a sign-in
 * page, a 400 for the missing SAMLRequest): what matters is that the browser will reach it. Redirects are not
 * followed. Call only when idpNotEntered() is null.
 */
export async function checkIdpReachable(options: IdpReachabilityOptions): Promise<ServiceCheckResult> {
  const text = (options.idpSsoUrl ?? '').trim()
  const noAnswer = { service: 'JumpCloud', reason: 'no-answer' } as const
  const url = usableUrl(text)
  if (!url.ok) return { outcome: failed({ detail: url.problem, fix: `Copy ${WHERE_IT_COMES_FROM} again into ${WHERE_IT_GOES}, then check again.` }), clock: noAnswer }

  const target = netTargets.jumpCloudSsoUrl(url.url, CHECK_ADDRESS)
  const answered = `JumpCloud (${url.url.host}) answered${url.url.protocol === 'https:' ? ' over a trusted TLS connection' : ''}`
  const sent = await sendServiceRequest(options, url.url, 'text/html, */*;q=0.5', MAX_IDP_BODY_BYTES)
  const receivedAt = options.now()
  if (!sent.ok) {
    // The answer had started (status known), so the TLS connection worked; only reading its body failed.
    if (sent.status !== undefined && sent.failure.kind !== 'cancelled') {
      return { outcome: pass(`${answered} (HTTP ${sent.status}; the rest of the answer did not arrive, and is not needed).`), clock: noAnswer }
    }
    return { outcome: failed(diagnoseNetFailure(sent.failure, target)), clock: noAnswer }
  }

  const { response } = sent
  const received = describeAnswer(response, url.url)
  const clock = clockObservation('JumpCloud', response.headers, receivedAt)
  if (response.status >= 500) {
    return {
      outcome: {
        status: 'warn',
        detail: `${answered}, but with a server error (${received}).`,
        fix: "Check again in a few minutes; if it persists and sign-ins fail, check JumpCloud's status page.",
      },
      clock,
    }
  }
  return { outcome: pass(`${answered} (${received}).`), clock }
}

type UsableUrl = { ok: true; url: URL } | { ok: false; problem: string }

/** The rules of the IdP values step, with the live checks' loopback exception for plain http://. */
function usableUrl(text: string): UsableUrl {
  const url = URL.parse(text)
  if (url && url.protocol === 'http:' && isLoopbackHost(url.hostname) && !/\s/.test(text)) return { ok: true, url }
  const verdict = checkIdpSsoUrl(text)
  if (verdict.error || !url) return { ok: false, problem: verdict.error ?? 'The IdP SSO URL is not a complete web address.' }
  return { ok: true, url }
}
