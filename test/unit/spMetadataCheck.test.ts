import type { Dispatcher } from 'undici'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHttpDispatcher, type HttpClientOptions } from '../../src/core/net/httpClient'
import { checkSpMetadata, notSavedFix, type SpMetadataCheckOptions } from '../../src/core/sso/spMetadataCheck'
import { readSpMetadata } from '../../src/core/sso/spMetadataParse'
import { describeAnswer } from '../../src/core/sso/spMetadataReceived'
import { spMetadataUrl } from '../../src/core/sso/spMetadataUrl'
import { deriveSpValues } from '../../src/shared/spValues'
import { dialpadSpMetadataXml, ENTITY_EXPANSION_XML, MD_NS, startDialpadMetadataServer, type DialpadMetadataServer } from '../support/dialpadMetadataServer'
import { makeTestCa, type TestCa } from '../support/scimTestCa'

/** Short enough to keep the slow-answer tests quick, long enough that a busy machine's TLS handshake is never cut. */
const FAST = { connectMs: 5_000, headersMs: 1_500, bodyMs: 1_500 }
const SP = deriveSpValues('example.com', 'production')
const NOT_SAVED = 'SAML with the Custom provider is not saved for example.com in Dialpad: in Dialpad, go to Admin Settings > My Company > Authentication > SAML'

let ca: TestCa
let server: DialpadMetadataServer
const dispatchers: Dispatcher[] = []

function dispatcher(options: HttpClientOptions = {}): Dispatcher {
  const made = createHttpDispatcher({ env: {}, timeouts: FAST, extraCaPem: ca.caPem, ...options })
  dispatchers.push(made)
  return made
}

function check(options: Partial<SpMetadataCheckOptions> = {}) {
  return checkSpMetadata({ sp: SP, metadataBaseUrl: server.origin, dispatcher: dispatcher(), now: () => new Date(), ...options })
}

beforeAll(async () => {
  ca = await makeTestCa()
  server = await startDialpadMetadataServer({ tls: await ca.issue() })
})
afterEach(async () => {
  server.faults.clear()
  server.clocks.clear()
  await Promise.all(dispatchers.splice(0).map((made) => made.close()))
})
afterAll(() => server.close())

describe('where the metadata is fetched', () => {
  it("is the SP Entity ID itself by default, or the same path under another base URL", () => {
    expect(spMetadataUrl(SP)).toMatchObject({ ok: true, url: new URL('https://dialpad.com/api/saml/metadata/custom/example.com') })
    const sandbox = deriveSpValues('example.com', 'sandbox')
    expect(spMetadataUrl(sandbox)).toMatchObject({ ok: true, url: new URL('https://sandbox.dialpad.com/api/saml/metadata/custom/example.com') })
    expect(spMetadataUrl(SP, 'https://127.0.0.1:8443/')).toMatchObject({ ok: true, url: new URL('https://127.0.0.1:8443/api/saml/metadata/custom/example.com') })
    expect(spMetadataUrl(SP, 'http://localhost:8080/mirror')).toMatchObject({ ok: true, url: new URL('http://localhost:8080/mirror/api/saml/metadata/custom/example.com') })
  })

  it('refuses a base URL that is not https (outside this computer), not a URL, or carries credentials', () => {
    expect(spMetadataUrl(SP, 'http://dialpad.com')).toMatchObject({ ok: false, detail: expect.stringContaining('only allowed for this computer') })
    expect(spMetadataUrl(SP, 'dialpad dot com')).toMatchObject({ ok: false, detail: expect.stringContaining('not an https:// web address') })
    expect(spMetadataUrl(SP, 'ftp://dialpad.com')).toMatchObject({ ok: false })
    expect(spMetadataUrl(SP, 'https://admin:pw@dialpad.com')).toMatchObject({ ok: false, fix: expect.stringContaining('https://dialpad.com') })
  })
})

