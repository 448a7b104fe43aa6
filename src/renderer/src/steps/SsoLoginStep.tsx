import { Suspense, lazy, useState } from 'react'
import type { LoginStart } from '../../../shared/contract'
import { parseDomain } from '../../../shared/domain'
import type { EnvironmentId } from '../../../shared/environments'
import { checkIdpEntityId, checkIdpSsoUrl } from '../../../shared/idpValues'
import { ASSERTION_CLOCK_SKEW_MS } from '../../../shared/limits'
import { SKIP_LOGIN_CHECK } from '../../../shared/wizard/checklists'
import { Checklist } from '../components/Checklist'
import { LiveCheckPanel } from '../components/LiveCheckPanel'
import { RedirectChain } from '../components/RedirectChain'
import { saveTextFile } from '../files/saveTextFile'
import { liveRunOf } from '../store/liveRunSlice'
import { useWizard } from '../store/wizardStore'

// The SAML response decoder and paste mode load with this step, not with the window (see App.tsx).
const ResponsePasteSection = lazy(async () => ({ default: (await import('../components/ResponsePasteSection')).ResponsePasteSection }))
const SamlResponseTable = lazy(async () => ({ default: (await import('../components/SamlResponseTable')).SamlResponseTable }))

interface LoginExpectations {
  domain: string
  otherEmailDomains: string[]
  env: EnvironmentId
  idpEntityId: string | null
  idpCertificate: string
  idpSsoUrl: string | null
}

const DOMAIN_FIRST = 'Enter your company domain in “Enable SAML in Dialpad” first.'

/** What both the test login and paste mode compare a response with, or the first thing still missing. */
function useLoginExpectations(): LoginExpectations | { blocked: string } {
  const domainInput = useWizard((s) => s.domainInput)
  const otherEmailDomains = useWizard((s) => s.otherEmailDomains)
  const env = useWizard((s) => s.env)
  const idp = useWizard((s) => s.idp)
  const domain = parseDomain(domainInput)
  const entityId = checkIdpEntityId(idp.entityIdInput)
  const ssoUrl = checkIdpSsoUrl(idp.ssoUrlInput)
  if (!domain.ok) return { blocked: DOMAIN_FIRST }
  if (idp.certificate === null) {
    return { blocked: 'Import JumpCloud’s certificate in “Bring the IdP values back from JumpCloud” first: responses are checked against it.' }
  }
  return {
    domain: domain.domain,
    otherEmailDomains,
    env,
    idpEntityId: entityId.error === null ? entityId.value : null,
    idpCertificate: idp.certificate,
    idpSsoUrl: ssoUrl.error === null ? ssoUrl.value : null,
  }
}

