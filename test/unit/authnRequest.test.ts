import { inflateRawSync } from 'node:zlib'
import type { Element } from '@xmldom/xmldom'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildAuthnRequest, EMAIL_NAME_ID_FORMAT, HTTP_POST_BINDING, SAML_NS, SAMLP_NS, withQueryParameters } from '../../src/core/sso/authnRequest'
import { UserFacingError } from '../../src/core/userFacingError'
import { parseXmlSafely } from '../../src/core/xml/safeXml'
import { deriveSpValues } from '../../src/shared/spValues'
import { hasUnsafeCharacters } from '../../src/shared/displayText'

const SP = deriveSpValues('example.com', 'production')
const IDP_SSO_URL = 'https://sso.jumpcloud.com/saml2/dialpad'
const NOW = new Date('2025-03-04T05:06:07.890Z')

function build(overrides: Partial<Parameters<typeof buildAuthnRequest>[0]> = {}): ReturnType<typeof buildAuthnRequest> {
  return buildAuthnRequest({ spEntityId: SP.spEntityId, acsUrl: SP.acsUrl, idpSsoUrl: IDP_SSO_URL, now: NOW, ...overrides })
}

/** What JumpCloud receives: the query parameters, and the request XML inflated and parsed back. */
function received(url: string): { url: URL; relayState: string | null; request: Element } {
  const parsed = new URL(url)
  const samlRequest = parsed.searchParams.get('SAMLRequest')
  expect(samlRequest).not.toBeNull()
  const xml = inflateRawSync(Buffer.from(samlRequest!, 'base64')).toString('utf8')
  const document = parseXmlSafely(xml, { maxBytes: 64 * 1024, what: 'The AuthnRequest' })
  return { url: parsed, relayState: parsed.searchParams.get('RelayState'), request: document.documentElement! }
}

function child(element: Element, namespace: string, localName: string): Element {
  const found = element.getElementsByTagNameNS(namespace, localName)
  expect(found.length).toBe(1)
  return found[0]
}

describe('buildAuthnRequest: what JumpCloud receives (HTTP-Redirect binding)', () => {
  it('sends a SAML 2.0 AuthnRequest for Dialpad, raw-DEFLATEd and base64-encoded in SAMLRequest', () => {
    const built = build()
    const { url, request } = received(built.url)

    expect(`${url.origin}${url.pathname}`).toBe(IDP_SSO_URL)
    expect(request.namespaceURI).toBe(SAMLP_NS)
    expect(request.localName).toBe('AuthnRequest')
    expect(request.getAttribute('ID')).toBe(built.id)
    expect(request.getAttribute('Version')).toBe('2.0')
    expect(request.getAttribute('IssueInstant')).toBe('2025-03-04T05:06:07Z')
    expect(request.getAttribute('Destination')).toBe(IDP_SSO_URL)
    expect(request.getAttribute('AssertionConsumerServiceURL')).toBe('https://dialpad.com/saml/sso/custom/example.com')
    expect(request.getAttribute('ProtocolBinding')).toBe(HTTP_POST_BINDING)
    expect(child(request, SAML_NS, 'Issuer').textContent).toBe('https://dialpad.com/api/saml/metadata/custom/example.com')
    expect(child(request, SAMLP_NS, 'NameIDPolicy').getAttribute('Format')).toBe(EMAIL_NAME_ID_FORMAT)
  })

  it('is unsigned: no Signature element and no SigAlg/Signature parameters', () => {
    const built = build()
    const { url, request } = received(built.url)
    expect(request.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature').length).toBe(0)
    expect([...url.searchParams.keys()]).toEqual(['SAMLRequest', 'RelayState'])
  })

  it('returns the XML it sent', () => {
    const built = build()
    const sent = inflateRawSync(Buffer.from(new URL(built.url).searchParams.get('SAMLRequest')!, 'base64')).toString('utf8')
    expect(sent).toBe(built.xml)
  })

  it('round-trips the RelayState, short enough for the 80-byte limit of the bindings spec', () => {
    const built = build()
    expect(received(built.url).relayState).toBe(built.relayState)
    expect(Buffer.byteLength(built.relayState)).toBeLessThanOrEqual(80)
    expect(built.relayState.length).toBeGreaterThanOrEqual(16)
  })

  it('gives every request a new ID that is a valid xs:ID (starts with a letter or "_") and a new RelayState', () => {
    const requests = Array.from({ length: 200 }, () => build())
    expect(new Set(requests.map((request) => request.id)).size).toBe(200)
    expect(new Set(requests.map((request) => request.relayState)).size).toBe(200)
    for (const { id } of requests) {
      expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_.-]*$/)
      expect(id.length).toBeGreaterThanOrEqual(33)
    }
  })

  it('uses the sandbox values for a sandbox setup', () => {
    const sandbox = deriveSpValues('example.com', 'sandbox')
    const { request } = received(build({ spEntityId: sandbox.spEntityId, acsUrl: sandbox.acsUrl }).url)
    expect(request.getAttribute('AssertionConsumerServiceURL')).toBe('https://sandbox.dialpad.com/saml/sso/custom/example.com')
    expect(child(request, SAML_NS, 'Issuer').textContent).toBe('https://sandbox.dialpad.com/api/saml/metadata/custom/example.com')
  })
})

