import { describe, expect, it } from 'vitest'
import { describeSamlPostProblem, MAX_ACS_POST_BYTES, parseSamlForm, readSamlPost, type SamlPostProblem } from '../../src/core/sso/loginCaptureForm'

const ACS_URL = 'https://dialpad.com/saml/sso/custom/example.com'
/** Base64 with all three characters a form encoding can mangle: "+", "/" and "=". */
const SAML_RESPONSE = Buffer.from('<samlp:Response>\u00ff\u00fe\u00fb?></samlp:Response>', 'latin1').toString('base64')

/** The body a browser posts for these fields. */
function formBytes(fields: Array<[string, string]>): Buffer {
  return Buffer.from(new URLSearchParams(fields).toString(), 'utf8')
}

describe('readSamlPost: the form JumpCloud posts', () => {
  it('reads SAMLResponse and RelayState, keeping "+", "/" and "=" of the base64', () => {
    expect(SAML_RESPONSE).toMatch(/[+/=]/)
    const post = readSamlPost([{ bytes: formBytes([['SAMLResponse', SAML_RESPONSE], ['RelayState', 'a1b2 c3']]) }])
    expect(post).toEqual({ ok: true, samlResponse: SAML_RESPONSE, relayState: 'a1b2 c3' })
  })

  it('gives a null RelayState when there is none (IdP-initiated login)', () => {
    expect(readSamlPost([{ bytes: formBytes([['SAMLResponse', SAML_RESPONSE]]) }])).toEqual({ ok: true, samlResponse: SAML_RESPONSE, relayState: null })
  })

  it('keeps an empty RelayState as empty, not null', () => {
    expect(readSamlPost([{ bytes: formBytes([['SAMLResponse', SAML_RESPONSE], ['RelayState', '']]) }])).toMatchObject({ relayState: '' })
  })

  it('joins a body the browser split into several pieces', () => {
    const bytes = formBytes([['SAMLResponse', SAML_RESPONSE], ['RelayState', 'xyz']])
    const parts = [{ bytes: bytes.subarray(0, 7) }, { bytes: bytes.subarray(7, 20) }, { bytes: bytes.subarray(20) }]
    expect(readSamlPost(parts)).toEqual({ ok: true, samlResponse: SAML_RESPONSE, relayState: 'xyz' })
  })

  it('accepts base64 with line breaks, as some IdPs post it', () => {
    const wrapped = `${SAML_RESPONSE.slice(0, 10)}\r\n${SAML_RESPONSE.slice(10)}`
    expect(readSamlPost([{ bytes: formBytes([['SAMLResponse', wrapped]]) }])).toMatchObject({ ok: true, samlResponse: wrapped })
  })

  it('reads a body exactly at the limit', () => {
    const prefix = 'SAMLResponse='
    const bytes = Buffer.from(prefix + 'A'.repeat(MAX_ACS_POST_BYTES - prefix.length))
    expect(bytes.byteLength).toBe(MAX_ACS_POST_BYTES)
    expect(readSamlPost([{ bytes }])).toMatchObject({ ok: true })
  })

  it.each<[string, Parameters<typeof readSamlPost>[0], SamlPostProblem]>([
    ['no body at all', undefined, 'no-body'],
    ['an empty body list', [], 'no-body'],
    ['a file upload', [{ file: '/tmp/x' }], 'not-inline'],
    ['a blob', [{ blobUUID: '0b1e', bytes: Buffer.from('SAMLResponse=AAAA') }], 'not-inline'],
    ['a form without SAMLResponse', [{ bytes: formBytes([['RelayState', 'x']]) }], 'no-saml-response'],
    ['an empty SAMLResponse', [{ bytes: formBytes([['SAMLResponse', ' ']]) }], 'no-saml-response'],
    ['two SAMLResponse fields', [{ bytes: formBytes([['SAMLResponse', 'AAAA'], ['SAMLResponse', 'BBBB']]) }], 'several-saml-responses'],
    ['a SAMLResponse that is raw XML', [{ bytes: formBytes([['SAMLResponse', '<samlp:Response/>']]) }], 'not-base64'],
    ['a body one byte over the limit', [{ bytes: Buffer.alloc(MAX_ACS_POST_BYTES + 1, 0x41) }], 'too-large'],
  ])('reports %s', (_name, parts, problem) => {
    expect(readSamlPost(parts)).toMatchObject({ ok: false, problem })
  })

  it('measures an oversize body across all its pieces', () => {
    const half = Buffer.alloc(MAX_ACS_POST_BYTES / 2 + 1, 0x41)
    expect(readSamlPost([{ bytes: half }, { bytes: half }])).toEqual({ ok: false, problem: 'too-large', bytes: MAX_ACS_POST_BYTES + 2 })
  })
})

describe('parseSamlForm', () => {
  it('decodes percent-encoding and "+" as a space, as browsers encode forms', () => {
    expect(parseSamlForm('SAMLResponse=ab%2Bcd%2F%3D&RelayState=a+b%26c')).toEqual({ ok: true, samlResponse: 'ab+cd/=', relayState: 'a b&c' })
  })
})

describe('describeSamlPostProblem: what the admin reads', () => {
  it.each<SamlPostProblem>(['no-body', 'not-inline', 'no-saml-response', 'not-base64'])('for %s names the JumpCloud field to check and the expected ACS URL', (problem) => {
    const message = describeSamlPostProblem(problem, ACS_URL)
    expect(message).toContain("JumpCloud, open the Dialpad app's SSO tab")
    expect(message).toContain(`ACS URL is exactly ${ACS_URL}`)
    expect(message).toMatch(/run the test again\.$/)
  })

  it('for an oversize form says how large it was and what to remove in JumpCloud', () => {
    const message = describeSamlPostProblem('too-large', ACS_URL, 3 * 1024 * 1024 + 1)
    expect(message).toContain('is 3.1 MiB, over the 1 MiB the app reads')
    expect(message).toContain('remove attributes Dialpad does not need')
  })
})
