import { deflateRawSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { readSamlResponse } from '../../src/core/sso/response/responseInput'
import { validateSamlResponse } from '../../src/core/sso/response/validateSamlResponse'
import { deriveSpValues } from '../../src/shared/spValues'
import { makeTestIdp, signedResponse, type TestIdp, toBase64 } from '../support/samlTestIdp'

/** A response pasted or loaded in the shapes browser tools and editors leave it in. */
const SP = deriveSpValues('example.com', 'production')
const NOW = new Date('2026-03-02T10:00:00Z')

let idp: TestIdp
let xml: string
let base64: string

beforeAll(async () => {
  idp = await makeTestIdp()
  xml = signedResponse(idp, SP, { issuedAt: NOW, attributes: { email: ['jane.doe@example.com'], displayName: ['José Müller'] } })
  base64 = toBase64(xml)
})

const validate = (input: { text: string } | { bytes: Uint8Array }) =>
  validateSamlResponse(
    input,
    { spEntityId: SP.spEntityId, acsUrl: SP.acsUrl, companyDomain: 'example.com', idpEntityId: 'JumpCloud', idpCertificate: idp.certificateBody, requestId: null },
    { now: NOW },
  )

describe('reading a pasted or loaded SAML response', () => {
  it.each([
    ['base64 on one line', () => base64, 'base64'],
    ['base64 in 76-column lines with CRLF, indented', () => `  ${base64.replace(/(.{76})/g, '$1\r\n    ')}\r\n`, 'base64'],
    ['URL-encoded, as a form body shows it', () => encodeURIComponent(base64), 'base64'],
    ['URL-encoded and wrapped inside an escape', () => encodeURIComponent(base64).replace(/(.{75})/g, '$1\n'), 'base64'],
    ['the whole form body, with RelayState', () => `SAMLResponse=${encodeURIComponent(base64)}&RelayState=%2Fdashboard`, 'base64'],
    ['base64 without its padding', () => base64.replace(/=+$/, ''), 'base64'],
    ['form-decoded by a tool that turned every + into a space', () => base64.replace(/\+/g, ' '), 'base64'],
    ['raw XML with a byte-order mark and blank lines', () => `\uFEFF\n\n${xml}\n`, 'xml'],
    ['raw XML with an XML declaration', () => `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, 'xml'],
    ['HTTP-Redirect binding (deflated, then base64)', () => deflateRawSync(Buffer.from(xml)).toString('base64'), 'base64'],
  ])('%s', async (_name, make, form) => {
    const read = readSamlResponse({ text: make() })
    expect(read).toMatchObject({ ok: true, form })
    const { run } = await validate({ text: make() })
    expect(run.steps.find((step) => step.id === 'signature')?.status).toBe('pass')
  })

  it('reads files: base64 text, UTF-16 XML with a BOM, ISO-8859-1 XML, and the signature still verifies', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])
    const latin1 = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>\n${xml}`, 'latin1')
    for (const bytes of [Buffer.from(`${base64}\n`), utf16, latin1]) {
      const { run, summary } = await validate({ bytes })
      expect(run.ok).toBe(true)
      expect(summary?.attributes.find((attribute) => attribute.name === 'displayName')?.values).toEqual(['José Müller'])
    }
  })

  it.each([
    ['', 'empty', /Nothing was pasted/],
    ['   \n\t ', 'empty', /Nothing was pasted/],
    ['%E0%A4%A', 'bad-url-encoding', /one of the escapes is broken/],
    ['PHNhbWxwOlJlc3BvbnNl!!', 'bad-base64', /not valid base64.*“!” \(U\+0021\) at character 21/],
    ['PHNh=bWxw', 'bad-base64', /“=” \(U\+003D\) at character 5/],
    ['aGVsbG8gd29ybGQ=', 'not-xml', /decodes to is not XML/],
    ['<html><body>Sign in</body></html>', 'not-xml', /web page or other text/],
    ['{"SAMLResponse": "PHNhbWw="}', 'bad-base64', /not valid base64/],
    ['<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><unclosed></samlp:Response>', 'malformed', /not well-formed XML/],
  ])('refuses %j with a specific reason', (text, reason, message) => {
    const read = readSamlResponse({ text })
    expect(read).toMatchObject({ ok: false, reason })
    if (!read.ok) {
      expect(read.detail).toMatch(message)
      expect(read.fix).toBeTruthy()
    }
  })

  it.each([
    ['<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1"/>', /the SAMLRequest Dialpad sends to JumpCloud/, /ACS URL/],
    ['<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_1"/>', /an Assertion on its own/, /copy the SAMLResponse form field/],
    ['<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>', /SAML metadata, not a login response/, /Copy the SAMLResponse again/],
    ['<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:1.0:protocol"/>', /not a SAML 2\.0 one/, /speaks SAML 2\.0/],
    ['<feed xmlns="http://www.w3.org/2005/Atom"/>', /whose root is <feed>/, /Copy the SAMLResponse again/],
  ])('says what a wrong document is: %s', (text, detail, fix) => {
    for (const input of [{ text }, { text: toBase64(text) }]) {
      const read = readSamlResponse(input)
      expect(read).toMatchObject({ ok: false, reason: 'not-a-response', detail: expect.stringMatching(detail), fix: expect.stringMatching(fix) })
    }
  })

  it('refuses a deflated payload that would expand past the size limit (zip bomb)', () => {
    const bomb = deflateRawSync(Buffer.alloc(5 * 1024 * 1024, 0x20)).toString('base64')
    expect(bomb.length).toBeLessThan(64 * 1024)
    expect(readSamlResponse({ text: bomb })).toMatchObject({ ok: false, reason: 'not-xml' })
  })
})