describe('reading SP metadata', () => {
  const values = { entityId: SP.spEntityId, acsUrl: SP.acsUrl }

  it("reads Dialpad's entityID and HTTP-POST ACS, whatever the namespace prefix", () => {
    expect(readSpMetadata(dialpadSpMetadataXml(values))).toEqual({ ok: true, metadata: { entityId: SP.spEntityId, postAcsLocations: [SP.acsUrl] } })
    const unprefixed = dialpadSpMetadataXml(values).replace(/md:/g, '').replace('xmlns:md=', 'xmlns=')
    expect(readSpMetadata(unprefixed)).toMatchObject({ ok: true, metadata: { entityId: SP.spEntityId } })
  })

  it('says what the answer is when it is not SP metadata', () => {
    const wrongNamespace = dialpadSpMetadataXml(values).replace(MD_NS, 'urn:example:not-saml')
    expect(readSpMetadata(wrongNamespace)).toMatchObject({ ok: false, reason: 'not-metadata', detail: expect.stringContaining('in namespace urn:example:not-saml') })
    expect(readSpMetadata('<error><message>Company not found</message></error>')).toMatchObject({
      ok: false,
      reason: 'not-metadata',
      detail: expect.stringContaining('root element is <error> with no namespace'),
    })
    const idp = `<md:EntityDescriptor xmlns:md="${MD_NS}" entityID="JumpCloud"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>`
    expect(readSpMetadata(idp)).toMatchObject({ ok: false, reason: 'not-sp', detail: expect.stringContaining('an identity provider') })
    const redirectOnly = dialpadSpMetadataXml({ ...values, acsBinding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect' })
    expect(readSpMetadata(redirectOnly)).toMatchObject({ ok: false, reason: 'no-post-acs' })
    expect(readSpMetadata(dialpadSpMetadataXml({ ...values, entityId: '  ' }))).toMatchObject({ ok: false, reason: 'no-entity-id' })
  })

  it('refuses DTDs and entities before parsing, and malformed or empty answers', () => {
    expect(readSpMetadata(ENTITY_EXPANSION_XML)).toMatchObject({ ok: false, reason: 'doctype', detail: expect.stringContaining('DOCTYPE') })
    expect(readSpMetadata('<md:EntityDescriptor xmlns:md="x"><unclosed></md:EntityDescriptor>')).toMatchObject({ ok: false, reason: 'malformed' })
    expect(readSpMetadata('   ')).toMatchObject({ ok: false, reason: 'empty' })
    expect(readSpMetadata('Service unavailable')).toMatchObject({ ok: false, reason: 'not-xml' })
  })
})

describe('describing what came back', () => {
  const url = new URL('https://dialpad.com/api/saml/metadata/custom/example.com')
  const answer = (status: number, contentType: string | undefined, body: string, headers: Record<string, string> = {}) => ({
    status,
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers },
    body,
  })

  it('gives the status, the content type and the first meaningful bit, never the whole body', () => {
    expect(describeAnswer(answer(404, 'text/html; charset=utf-8', '<html><head><title>Page\nNot Found</title></head></html>'), url)).toBe(
      'HTTP 404, text/html, a web page titled "Page Not Found"',
    )
    expect(describeAnswer(answer(302, undefined, '', { location: '/login?next=%2Fsecret' }), url)).toBe('HTTP 302, no content type, redirecting to https://dialpad.com/login')
    expect(describeAnswer(answer(200, 'application/xml', '<?xml version="1.0"?>\n<error>Domain \u0007 unknown</error>'), url)).toBe(
      'HTTP 200, application/xml, starting "<error>Domain \\u0007 unknown</error>"',
    )
    expect(describeAnswer(answer(200, 'text/xml', ''), url)).toBe('HTTP 200, text/xml, with an empty body')
    const huge = describeAnswer(answer(200, 'text/plain', 'x'.repeat(100_000)), url)
    expect(huge.length).toBeLessThan(150)
  })
})

describe('checking Dialpad publishes the SP values the wizard showed', () => {
  it('passes when SAML with the Custom provider is saved for the domain, and reads the clock from the answer', async () => {
    const statuses: number[] = []
    const result = await check({ onHttpStatus: (status) => statuses.push(status) })
    expect(result.outcome).toEqual({
      status: 'pass',
      detail: `Dialpad publishes SAML metadata for example.com with the SP Entity ID (${SP.spEntityId}) and ACS URL (${SP.acsUrl}) the assistant showed.`,
    })
    expect(statuses).toEqual([200])
    expect(result.clock).toMatchObject({ service: 'Dialpad', skewMs: expect.any(Number) })
    expect(Math.abs((result.clock as { skewMs: number }).skewMs)).toBeLessThan(5_000)
    const sent = server.requests.at(-1)!
    expect(sent.path).toBe('/api/saml/metadata/custom/example.com')
    expect(sent.accept).toContain('application/samlmetadata+xml')
  })

  it('fails with the "not saved" fix on a 404 page, showing what came back', async () => {
    const result = await check({ sp: deriveSpValues('not-set-up.example', 'production') })
    expect(result.outcome.status).toBe('fail')
    expect(result.outcome.detail).toBe(
      `Dialpad has no SAML metadata for not-set-up.example: ${server.origin}/api/saml/metadata/custom/not-set-up.example answered HTTP 404, text/html, a web page titled "Dialpad | Page Not Found".`,
    )
    expect(result.outcome.fix).toBe(
      'If SAML with the Custom provider is not saved for not-set-up.example in Dialpad: in Dialpad, go to Admin Settings > My Company > Authentication > SAML, ' +
        'choose Custom under "Choose your provider", fill in the three IdP values (IdP SSO URL, IdP Entity ID (Issuer) and Certificate) and select Save; then check again. ' +
        'Dialpad does not document this metadata address, so the test login is what decides.',
    )
  })

  it('names the sandbox in the fix for a sandbox domain', () => {
    expect(notSavedFix(deriveSpValues('example.com', 'sandbox'))).toContain('not saved for example.com in Dialpad Sandbox (sandbox.dialpad.com): in Dialpad, go to')
  })

  it('fails with the "not saved" fix on a web page, a redirect, or XML that is not metadata', async () => {
    server.faults.set('metadata', { kind: 'html', title: 'Dialpad' })
    const page = await check()
    expect(page.outcome).toMatchObject({ status: 'fail', detail: expect.stringContaining('with a web page instead of SAML metadata (HTTP 200, text/html, a web page titled "Dialpad")') })
    expect(page.outcome.fix).toContain(NOT_SAVED)

    server.faults.set('metadata', { kind: 'redirect', location: 'https://dialpad.com/login?next=/api/saml/metadata/custom/example.com' })
    const redirect = await check()
    expect(redirect.outcome.detail).toContain('answered HTTP 302, no content type, redirecting to https://dialpad.com/login.')
    expect(redirect.outcome.fix).toContain(NOT_SAVED)
    expect(server.requests.filter((r) => r.path === '/login')).toHaveLength(0)

    server.faults.set('metadata', { kind: 'xml', body: '<?xml version="1.0"?><error code="saml_not_configured">SAML is not configured</error>' })
    const xml = await check()
    expect(xml.outcome.detail).toBe(
      `Dialpad's answer is XML but not SAML metadata: its root element is <error> with no namespace, not <md:EntityDescriptor>. (HTTP 200, application/xml, starting "<error code="saml_not_configured">SAML is not configured</error>").`,
    )
    expect(xml.outcome.fix).toContain(NOT_SAVED)
  })

  it('fails naming both values when the entityID or the ACS URL differ from what the wizard showed', async () => {
    server.faults.set('metadata', { kind: 'metadata', entityId: 'https://dialpad.com/api/saml/metadata/okta/example.com' })
    const entity = await check()
    expect(entity.outcome).toMatchObject({
      status: 'fail',
      detail:
        "Dialpad's SAML metadata for example.com does not match the values the assistant showed: its SP Entity ID is " +
        `"https://dialpad.com/api/saml/metadata/okta/example.com" where the assistant showed "${SP.spEntityId}".`,
      fix: expect.stringContaining(NOT_SAVED),
    })

    server.faults.set('metadata', { kind: 'metadata', acsUrl: 'https://dialpad.com/saml/sso/okta/example.com' })
    const acs = await check()
    expect(acs.outcome.detail).toContain(`its ACS URL (HTTP-POST) is "https://dialpad.com/saml/sso/okta/example.com" where the assistant showed "${SP.acsUrl}"`)
    expect(acs.outcome.fix).toContain(NOT_SAVED)

    server.faults.set('metadata', { kind: 'metadata', acsBinding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact' })
    const binding = await check()
    expect(binding.outcome.detail).toContain('lists no AssertionConsumerService with the HTTP-POST binding')
  })

  it('refuses an entity-expansion payload with its own message, and uses nothing from it', async () => {
    server.faults.set('metadata', { kind: 'xml', body: ENTITY_EXPANSION_XML })
    const result = await check()
    expect(result.outcome.status).toBe('fail')
    expect(result.outcome.detail).toMatch(/^Dialpad's answer contains a DOCTYPE declaration, which SAML metadata never needs; the app refuses it for safety\. \(HTTP 200, application\/xml, starting "<!DOCTYPE md:EntityDescriptor \[ <!ENTITY lol "lol">.*…"\)\. Nothing was used from it\.$/)
    expect(result.outcome.fix).toContain('something between this computer and 127.0.0.1 changes the answer')
    expect(result.outcome.detail).not.toContain('lollol')
  })

  it("says a 5xx or a 429 is Dialpad's trouble, not a missing configuration", async () => {
    server.faults.set('metadata', { kind: 'status', status: 503, body: 'upstream unavailable', contentType: 'text/plain' })
    const down = await check()
    expect(down.outcome).toMatchObject({ status: 'fail', detail: 'Dialpad could not answer (HTTP 503, text/plain, starting "upstream unavailable").' })
    expect(down.outcome.fix).toMatch(/^This is on Dialpad's side/)

    server.faults.set('metadata', { kind: 'status', status: 429, headers: { 'retry-after': '30' } })
    const limited = await check()
    expect(limited.outcome).toMatchObject({ detail: expect.stringContaining('asks to wait 30 seconds'), fix: 'Wait 30 seconds, then check again; the assistant does not retry on its own.' })
  })

  it('stops reading an oversize answer', async () => {
    server.faults.set('metadata', { kind: 'oversize', bytes: 300 * 1024 })
    const result = await check()
    expect(result.outcome).toMatchObject({ status: 'fail', detail: expect.stringContaining('far bigger than expected') })
    expect(result.clock).toEqual({ service: 'Dialpad', reason: 'no-answer' })
  })

  it('diagnoses an untrusted certificate and a slow answer with what to do', async () => {
    const untrusted = await check({ dispatcher: dispatcher({ extraCaPem: undefined }) })
    expect(untrusted.outcome).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining("is not trusted by this computer (UNABLE_TO_VERIFY_LEAF_SIGNATURE), so Dialpad's answer could not be trusted"),
      fix: expect.stringContaining('"Corporate CA certificate"'),
    })

    server.faults.set('metadata', { kind: 'delay', ms: 5_000 })
    const slow = await check()
    expect(slow.outcome).toMatchObject({
      status: 'fail',
      detail: `Dialpad (${new URL(server.origin).host}) accepted the connection but did not answer in time (UND_ERR_HEADERS_TIMEOUT).`,
    })
  })

  it('fails before sending anything when the base URL is unusable', async () => {
    const before = server.requests.length
    const result = await check({ metadataBaseUrl: 'http://dialpad.example' })
    expect(result.outcome).toMatchObject({ status: 'fail', detail: expect.stringContaining('Plain http:// is only allowed for this computer') })
    expect(server.requests).toHaveLength(before)
  })
})