export function SsoLoginStep() {
  const expectations = useLoginExpectations()
  const sso = useWizard((s) => s.sso)
  const extraCaPem = useWizard((s) => s.scim.extraCa?.pem ?? null)
  const domainInput = useWizard((s) => s.domainInput)
  const env = useWizard((s) => s.env)
  const ssoUrlInput = useWizard((s) => s.idp.ssoUrlInput)
  const forgetCapturedResponse = useWizard((s) => s.forgetCapturedResponse)
  const [start, setStart] = useState<LoginStart>('dialpad-login')
  const [continueToDialpad, setContinueToDialpad] = useState(false)
  // What the last test login decoded (and the response itself, until saved): kept by the store with the run.
  const login = useWizard((s) => {
    const run = liveRunOf(s, 'sso-login')
    return run.state === 'done' || run.state === 'cancelled' ? run.progress.login : null
  })
  const domainForStart = 'blocked' in expectations ? 'your company domain' : expectations.domain

  // Checking the services needs only the domain (the IdP SSO URL when there is a valid one), not the certificate.
  const domain = parseDomain(domainInput)
  const ssoUrl = checkIdpSsoUrl(ssoUrlInput)
  const servicesStart = !domain.ok
    ? { blocked: DOMAIN_FIRST }
    : ({ method: 'sso.checkServices', input: { domain: domain.domain, env, idpSsoUrl: ssoUrl.error === null ? ssoUrl.value : null, extraCaPem } } as const)

  const loginStart =
    'blocked' in expectations
      ? expectations
      : expectations.idpSsoUrl === null
        ? { blocked: 'Enter a valid IdP SSO URL in “Bring the IdP values back from JumpCloud” first: the test login starts there.' }
        : ({
            method: 'sso.startLogin',
            input: { ...expectations, idpSsoUrl: expectations.idpSsoUrl, start, continueToDialpad },
          } as const)

  return (
    <>
      <p>
        Prove the setup with a real login, and learn exactly what is wrong if it fails. The assistant checks the answer
        JumpCloud sends Dialpad with the checks SAML 2.0 asks of every service provider: signature with your certificate, issuer, audience, addresses, time
        window (allowing {ASSERTION_CLOCK_SKEW_MS / 60_000} minutes of clock difference) and the user’s email.
      </p>
      <LiveCheckPanel
        kind="sso-services"
        title="Check Dialpad and JumpCloud"
        buttonLabel="Check both services"
        emphasis="secondary"
        start={servicesStart}
        lastRun={sso.lastServicesCheck}
      />
      <LiveCheckPanel
        kind="sso-login"
        source="login-window"
        title="Test SSO login"
        buttonLabel="Test SSO login"
        start={loginStart}
        lastRun={sso.lastLoginCheck?.source === 'login-window' ? sso.lastLoginCheck.run : null}
      >
        <p>
          A separate window opens (desktop app only). Sign in there as the <strong>test user</strong>, not as an admin.
          It keeps no cookies and closes once JumpCloud sends its answer.
        </p>
        <label>
          <input type="radio" name="login-start" checked={start === 'dialpad-login'} onChange={() => setStart('dialpad-login')} /> Start at
          Dialpad&apos;s login page, as your users will: choose “Login with Another Provider”, enter {domainForStart}, and sign in
          at JumpCloud. The check follows Dialpad&apos;s redirect and matches the response to the request Dialpad sent.
        </label>
        <label>
          <input type="radio" name="login-start" checked={start === 'dialpad'} onChange={() => setStart('dialpad')} /> Fallback:
          the app builds its own request for Dialpad's SP Entity ID and ACS URL and sends it straight to JumpCloud (Dialpad&apos;s login page is not used)
        </label>
        <label>
          <input type="radio" name="login-start" checked={start === 'jumpcloud-portal'} onChange={() => setStart('jumpcloud-portal')} />{' '}
          Start at the JumpCloud user portal and click the Dialpad app (IdP-initiated)
        </label>
        <label>
          <input type="checkbox" checked={continueToDialpad} onChange={(event) => setContinueToDialpad(event.target.checked)} /> After
          the check, let the login continue to Dialpad to see Dialpad accept it
        </label>
      </LiveCheckPanel>
      {login?.capturedResponse ? (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              saveTextFile(`saml-response-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`, login.capturedResponse ?? '')
              forgetCapturedResponse('sso-login')
            }}
          >
            Save the captured response to a file
          </button>{' '}
          <span className="hint">It is not kept otherwise. It lets anyone replay this login for a few minutes: store it safely.</span>
        </p>
      ) : null}
      {login ? <RedirectChain hops={login.hops} /> : null}
      <Suspense fallback={null}>
        {login?.summary ? <SamlResponseTable summary={login.summary} /> : null}
        <ResponsePasteSection
          expectations={
            'blocked' in expectations
              ? expectations
              : {
                  domain: expectations.domain,
                  otherEmailDomains: expectations.otherEmailDomains,
                  env: expectations.env,
                  idpEntityId: expectations.idpEntityId,
                  idpCertificate: expectations.idpCertificate,
                }
          }
          lastRun={sso.lastLoginCheck?.source === 'pasted' ? sso.lastLoginCheck.run : null}
        />
      </Suspense>
      <Checklist section={SKIP_LOGIN_CHECK} />
    </>
  )
}