describe('buildAuthnRequest: query joining', () => {
  it('appends after a query the IdP URL already has, keeping that query as written', () => {
    const built = build({ idpSsoUrl: 'https://idp.example.com/sso?tenant=a%20b&x=1' })
    expect(built.url.startsWith('https://idp.example.com/sso?tenant=a%20b&x=1&SAMLRequest=')).toBe(true)
    const { url } = received(built.url)
    expect(url.searchParams.get('tenant')).toBe('a b')
    expect(url.searchParams.get('x')).toBe('1')
    expect(url.searchParams.get('RelayState')).toBe(built.relayState)
  })

  it('starts the query with "?" when there is none, and ignores a bare "?"', () => {
    expect(build().url.startsWith(`${IDP_SSO_URL}?SAMLRequest=`)).toBe(true)
    expect(build({ idpSsoUrl: `${IDP_SSO_URL}?` }).url.startsWith(`${IDP_SSO_URL}?SAMLRequest=`)).toBe(true)
  })

  it('percent-encodes base64 so "+", "/" and "=" survive', () => {
    const joined = withQueryParameters(new URL('https://idp.example.com/sso'), { SAMLRequest: 'a+b/c==' })
    expect(joined).toBe('https://idp.example.com/sso?SAMLRequest=a%2Bb%2Fc%3D%3D')
    expect(new URL(joined).searchParams.get('SAMLRequest')).toBe('a+b/c==')
  })

  it('keeps a fragment after the query', () => {
    expect(withQueryParameters(new URL('https://idp.example.com/sso?a=1#top'), { b: '2' })).toBe('https://idp.example.com/sso?a=1&b=2#top')
  })
})

describe('buildAuthnRequest: escaping', () => {
  it('escapes markup in the Issuer and in attribute values instead of injecting it', () => {
    const spEntityId = 'https://dialpad.com/api/saml/metadata/custom/a&b<c>"d\'</saml:Issuer><evil/>'
    const idpSsoUrl = 'https://idp.example.com/sso?a="1"&b=<2>'
    const { request } = received(build({ spEntityId, idpSsoUrl }).url)
    expect(child(request, SAML_NS, 'Issuer').textContent).toBe(spEntityId)
    expect(request.getAttribute('Destination')).toBe(idpSsoUrl)
    expect(request.getElementsByTagName('evil').length).toBe(0)
  })

  it('parses back any printable Issuer unchanged', () => {
    fc.assert(
      // Printable as the output-safety layer means it: no control, separator or invisible characters (refused below).
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }).filter((text) => text.trim() !== '' && !hasUnsafeCharacters(text) && !text.includes('\uFFFD')), (text) => {
        const { request } = received(build({ spEntityId: text }).url)
        expect(child(request, SAML_NS, 'Issuer').textContent).toBe(text)
      }),
      { numRuns: 200 },
    )
  })
})

describe('buildAuthnRequest: refused input', () => {
  it.each([
    ['an http IdP URL', { idpSsoUrl: 'http://sso.jumpcloud.com/saml2/dialpad' }, /IdP SSO URL must be a complete https:\/\/ address.*JumpCloud → Dialpad app → SSO tab/],
    ['an IdP URL that is not a URL', { idpSsoUrl: 'sso.jumpcloud.com/saml2/dialpad' }, /IdP SSO URL must be a complete https:\/\/ address/],
    ['an IdP URL with credentials', { idpSsoUrl: 'https://user:pw@sso.jumpcloud.com/saml2/dialpad' }, /without a user name or password/],
    ['an http ACS URL', { acsUrl: 'http://dialpad.com/saml/sso/custom/example.com' }, /Dialpad's ACS URL must be a complete https:\/\/ address.*Enable SAML in Dialpad/],
    ['an empty SP Entity ID', { spEntityId: '  ' }, /SP Entity ID is empty/],
    ['an SP Entity ID with a control character', { spEntityId: 'https://dialpad.com/\u0001' }, /control characters/],
    ['an SP Entity ID with a line separator (XML would turn it into a line break)', { spEntityId: 'https://dialpad.com/a\u2028b' }, /control characters/],
    ['an SP Entity ID with a line break', { spEntityId: 'https://dialpad.com/a\nb' }, /control characters/],
    ['an SP Entity ID with the replacement character (text that was decoded wrongly)', { spEntityId: 'https://dialpad.com/\uFFFD' }, /control characters/],
  ])('refuses %s with a message naming the field', (_name, overrides, message) => {
    expect(() => build(overrides)).toThrow(UserFacingError)
    expect(() => build(overrides)).toThrow(message)
  })
})
