import type { CheckRun, CheckStep } from '../../shared/checkRun'
import { checkRunFrom } from '../../shared/checkRun'
import type { LoginStart } from '../../shared/contract'
import type { EnvironmentId } from '../../shared/environments'
import type { SsoResponseCheck } from '../../shared/ssoResponse'
import { deriveSpValues } from '../../shared/spValues'
import { buildAuthnRequest } from '../sso/authnRequest'
import { type CapturedLogin, LoginCaptureError, type LoginCapturePort } from '../sso/loginCapture'
import type { ObservedAuthnRequest } from '../sso/loginCaptureHops'
import { clip } from '../sso/response/consoles'
import { dialpadLoginUrl } from '../../shared/environments'
import { listSome } from '../../shared/listSome'
import { jumpCloudSignInHosts, loginAllowedHosts } from '../sso/loginCaptureHosts'
import type { SsoResponseExpectations } from '../sso/response/expectations'
import { UserFacingError } from '../userFacingError'
import type { LiveCheckRunner } from './liveCheckRunner'
import { redactThenShorten } from '../secrets/redact'

export interface SsoLoginRequest {
  domain: string
  otherEmailDomains: readonly string[]
  env: EnvironmentId
  idpSsoUrl: string
  idpEntityId: string | null
  idpCertificate: string
  start: LoginStart
  continueToDialpad: boolean
}

/** Validates a captured response against the setup (the SAML library does the cryptography). */
export type ResponseValidator = (samlResponse: string, expect: SsoResponseExpectations) => Promise<SsoResponseCheck>

export interface SsoLoginDeps {
  runner: LiveCheckRunner
  /** The desktop app's login window; absent in the browser preview and the test bridge. */
  loginCapture: LoginCapturePort | undefined
  validate: ResponseValidator
  now?: () => Date
}

const CAPTURE_STEP = { id: 'login-captured', title: 'The test user signed in and JumpCloud answered Dialpad', decisive: true } as const
const DIALPAD_REQUEST_STEP = { id: 'dialpad-request', title: 'Dialpad sent JumpCloud an AuthnRequest', decisive: false } as const

/** The login window's title for each start: what the admin does in it. */
function windowTitle(start: LoginStart, domain: string): string | undefined {
  if (start !== 'dialpad-login') return undefined
  return `Test SSO login: choose “Login with Another Provider”, enter ${domain}, then sign in at JumpCloud as the test user (Dialpad SSO Assistant)`
}

/**
 * "Test SSO login": opens the login window at Dialpad's login page (the admin chooses "Login with Another Provider"
 * and Dialpad sends its own AuthnRequest to JumpCloud, as users do), with an AuthnRequest the app builds (the
 * fallback), or at JumpCloud's user portal; waits for the SAML response JumpCloud posts to Dialpad, and checks it with
 * the SAML 2.0 service-provider checks, against the request that was really sent.
 */
export function startSsoLoginCheck(request: SsoLoginRequest, deps: SsoLoginDeps): { runId: string } {
  if (!deps.loginCapture) {
    throw new UserFacingError(
      'The test login window is part of the desktop app and is not available here. Capture the SAML response in a browser and check it with “Check a SAML response from a browser” below.',
    )
  }
  const capture = deps.loginCapture
  const now = deps.now ?? (() => new Date())
  const sp = deriveSpValues(request.domain, request.env)
  const authn = request.start === 'dialpad' ? buildAuthnRequest({ spEntityId: sp.spEntityId, acsUrl: sp.acsUrl, idpSsoUrl: request.idpSsoUrl, now: now() }) : null
  const startUrl = request.start === 'dialpad-login' ? dialpadLoginUrl(request.env) : authn ? authn.url : userPortalUrl(request.idpSsoUrl)
  // Dialpad's login page is on the host of the ACS URL, so the same hosts serve all three starts.
  const allowedHosts = loginAllowedHosts({ idpSsoUrl: request.idpSsoUrl, acsUrl: sp.acsUrl })

  return deps.runner.start('sso-login', async (signal, onProgress, attachLogin) => {
    const checkedAt = now()
    const started = Date.now()
    onProgress({ ...CAPTURE_STEP, status: 'skipped', durationMs: null, detail: 'Waiting for the test user to sign in in the login window…' }, 'started')
    let captured: CapturedLogin
    try {
      captured = await capture.capture({
        startUrl,
        acsUrl: sp.acsUrl,
        allowedHosts,
        continueToDialpad: request.continueToDialpad,
        signal,
        windowTitle: windowTitle(request.start, request.domain),
      })
    } catch (error) {
      if (!(error instanceof LoginCaptureError)) throw error
      const step: CheckStep = { ...CAPTURE_STEP, status: 'fail', durationMs: Date.now() - started, detail: error.message, fix: captureFix(error) }
      onProgress(step, 'finished')
      return checkRunFrom([step], checkedAt)
    }
    // The request the response must answer: starting at Dialpad's login page, the one Dialpad sent (seen on its way to
    // JumpCloud); else the app's own, or none from JumpCloud's user portal.
    const sent = request.start === 'dialpad-login' ? captured.authnRequest : authn
    const captureSteps = judgeCapture(captured, sp.acsUrl, sent?.relayState ?? null, Date.now() - started)
    if (request.start === 'dialpad-login') captureSteps.splice(1, 0, judgeDialpadRequest(captured.authnRequest, sp.spEntityId))
    for (const step of captureSteps) onProgress(step, 'finished')

    const expect: SsoResponseExpectations = {
      spEntityId: sp.spEntityId,
      acsUrl: sp.acsUrl,
      companyDomain: request.domain,
      otherEmailDomains: request.otherEmailDomains,
      idpEntityId: request.idpEntityId,
      idpCertificate: request.idpCertificate,
      requestId: sent?.id ?? null,
    }
    const result = await deps.validate(captured.samlResponse, expect)
    attachLogin({ summary: result.summary, hops: captured.hops, capturedResponse: captured.samlResponse })
    return withCaptureSteps(captureSteps, result.run, checkedAt)
  })
}

