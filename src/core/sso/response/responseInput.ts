import { inflateRawSync } from 'node:zlib'
import type { Document, Element } from '@xmldom/xmldom'
import { formatBytes } from '../../../shared/byteSize'
import { MAX_SAML_RESPONSE_BYTES } from '../../../shared/ssoResponse'
import { decodeXmlBytes, parseXmlSafely, XmlRefusedError } from '../../xml/safeXml'
import { SAML, SAMLP } from './samlXml'
import { describeCharacter } from '../../../shared/displayText'
import { redactThenShorten } from '../../secrets/redact'

/** A response as pasted (text) or loaded from a file (bytes): base64 as posted, or the XML itself. */
export type SamlResponseInput = { text: string } | { bytes: Uint8Array }

export type ResponseInputRefusal =
  | 'too-large'
  | 'too-complex'
  | 'empty'
  | 'bad-url-encoding'
  | 'bad-base64'
  | 'not-xml'
  | 'doctype'
  | 'malformed'
  | 'not-a-response'

export type ReadSamlResponse =
  | { ok: true; xml: string; document: Document; root: Element; form: 'base64' | 'xml' }
  | { ok: false; reason: ResponseInputRefusal; detail: string; fix: string }

const COPY_AGAIN =
  'Copy the SAMLResponse again, all of it: in the browser’s developer tools (Network tab), open the POST to Dialpad’s ACS URL (…/saml/sso/custom/…) and copy the SAMLResponse form field, or load the saved file.'
const BASE64_ALPHABET = /^[A-Za-z0-9+/]*={0,2}$/
const URL_ESCAPE = /%[0-9A-Fa-f]{2}/
const FORM_FIELD = /^SAMLResponse=/i
/** A single space between base64 characters: where a "+" was before form-decoding. */
const SPACE_FOR_PLUS = /[A-Za-z0-9+/] [A-Za-z0-9+/]/
const DECLARATION = /<!\s*([A-Za-z]+)/
const BOM = '\uFEFF'

const refuse = (reason: ResponseInputRefusal, detail: string, fix = COPY_AGAIN): ReadSamlResponse => ({ ok: false, reason, detail, fix })

/**
 * Turns what the admin pasted or loaded into a parsed SAML Response, or says exactly what is wrong with it. The size
 * cap and the DTD/entity refusal apply before any XML parser sees the text, so hostile input changes nothing.
 */
export function readSamlResponse(input: SamlResponseInput): ReadSamlResponse {
  const size = 'text' in input ? textSize(input.text) : input.bytes.length
  if (size > MAX_SAML_RESPONSE_BYTES) {
    return refuse(
      'too-large',
      `The input is larger than the ${formatBytes(MAX_SAML_RESPONSE_BYTES)} a SAML response can be (one is usually a few KiB).`,
      'Check that you copied only the SAMLResponse value (not a whole HAR file or page), or that you picked the right file.',
    )
  }
  const text = 'text' in input ? input.text : bytesToText(input.bytes)
  const trimmed = text.replace(BOM, '').trim()
  if (trimmed === '') return refuse('empty', 'Nothing was pasted or the file is empty.')
  if (trimmed.startsWith('<')) return parseResponse(trimmed, 'xml')

  const first = decodeAndParse(trimmed)
  // A tool that URL-decoded the form field as form data turned every "+" of the base64 into a space.
  if (!first.ok && SPACE_FOR_PLUS.test(trimmed)) {
    const repaired = decodeAndParse(trimmed.replace(/ /g, '+'))
    if (repaired.ok) return repaired
  }
  return first
}

function decodeAndParse(text: string): ReadSamlResponse {
  const decoded = decodeBase64Response(text)
  return decoded.ok ? parseResponse(decoded.xml, 'base64') : decoded
}

function textSize(text: string): number {
  // Cheap bound first: a string longer than the cap in UTF-16 units is over it in UTF-8 bytes too.
  return text.length > MAX_SAML_RESPONSE_BYTES ? text.length : Buffer.byteLength(text, 'utf8')
}

