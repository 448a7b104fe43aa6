import { inflateRawSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { LiveCheckRunner } from '../../src/core/checks/liveCheckRunner'
import { type SsoLoginRequest, startSsoLoginCheck, userPortalUrl } from '../../src/core/sso/ssoLoginCheck'
import { type CapturedLogin, type LoginCaptureRequest, LoginWindowClosedError } from '../../src/core/sso/loginCapture'
import { ReplayGuard, validateSamlResponse } from '../../src/core/sso/response/validateSamlResponse'
import type { LiveCheckProgress } from '../../src/shared/liveCheck'
import { deriveSpValues } from '../../src/shared/spValues'
import { type TestIdp, makeTestIdp, signedResponse, toBase64 } from '../support/samlTestIdp'

const SP = deriveSpValues('example.com', 'production')
const IDP_SSO_URL = 'https://sso.jumpcloud.com/saml2/dialpad'
let idp: TestIdp

beforeAll(async () => {
  idp = await makeTestIdp()
})

function request(change: Partial<SsoLoginRequest> = {}): SsoLoginRequest {
  return {
    domain: 'example.com',
    otherEmailDomains: [],
    env: 'production',
    idpSsoUrl: IDP_SSO_URL,
    idpEntityId: idp.entityId,
    idpCertificate: idp.certificateBody,
    start: 'dialpad',
    continueToDialpad: false,
    ...change,
  }
}

/** Plays JumpCloud behind the login window: answers the AuthnRequest in the start URL (or none, from the portal). */
function jumpCloudWindow(answer: (asked: LoginCaptureRequest, requestId: string | null, relayState: string | null) => CapturedLogin | Error) {
  const asked: LoginCaptureRequest[] = []
  return {
    asked,
    port: {
      capture: async (req: LoginCaptureRequest) => {
        asked.push(req)
        const url = new URL(req.startUrl)
        const samlRequest = url.searchParams.get('SAMLRequest')
        const requestId = samlRequest ? /ID="([^"]+)"/.exec(inflateRawSync(Buffer.from(samlRequest, 'base64')).toString('utf8'))![1] : null
        const result = answer(req, requestId, url.searchParams.get('RelayState'))
        if (result instanceof Error) throw result
        return result
      },
    },
  }
}

function captured(requestId: string | null, relayState: string | null, postedTo = SP.acsUrl): CapturedLogin {
  const xml = signedResponse(idp, SP, { issuedAt: new Date(), inResponseTo: requestId })
  return { samlResponse: toBase64(xml), relayState, postedTo, blockedNavigations: [], hops: [], authnRequest: null }
}

