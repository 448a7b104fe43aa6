import { describe, expect, it } from 'vitest'
import { classifyDialpadRequest, frameRequestFilter, isAcsUrl } from '../../src/core/sso/loginCaptureAcs'
import { deriveSpValues } from '../../src/shared/spValues'

const { acsUrl: ACS_URL, spEntityId } = deriveSpValues('example.com', 'production')
const SAML_RESPONSE = Buffer.from('<samlp:Response/>').toString('base64')

function post(url: string, fields: Record<string, string>): { method: string; url: string; uploadData: Array<{ bytes: Buffer }> } {
  return { method: 'POST', url, uploadData: [{ bytes: Buffer.from(new URLSearchParams(fields).toString()) }] }
}

describe('frameRequestFilter', () => {
  it('sees page and frame loads over https (each is a hop of the redirect chain), nothing else', () => {
    expect(frameRequestFilter()).toEqual({ urls: ['https://*/*'], types: ['mainFrame', 'subFrame'] })
  })
})

describe('isAcsUrl', () => {
  it.each([ACS_URL, `${ACS_URL}?x=1`, `${ACS_URL}#top`, 'https://DIALPAD.com:443/saml/sso/custom/example.com'])('matches %s', (url) => {
    expect(isAcsUrl(url, ACS_URL)).toBe(true)
  })

  it.each([
    'http://dialpad.com/saml/sso/custom/example.com',
    'https://sandbox.dialpad.com/saml/sso/custom/example.com',
    'https://dialpad.com/saml/sso/custom/example.org',
    `${ACS_URL}/`,
    'https://dialpad.com/saml/sso/custom/EXAMPLE.com',
    'not a url',
  ])('does not match %s', (url) => {
    expect(isAcsUrl(url, ACS_URL)).toBe(false)
  })
})

describe('classifyDialpadRequest', () => {
  it('captures the response and RelayState posted to the ACS URL', () => {
    expect(classifyDialpadRequest(post(ACS_URL, { SAMLResponse: SAML_RESPONSE, RelayState: 'r1' }), ACS_URL)).toEqual({
      action: 'capture',
      samlResponse: SAML_RESPONSE,
      relayState: 'r1',
      postedTo: ACS_URL,
    })
  })

  it('captures a response posted elsewhere on the Dialpad host, saying where (a wrong ACS URL in JumpCloud)', () => {
    expect(classifyDialpadRequest(post(spEntityId, { SAMLResponse: SAML_RESPONSE }), ACS_URL)).toMatchObject({ action: 'capture', postedTo: spEntityId })
  })

  it('lets a GET to the ACS URL go on: responses only arrive by POST', () => {
    expect(classifyDialpadRequest({ method: 'GET', url: `${ACS_URL}?SAMLResponse=${SAML_RESPONSE}`, uploadData: [] }, ACS_URL)).toEqual({ action: 'ignore' })
  })

  it('lets other Dialpad posts without a response go on', () => {
    expect(classifyDialpadRequest(post('https://dialpad.com/login', { email: 'a@example.com' }), ACS_URL)).toEqual({ action: 'ignore' })
  })

  it('reports a POST to the ACS URL without a SAMLResponse as unreadable, with the fix in JumpCloud', () => {
    const decision = classifyDialpadRequest(post(ACS_URL, { RelayState: 'r1' }), ACS_URL)
    expect(decision).toMatchObject({ action: 'unreadable' })
    expect(decision.action === 'unreadable' && decision.message).toContain('no SAMLResponse field')
  })

  it('reports an empty POST to the ACS URL as unreadable', () => {
    expect(classifyDialpadRequest({ method: 'post', url: ACS_URL }, ACS_URL)).toMatchObject({ action: 'unreadable' })
  })
})
