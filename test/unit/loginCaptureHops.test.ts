import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { readHop } from '../../src/core/sso/loginCaptureHops'
import { redirectChainText } from '../../src/shared/redirectChain'
import { deriveSpValues } from '../../src/shared/spValues'
import { DIALPAD_RELAY_STATE, DIALPAD_REQUEST_ID, TEST_USER_PASSWORD, dialpadAuthnRequest, dialpadLoginFlow } from '../support/dialpadLoginFlow'

const SP = deriveSpValues('example.com', 'production')
const IDP = 'https://sso.jumpcloud.com/saml2/dialpad'
const form = (fields: Record<string, string>) => [{ bytes: Buffer.from(new URLSearchParams(fields).toString()) }]

describe('the redirect chain of a test login', () => {
  it('names each hop by host, method and SAML message kind, and finds Dialpad’s AuthnRequest ID', () => {
    const flow = dialpadLoginFlow({ env: 'production', domain: 'example.com', spEntityId: SP.spEntityId, acsUrl: SP.acsUrl, idpSsoUrl: IDP })
    const read = flow.map((request) => readHop({ method: request.method, url: request.url, uploadData: request.form ? form(request.form) : null }))
    expect(read.map(({ hop }) => [hop.method, hop.host, hop.saml, hop.binding])).toEqual([
      ['GET', 'dialpad.com', null, null],
      ['GET', 'dialpad.com', null, null],
      ['POST', 'dialpad.com', null, null],
      ['GET', 'sso.jumpcloud.com', 'SAMLRequest', 'HTTP-Redirect'],
      ['GET', 'console.jumpcloud.com', null, null],
      ['POST', 'console.jumpcloud.com', null, null],
      ['GET', 'sso.jumpcloud.com', null, null],
    ])
    expect(read[3].authnRequest).toEqual({ id: DIALPAD_REQUEST_ID, issuer: SP.spEntityId, relayState: DIALPAD_RELAY_STATE, host: 'sso.jumpcloud.com', binding: 'HTTP-Redirect' })
    // Hops never hold values: no path, query or form field, so no password either.
    expect(JSON.stringify(read.map(({ hop }) => hop))).not.toMatch(/password|Correct-Horse|login\/sso|SAMLRequest=/)
    expect(JSON.stringify(read)).not.toContain(TEST_USER_PASSWORD)
  })

  it('reads an AuthnRequest posted with the HTTP-POST binding, and the SAML response posted back', () => {
    const xml = Buffer.from(`<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_posted" Version="2.0"/>`).toString('base64')
    const posted = readHop({ method: 'POST', url: IDP, uploadData: form({ SAMLRequest: xml, RelayState: 'r' }) })
    expect(posted.hop).toMatchObject({ saml: 'SAMLRequest', binding: 'HTTP-POST' })
    expect(posted.authnRequest).toMatchObject({ id: '_posted', issuer: null, relayState: 'r', binding: 'HTTP-POST' })
    const response = readHop({ method: 'POST', url: SP.acsUrl, uploadData: form({ SAMLResponse: Buffer.from('<samlp:Response/>').toString('base64') }) })
    expect(response).toEqual({ hop: { host: 'dialpad.com', method: 'POST', saml: 'SAMLResponse', binding: 'HTTP-POST', blocked: false }, authnRequest: null })
  })

  it('reads a redirect whose Location carries the SAMLRequest with "+" left unencoded', () => {
    // Find a request whose base64 has a "+", as a redirect that does not percent-encode it would send it.
    const encoded = Array.from({ length: 200 }, (_, n) => dialpadAuthnRequest(SP.spEntityId, SP.acsUrl, IDP, `_plus-${n}`)).find((value) => value.includes('+'))!
    const read = readHop({ method: 'GET', url: `${IDP}?SAMLRequest=${encoded.replace(/\//g, '%2F').replace(/=/g, '%3D')}&RelayState=r` })
    expect(read.authnRequest).toMatchObject({ id: expect.stringMatching(/^_plus-\d+$/), issuer: SP.spEntityId, binding: 'HTTP-Redirect' })
  })

  it('gives no request ID for what is not an AuthnRequest, and never throws on hostile input', () => {
    const notXml = deflateRawSync(Buffer.from('hello')).toString('base64')
    const other = deflateRawSync(Buffer.from('<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x"/>')).toString('base64')
    const doctype = deflateRawSync(Buffer.from('<!DOCTYPE x [<!ENTITY a "b">]><samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_e"/>')).toString('base64')
    for (const value of [notXml, other, doctype, '%%%', 'A'.repeat(200_000)]) {
      const read = readHop({ method: 'GET', url: `${IDP}?SAMLRequest=${encodeURIComponent(value)}` })
      expect(read.hop.saml).toBe('SAMLRequest')
      expect(read.authnRequest).toBeNull()
    }
    expect(readHop({ method: 'GET', url: 'not a url' }).hop.host).toBe('an address that is not valid')
  })

  it('saves as text with every SAML value redacted', () => {
    const request = dialpadAuthnRequest(SP.spEntityId, SP.acsUrl, IDP)
    const hops = [
      readHop({ method: 'GET', url: 'https://dialpad.com/login' }).hop,
      readHop({ method: 'GET', url: `${IDP}?SAMLRequest=${encodeURIComponent(request)}&RelayState=x` }).hop,
      readHop({ method: '—', url: 'https://accounts.google.com/o/saml2' }, true).hop,
    ]
    const text = redirectChainText(hops)
    expect(text).toBe(
      [' 1. GET  dialpad.com  no SAML message', ' 2. GET  sso.jumpcloud.com  SAMLRequest (HTTP-Redirect, value redacted)', ' 3. —    accounts.google.com  no SAML message  [refused by the login window]', ''].join('\n'),
    )
    expect(text).not.toContain(request.slice(0, 20))
  })
})