/** A file holds XML (any encoding XML allows: BOM, UTF-16) or base64, which is ASCII. */
function bytesToText(bytes: Uint8Array): string {
  const [b0, b1, b2] = bytes
  const utf16 = (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || (b0 === 0x3c && b1 === 0) || (b0 === 0 && b1 === 0x3c)
  const utf8Bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf
  const firstVisible = bytes.find((byte) => byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)
  return utf16 || utf8Bom || firstVisible === 0x3c ? decodeXmlBytes(bytes) : new TextDecoder('utf-8').decode(bytes)
}

type Decoded = { ok: true; xml: string } | Extract<ReadSamlResponse, { ok: false }>

/**
 * Base64 as a browser tool shows it: possibly still URL-encoded (%2B, %3D), as a whole form body
 * ("SAMLResponse=…&RelayState=…"), broken into lines or indented.
 */
function decodeBase64Response(text: string): Decoded {
  // Whitespace means nothing in base64 or in URL-encoding, and editors wrap long lines anywhere, even inside "%2B".
  let value = text.replace(/\s+/g, '')
  if (FORM_FIELD.test(value)) value = value.replace(FORM_FIELD, '').split('&')[0]
  if (URL_ESCAPE.test(value)) {
    try {
      value = decodeURIComponent(value)
    } catch {
      return refuse('bad-url-encoding', 'The SAMLResponse looks URL-encoded (it has %-escapes), but one of the escapes is broken, so it cannot be decoded.')
    }
  }
  if (!BASE64_ALPHABET.test(value)) {
    const bad = /[^A-Za-z0-9+/=]/.exec(value) ?? /=+[^=]/.exec(value)
    const where = bad ? ` ${describeCharacter(String.fromCodePoint(bad[0].codePointAt(0) ?? 0))} at character ${bad.index + 1}` : ''
    return refuse('bad-base64', `The SAMLResponse is not valid base64 (the form JumpCloud posts it in): it has${where || ' characters base64 does not use'}.`)
  }
  if (value.replace(/=+$/, '').length % 4 === 1) {
    return refuse('bad-base64', 'The SAMLResponse is cut short: its base64 ends in the middle of a character, so part of it is missing.')
  }
  const bytes = Buffer.from(value, 'base64')
  const xml = decodeXmlBytes(bytes)
  if (xml.trimStart().startsWith('<')) return { ok: true, xml }
  const inflated = inflateRedirectBinding(bytes)
  if (inflated !== null) return { ok: true, xml: inflated }
  return refuse('not-xml', 'The SAMLResponse is valid base64, but what it decodes to is not XML, so it is not a SAML response (or it was copied from the wrong field).')
}

/** HTTP-Redirect binding messages are DEFLATE-compressed before base64; the output is capped against zip bombs. */
function inflateRedirectBinding(bytes: Buffer): string | null {
  try {
    const xml = decodeXmlBytes(inflateRawSync(bytes, { maxOutputLength: MAX_SAML_RESPONSE_BYTES }))
    return xml.trimStart().startsWith('<') ? xml : null
  } catch {
    return null
  }
}

function parseResponse(xml: string, form: 'base64' | 'xml'): ReadSamlResponse {
  let document: Document
  try {
    document = parseXmlSafely(xml, { maxBytes: MAX_SAML_RESPONSE_BYTES, what: 'The SAML response', nextStep: '' })
  } catch (error) {
    if (!(error instanceof XmlRefusedError)) throw error
    return refusedXml(error, xml)
  }
  const root = document.documentElement as Element
  const notResponse = describeWrongRoot(root)
  if (notResponse) return refuse('not-a-response', notResponse.detail, notResponse.fix)
  return { ok: true, xml, document, root, form }
}

function refusedXml(error: XmlRefusedError, xml: string): ReadSamlResponse {
  switch (error.reason) {
    case 'doctype': {
      const keyword = (DECLARATION.exec(xml)?.[1] ?? 'DOCTYPE').toUpperCase()
      return refuse(
        'doctype',
        `The SAML response contains a <!${keyword}> declaration. SAML responses never carry one, and it is how XML entity attacks (entity expansion, external files) begin, so the app refused it before parsing.`,
        'Capture the response again straight from the browser; if someone sent you this text, do not trust it.',
      )
    }
    case 'too-large':
      return refuse('too-large', `The decoded SAML response is over the ${formatBytes(MAX_SAML_RESPONSE_BYTES)} the app reads.`, COPY_AGAIN)
    case 'too-complex':
      return refuse('too-complex', `${error.message.trim()} JumpCloud's responses are about 10 KiB and a few levels deep.`, COPY_AGAIN)
    case 'empty':
      return refuse('empty', 'The SAMLResponse decodes to nothing.')
    case 'not-xml':
      return refuse('not-xml', 'The input is not a SAML response: it decodes to a web page or other text, not XML.')
    case 'malformed':
      return refuse('malformed', `${error.message.trim()} Something was cut off or changed while copying.`)
  }
}

const OTHER_MESSAGES: Record<string, { what: string; fix: string }> = {
  AuthnRequest: {
    what: 'the SAMLRequest Dialpad sends to JumpCloud (an AuthnRequest), not JumpCloud’s answer',
    fix: 'Copy the SAMLResponse field of the POST that goes to Dialpad’s ACS URL instead.',
  },
  LogoutRequest: { what: 'a logout request, not a login response', fix: COPY_AGAIN },
  LogoutResponse: { what: 'a logout response, not a login response', fix: COPY_AGAIN },
  EntityDescriptor: { what: 'SAML metadata, not a login response', fix: COPY_AGAIN },
  EntitiesDescriptor: { what: 'SAML metadata, not a login response', fix: COPY_AGAIN },
}

function describeWrongRoot(root: Element): { detail: string; fix: string } | null {
  const name = root.localName ?? root.nodeName
  if (root.namespaceURI === SAMLP && name === 'Response') return null
  if (root.namespaceURI === SAML && name === 'Assertion') {
    return {
      detail: 'The input is an Assertion on its own; the app needs the whole Response around it (the status and Destination are on the Response).',
      fix: COPY_AGAIN,
    }
  }
  if (name === 'Response') {
    return {
      detail: `The input is a Response, but not a SAML 2.0 one (its namespace is ${root.namespaceURI === null ? 'missing' : printable(root.namespaceURI)}). Dialpad uses SAML 2.0.`,
      fix: 'In JumpCloud, use the Dialpad app from the SSO catalogue (it speaks SAML 2.0), and capture the response again.',
    }
  }
  const known = OTHER_MESSAGES[name]
  if (known) return { detail: `The input is ${known.what}.`, fix: known.fix }
  return { detail: `The input is an XML document whose root is <${printable(name)}>, not a SAML Response.`, fix: COPY_AGAIN }
}

/** Characters from the input, shown in a message: redacted, on one line, invisible characters by their code, short. */
function printable(value: string): string {
  return redactThenShorten(value, 60)
}