/** JumpCloud's user portal for the region of its SSO host; other IdPs start an IdP-initiated login at their SSO URL. */
export function userPortalUrl(idpSsoUrl: string): string {
  const host = URL.parse(idpSsoUrl.trim())?.hostname ?? ''
  const console = jumpCloudSignInHosts(host).find((h) => h.startsWith('console.'))
  return console ? `https://${console}/userconsole` : idpSsoUrl.trim()
}

function captureFix(error: LoginCaptureError): string {
  switch (error.reason) {
    case 'closed':
    case 'cancelled':
      return 'Run “Test SSO login” again and sign in as the test user; the window closes by itself.'
    case 'unreadable':
      return 'Check that the ACS URL in JumpCloud’s SSO tab is exactly the one the assistant shows, then test again.'
    case 'page-failed':
      return 'Check the IdP SSO URL and this computer’s connection (proxy, firewall), then test again.'
  }
}

function judgeCapture(captured: CapturedLogin, acsUrl: string, sentRelayState: string | null, durationMs: number): CheckStep[] {
  const steps: CheckStep[] = []
  const postedElsewhere = captured.postedTo.split(/[?#]/)[0] !== acsUrl
  steps.push(
    postedElsewhere
      ? {
          ...CAPTURE_STEP,
          status: 'fail',
          durationMs,
          detail: `JumpCloud posted the SAML response to ${redactThenShorten(captured.postedTo.split(/[?#]/)[0], 300)}, not to Dialpad’s ACS URL ${acsUrl}.`,
          fix: `In JumpCloud’s SSO tab of the Dialpad app, set ACS URL to ${acsUrl} and select Save.`,
        }
      : { ...CAPTURE_STEP, status: 'pass', durationMs, detail: `JumpCloud posted a SAML response to Dialpad’s ACS URL (${acsUrl}).` },
  )
  if (sentRelayState !== null) {
    steps.push(
      captured.relayState === sentRelayState
        ? { id: 'relay-state', title: 'JumpCloud returned the RelayState', decisive: false, status: 'pass', durationMs: null, detail: 'The RelayState came back unchanged, so this answer belongs to this login.' }
        : {
            id: 'relay-state',
            title: 'JumpCloud returned the RelayState',
            decisive: false,
            status: 'warn',
            durationMs: null,
            detail:
              captured.relayState === null
                ? 'JumpCloud sent no RelayState back. Dialpad uses it to continue where the user started.'
                : 'The RelayState that came back is not the one sent, so the answer may belong to another login.',
            fix: 'Test again; if it stays this way, compare the Dialpad app in JumpCloud with a newly added one.',
          },
    )
  }
  if (captured.blockedNavigations.length > 0) {
    steps.push({
      id: 'blocked-navigation',
      title: 'The login stayed on JumpCloud and Dialpad',
      decisive: false,
      status: 'warn',
      durationMs: null,
      detail: `The login pages tried to open ${listSome(captured.blockedNavigations, (url) => redactThenShorten(url, 200))}, which the login window does not allow.`,
      fix: 'If the test user signs in through another provider, that part was not tested here: test a real login in a browser too.',
    })
  }
  return steps
}

/** Informational: what Dialpad's login page sends is not documented, so not seeing a request only warns. */
function judgeDialpadRequest(observed: ObservedAuthnRequest | null, spEntityId: string): CheckStep {
  if (!observed) {
    return {
      ...DIALPAD_REQUEST_STEP,
      status: 'warn',
      durationMs: null,
      detail: 'No AuthnRequest from Dialpad was seen on its way to JumpCloud, so the response could not be matched to the request (InResponseTo).',
      fix: 'Run the test again and choose “Login with Another Provider” on Dialpad’s login page; if Dialpad sends users to JumpCloud another way, use the app-built request instead.',
    }
  }
  // Both come from Dialpad's request as the window saw it: clipped and printable.
  const id = clip(observed.id, 120)
  const issuer = observed.issuer === null ? '' : ` from ${clip(observed.issuer)}`
  if (observed.issuer !== null && observed.issuer !== spEntityId) {
    return {
      ...DIALPAD_REQUEST_STEP,
      status: 'warn',
      durationMs: null,
      detail: `Dialpad sent AuthnRequest ${id}${issuer} to ${observed.host} (${observed.binding}), but its Issuer is not the SP Entity ID the assistant shows (${spEntityId}).`,
      fix: 'Check the company domain on “Enable SAML in Dialpad” is the one you entered on Dialpad’s login page.',
    }
  }
  return {
    ...DIALPAD_REQUEST_STEP,
    status: 'pass',
    durationMs: null,
    detail: `Dialpad sent AuthnRequest ${id}${issuer} to ${observed.host} (${observed.binding}); the response must answer it.`,
  }
}

function withCaptureSteps(captureSteps: CheckStep[], validation: CheckRun, checkedAt: Date): CheckRun {
  return checkRunFrom([...captureSteps, ...validation.steps], checkedAt)
}
