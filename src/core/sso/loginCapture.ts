import { oneLine } from '../../shared/displayText'
import type { RedirectHop } from '../../shared/liveCheck'
import { listSome } from '../../shared/listSome'
import { UserFacingError } from '../userFacingError'
import type { ObservedAuthnRequest } from './loginCaptureHops'

/**
 * How core asks for a test login without knowing about windows: main implements it with a separate,
 * isolated Electron login window (src/main/ssoLoginWindow.ts).
 */
export interface LoginCapturePort {
  capture(request: LoginCaptureRequest): Promise<CapturedLogin>
}

export interface LoginCaptureRequest {
  /** The first page: the AuthnRequest URL (SP-initiated) or JumpCloud's IDP URL or user portal (IdP-initiated). */
  startUrl: string
  /** Dialpad's ACS URL, where JumpCloud posts the SAML response. */
  acsUrl: string
  /** The only hosts the window may navigate to, from loginAllowedHosts(). */
  allowedHosts: string[]
  /** Let the response go on to Dialpad after it was read, so the admin sees Dialpad's answer. */
  continueToDialpad: boolean
  signal: AbortSignal
  /** The window's title: what the admin does in it. A default tells them to sign in at JumpCloud as the test user. */
  windowTitle?: string
}

export interface CapturedLogin {
  /** The SAMLResponse form field exactly as JumpCloud posted it (base64). */
  samlResponse: string
  /** The RelayState form field, or null when JumpCloud sent none (an IdP-initiated login). */
  relayState: string | null
  /**
   * Where JumpCloud posted the response. Normally the ACS URL; another address on the Dialpad host
   * means the ACS URL in JumpCloud does not match Dialpad's.
   */
  postedTo: string
  /** Every place the login pages tried to open that the window refused (origins, in order, no repeats). */
  blockedNavigations: string[]
  /** The page loads up to the response, in order (host, method, SAML message kind; never a value). */
  hops: RedirectHop[]
  /**
   * The last AuthnRequest seen on its way to the IdP before the response (Dialpad's, when the login starts at Dialpad's
   * login page): the one a login started over in the window ends with.
   */
  authnRequest: ObservedAuthnRequest | null
}

export type LoginCaptureFailure = 'closed' | 'unreadable' | 'page-failed' | 'cancelled'

/**
 * Why a test login ended without a response to check; the message is written for the admin. The test login check
 * turns it into its capture step (ssoLoginCheck.ts), so it never crosses to the window as an error: `reason` is what
 * tells a cancel from a closed window.
 */
export class LoginCaptureError extends UserFacingError {
  override name = 'LoginCaptureError'
  constructor(
    readonly reason: LoginCaptureFailure,
    message: string,
  ) {
    super(message)
  }
}

/** The admin closed the login window before JumpCloud sent the response to Dialpad. */
export class LoginWindowClosedError extends LoginCaptureError {
  override name = 'LoginWindowClosedError'
  constructor(readonly blockedNavigations: readonly string[] = []) {
    super('closed', closedMessage(blockedNavigations))
  }
}

/** JumpCloud posted to Dialpad's ACS URL, but no SAML response could be read from what it posted. */
export class LoginResponseUnreadableError extends LoginCaptureError {
  override name = 'LoginResponseUnreadableError'
  constructor(message: string) {
    super('unreadable', message)
  }
}

/** A login page could not be loaded or stopped working, or the first address is not allowed. */
export class LoginPageFailedError extends LoginCaptureError {
  override name = 'LoginPageFailedError'
  constructor(message: string) {
    super('page-failed', message)
  }
}

/** The test was cancelled (its AbortSignal fired) before the response arrived. */
export class LoginCancelledError extends LoginCaptureError {
  override name = 'LoginCancelledError'
  constructor() {
    super('cancelled', 'The test login was cancelled before JumpCloud sent a response, so there is nothing to check. Start the test again when you are ready.')
  }
}

function closedMessage(blocked: readonly string[]): string {
  const base =
    'The login window was closed before JumpCloud sent the SAML response to Dialpad, so there is nothing to check. Run the test again and sign in at JumpCloud as the test user, then wait: the window closes by itself once the response arrives.'
  if (blocked.length === 0) return base
  // A hostile page can try thousands of addresses: the first few are named, the rest counted.
  return `${base} The login pages tried to open ${listSome(blocked, (origin) => oneLine(origin, 200))}, which the login window does not allow; if your JumpCloud sign-in goes through another provider (delegated authentication or an outside MFA service), test with a user who signs in with a JumpCloud password.`
}
