import { checkRunFrom, type CheckRun, type CheckStep } from '../../shared/checkRun'
import type { LoginStart } from '../../shared/contract'
import type { EnvironmentId } from '../../shared/environments'
import type { SsoResponseCheck } from '../../shared/ssoResponse'
import { deriveSpValues } from '../../shared/spValues'
import { fail, pass, warn, type StepOutcome } from '../../shared/checkOutcome'
import { finishedStep, runStep, type StepContext } from '../checks/stepRunner'
import { buildAuthnRequest } from './authnRequest'
import { type CapturedLogin, LoginCaptureError, type LoginCapturePort } from './loginCapture'
import type { ObservedAuthnRequest } from './loginCaptureHops'
import { clip } from './response/consoles'
import { dialpadLoginUrl } from '../../shared/environments'
import { listSome } from '../../shared/listSome'
import { jumpCloudSignInHosts, loginAllowedHosts } from './loginCaptureHosts'
import type { SsoResponseExpectations } from './response/expectations'
import { UserFacingError } from '../userFacingError'
import type { LiveCheckStarter } from '../checks/liveCheckRunner'
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
  runner: LiveCheckStarter
  /** The desktop app's login window; absent in the browser preview and the test bridge. */
  loginCapture: LoginCapturePort | undefined
  validate: ResponseValidator
  now?: () => Date
}

const CAPTURE_STEP = { id: 'login-captured', title: 'The test user signed in and JumpCloud answered Dialpad', decisive: true } as const
const DIALPAD_REQUEST_STEP = { id: 'dialpad-request', title: 'Dialpad sent JumpCloud an AuthnRequest', decisive: false } as const
const RELAY_STATE_STEP = { id: 'relay-state', title: 'JumpCloud returned the RelayState', decisive: false } as const
const BLOCKED_NAVIGATION_STEP = { id: 'blocked-navigation', title: 'The login stayed on JumpCloud and Dialpad', decisive: false } as const

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
    const ctx: StepContext = { token: '', onProgress }
    // Set by the capture step's work; TypeScript cannot see the assignment inside the closure, hence the cast.
    let captured = null as CapturedLogin | null
    const captureStep = await runStep(
      ctx,
      CAPTURE_STEP,
      async () => {
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
          return fail(error.message, captureFix(error))
        }
        return judgePostedTo(captured, sp.acsUrl)
      },
      { runningDetail: 'Waiting for the test user to sign in in the login window…' },
    )
    if (captured === null) return checkRunFrom([captureStep], checkedAt)
    const login: CapturedLogin = captured
    // The request the response must answer: starting at Dialpad's login page, the one Dialpad sent (seen on its way to
    // JumpCloud); else the app's own, or none from JumpCloud's user portal.
    const sent = request.start === 'dialpad-login' ? login.authnRequest : authn
    const captureSteps = [
      captureStep,
      ...(request.start === 'dialpad-login' ? [finishedStep(ctx, DIALPAD_REQUEST_STEP, judgeDialpadRequest(login.authnRequest, sp.spEntityId))] : []),
      ...judgeCapture(ctx, login, sent?.relayState ?? null),
    ]

    const expect: SsoResponseExpectations = {
      spEntityId: sp.spEntityId,
      acsUrl: sp.acsUrl,
      companyDomain: request.domain,
      otherEmailDomains: request.otherEmailDomains,
      idpEntityId: request.idpEntityId,
      idpCertificate: request.idpCertificate,
      requestId: sent?.id ?? null,
    }
    const result = await deps.validate(login.samlResponse, expect)
    attachLogin({ summary: result.summary, hops: login.hops, capturedResponse: login.samlResponse })
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

/** Where JumpCloud posted the response: Dialpad's ACS URL, or somewhere the admin must correct in JumpCloud. */
function judgePostedTo(captured: CapturedLogin, acsUrl: string): StepOutcome {
  const postedTo = captured.postedTo.split(/[?#]/)[0]
  if (postedTo === acsUrl) return pass(`JumpCloud posted a SAML response to Dialpad’s ACS URL (${acsUrl}).`)
  return fail(
    `JumpCloud posted the SAML response to ${redactThenShorten(postedTo, 300)}, not to Dialpad’s ACS URL ${acsUrl}.`,
    `In JumpCloud’s SSO tab of the Dialpad app, set ACS URL to ${acsUrl} and select Save.`,
  )
}

/** What else the login window saw: the RelayState coming back, and pages it refused to open. */
function judgeCapture(ctx: StepContext, captured: CapturedLogin, sentRelayState: string | null): CheckStep[] {
  const steps: CheckStep[] = []
  if (sentRelayState !== null) {
    steps.push(
      finishedStep(
        ctx,
        RELAY_STATE_STEP,
        captured.relayState === sentRelayState
          ? pass('The RelayState came back unchanged, so this answer belongs to this login.')
          : warn(
              captured.relayState === null
                ? 'JumpCloud sent no RelayState back. Dialpad uses it to continue where the user started.'
                : 'The RelayState that came back is not the one sent, so the answer may belong to another login.',
              'Test again; if it stays this way, compare the Dialpad app in JumpCloud with a newly added one.',
            ),
      ),
    )
  }
  if (captured.blockedNavigations.length > 0) {
    steps.push(
      finishedStep(
        ctx,
        BLOCKED_NAVIGATION_STEP,
        warn(
          `The login pages tried to open ${listSome(captured.blockedNavigations, (url) => redactThenShorten(url, 200))}, which the login window does not allow.`,
          'If the test user signs in through another provider, that part was not tested here: test a real login in a browser too.',
        ),
      ),
    )
  }
  return steps
}

/** Informational: what Dialpad's login page sends is not documented, so not seeing a request only warns. */
function judgeDialpadRequest(observed: ObservedAuthnRequest | null, spEntityId: string): StepOutcome {
  if (!observed) {
    return warn(
      'No AuthnRequest from Dialpad was seen on its way to JumpCloud, so the response could not be matched to the request (InResponseTo).',
      'Run the test again and choose “Login with Another Provider” on Dialpad’s login page; if Dialpad sends users to JumpCloud another way, use the app-built request instead.',
    )
  }
  // Both come from Dialpad's request as the window saw it: clipped and printable.
  const id = clip(observed.id, 120)
  const issuer = observed.issuer === null ? '' : ` from ${clip(observed.issuer)}`
  if (observed.issuer !== null && observed.issuer !== spEntityId) {
    return warn(
      `Dialpad sent AuthnRequest ${id}${issuer} to ${observed.host} (${observed.binding}), but its Issuer is not the SP Entity ID the assistant shows (${spEntityId}).`,
      'Check the company domain on “Enable SAML in Dialpad” is the one you entered on Dialpad’s login page.',
    )
  }
  return pass(`Dialpad sent AuthnRequest ${id}${issuer} to ${observed.host} (${observed.binding}); the response must answer it.`)
}

function withCaptureSteps(captureSteps: CheckStep[], validation: CheckRun, checkedAt: Date): CheckRun {
  return checkRunFrom([...captureSteps, ...validation.steps], checkedAt)
}