async function finished(runner: LiveCheckRunner, runId: string): Promise<LiveCheckProgress> {
  for (;;) {
    const progress = runner.progress(runId)
    if (progress.done) return progress
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

function deps(port: { capture(req: LoginCaptureRequest): Promise<CapturedLogin> } | undefined, runner = new LiveCheckRunner()) {
  const replayGuard = new ReplayGuard()
  return {
    runner,
    loginCapture: port,
    validate: (samlResponse: string, expect: Parameters<typeof validateSamlResponse>[1]) =>
      validateSamlResponse({ text: samlResponse }, expect, { now: new Date(), replayGuard }),
  }
}

describe('Test SSO login', () => {
  it('starts at Dialpad with an AuthnRequest, checks the answer to it, and hands the response over once', async () => {
    const window = jumpCloudWindow((_asked, requestId, relayState) => captured(requestId, relayState))
    const d = deps(window.port)
    const { runId } = startSsoLoginCheck(request(), d)
    const progress = await finished(d.runner, runId)

    expect(window.asked[0].startUrl.startsWith(`${IDP_SSO_URL}?SAMLRequest=`)).toBe(true)
    expect(window.asked[0].allowedHosts).toEqual(expect.arrayContaining(['sso.jumpcloud.com', 'console.jumpcloud.com', 'dialpad.com']))
    expect(progress.run?.steps.filter((s) => s.status === 'fail')).toEqual([])
    expect(progress.run?.ok).toBe(true)
    expect(progress.run?.steps.map((s) => s.id).slice(0, 2)).toEqual(['login-captured', 'relay-state'])
    expect(progress.run?.steps.find((s) => s.id === 'in-response-to')?.status).toBe('pass')
    expect(progress.login?.summary?.nameId).toBe('jane.doe@example.com')
    expect(progress.login?.capturedResponse).toMatch(/^[A-Za-z0-9+/]+=*$/)
    // The response leaves main once; later reports only keep the summary.
    expect(d.runner.progress(runId).login).toEqual({ summary: progress.login?.summary, hops: [], capturedResponse: null })
  })

  it('starts at Dialpad’s login page, checks InResponseTo against the request Dialpad sent, and hands over the redirect chain', async () => {
    const hops = [
      { host: 'dialpad.com', method: 'GET', saml: null, binding: null, blocked: false },
      { host: 'sso.jumpcloud.com', method: 'GET', saml: 'SAMLRequest' as const, binding: 'HTTP-Redirect' as const, blocked: false },
      { host: 'dialpad.com', method: 'POST', saml: 'SAMLResponse' as const, binding: 'HTTP-POST' as const, blocked: false },
    ]
    const dialpadRequest = { id: '_dialpad-7', issuer: SP.spEntityId, relayState: 'dp-relay', host: 'sso.jumpcloud.com', binding: 'HTTP-Redirect' as const }
    const window = jumpCloudWindow(() => ({ ...captured('_dialpad-7', 'dp-relay'), hops, authnRequest: dialpadRequest }))
    const d = deps(window.port)
    const progress = await finished(d.runner, startSsoLoginCheck(request({ start: 'dialpad-login' }), d).runId)

    expect(window.asked[0].startUrl).toBe('https://dialpad.com/login')
    expect(window.asked[0].windowTitle).toContain('choose “Login with Another Provider”, enter example.com')
    expect(window.asked[0].allowedHosts).toEqual(['sso.jumpcloud.com', 'console.jumpcloud.com', 'dialpad.com'])
    expect(progress.run?.ok).toBe(true)
    expect(progress.run?.steps.map((s) => s.id).slice(0, 3)).toEqual(['login-captured', 'dialpad-request', 'relay-state'])
    expect(progress.run?.steps[1]).toMatchObject({ status: 'pass', decisive: false, detail: expect.stringContaining('Dialpad sent AuthnRequest _dialpad-7') })
    expect(progress.run?.steps.find((s) => s.id === 'in-response-to')).toMatchObject({ status: 'pass', detail: 'The response answers request _dialpad-7.' })
    expect(progress.login?.hops).toEqual(hops)
  })

  it('fails a response to another request than Dialpad’s, and only warns when no Dialpad request was seen', async () => {
    const dialpadRequest = { id: '_dialpad-8', issuer: SP.spEntityId, relayState: null, host: 'sso.jumpcloud.com', binding: 'HTTP-Redirect' as const }
    const other = jumpCloudWindow(() => ({ ...captured('_not-dialpads', null), authnRequest: dialpadRequest }))
    const d1 = deps(other.port)
    const mismatch = await finished(d1.runner, startSsoLoginCheck(request({ start: 'dialpad-login' }), d1).runId)
    expect(mismatch.run?.ok).toBe(false)
    expect(mismatch.run?.steps.find((s) => s.id === 'in-response-to')).toMatchObject({ status: 'fail', detail: expect.stringContaining('not this login’s request _dialpad-8') })

    const unseen = jumpCloudWindow(() => captured('_whatever', null))
    const d2 = deps(unseen.port)
    const progress = await finished(d2.runner, startSsoLoginCheck(request({ start: 'dialpad-login' }), d2).runId)
    expect(progress.run?.steps.find((s) => s.id === 'dialpad-request')).toMatchObject({ status: 'warn', detail: expect.stringContaining('No AuthnRequest from Dialpad was seen') })
    expect(progress.run?.steps.find((s) => s.id === 'in-response-to')?.status).toBe('skipped')
  })

  it('accepts an IdP-initiated login from the JumpCloud user portal (no InResponseTo, no RelayState)', async () => {
    const window = jumpCloudWindow(() => captured(null, null))
    const d = deps(window.port)
    const progress = await finished(d.runner, startSsoLoginCheck(request({ start: 'jumpcloud-portal' }), d).runId)

    expect(window.asked[0].startUrl).toBe('https://console.jumpcloud.com/userconsole')
    expect(progress.run?.ok).toBe(true)
    expect(progress.run?.steps.some((s) => s.id === 'relay-state')).toBe(false)
  })

  it('fails on an answer to another request: a response meant for an earlier login is not accepted', async () => {
    const window = jumpCloudWindow((_asked, _requestId, relayState) => captured('_an-earlier-request', relayState))
    const d = deps(window.port)
    const progress = await finished(d.runner, startSsoLoginCheck(request(), d).runId)
    expect(progress.run?.ok).toBe(false)
    expect(progress.run?.steps.find((s) => s.id === 'in-response-to')?.status).toBe('fail')
  })

  it('names the ACS URL to set when JumpCloud posted the response somewhere else on Dialpad', async () => {
    const wrongAcs = 'https://dialpad.com/saml/sso/custom/exampel.com'
    const window = jumpCloudWindow((_asked, requestId, relayState) => captured(requestId, relayState, wrongAcs))
    const d = deps(window.port)
    const progress = await finished(d.runner, startSsoLoginCheck(request(), d).runId)
    const step = progress.run?.steps[0]
    expect(step).toMatchObject({ id: 'login-captured', status: 'fail' })
    expect(step?.detail).toContain(wrongAcs)
    expect(step?.fix).toBe(`In JumpCloud’s SSO tab of the Dialpad app, set ACS URL to ${SP.acsUrl} and select Save.`)
  })

  it('reports a closed login window as one failed step, with nothing to validate', async () => {
    const window = jumpCloudWindow(() => new LoginWindowClosedError())
    const d = deps(window.port)
    const progress = await finished(d.runner, startSsoLoginCheck(request(), d).runId)
    expect(progress.run?.ok).toBe(false)
    expect(progress.run?.steps).toHaveLength(1)
    expect(progress.run?.steps[0].detail).toContain('The login window was closed before JumpCloud sent the SAML response')
    expect(progress.login).toBeNull()
  })

  it('explains that the login window needs the desktop app when there is none (browser preview, test bridge)', () => {
    expect(() => startSsoLoginCheck(request(), deps(undefined))).toThrow(/desktop app/)
  })

  it('finds JumpCloud’s user portal for the IdP’s region', () => {
    expect(userPortalUrl('https://sso.eu.jumpcloud.com/saml2/dialpad')).toBe('https://console.eu.jumpcloud.com/userconsole')
    expect(userPortalUrl('https://idp.example.net/sso')).toBe('https://idp.example.net/sso')
  })
})
