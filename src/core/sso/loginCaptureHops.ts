import { inflateRawSync } from 'node:zlib'
import type { Element } from '@xmldom/xmldom'
import type { RedirectHop } from '../../shared/liveCheck'
import { parseXmlSafely } from '../xml/safeXml'
import { readSamlPost, type UploadPart } from './loginCaptureForm'

/**
 * The test login's redirect chain, as SAML-tracer shows it: each page load's host, method and SAML message kind.
 * Form bodies are read only to see whether they carry a SAML message; no other field (a password on a sign-in page)
 * is kept or returned, and hops never hold values.
 */

/** A login that goes on longer than this is not a login; later hops are not recorded. */
export const MAX_HOPS = 100
/** An AuthnRequest is a few hundred bytes; deflated and base64-encoded far less than this. */
const MAX_AUTHN_REQUEST_BYTES = 64 * 1024

export interface HopRequest {
  method: string
  url: string
  uploadData?: readonly UploadPart[] | null
}

/** The SAMLRequest Dialpad sent towards JumpCloud: the ID its response must answer, and the RelayState that rides along. */
export interface ObservedAuthnRequest {
  id: string
  issuer: string | null
  relayState: string | null
  /** The host it was sent to (the IdP). */
  host: string
  binding: 'HTTP-Redirect' | 'HTTP-POST'
}

export interface ReadHop {
  hop: RedirectHop
  /** Set when the hop carried a SAMLRequest that could be read. */
  authnRequest: ObservedAuthnRequest | null
}

/** Reads one page load: a SAML message in the query (HTTP-Redirect) or in a posted form (HTTP-POST). */
export function readHop(request: HopRequest, blocked = false): ReadHop {
  const url = URL.parse(request.url)
  const method = request.method.toUpperCase()
  const hop: RedirectHop = { host: url?.host ?? 'an address that is not valid', method, saml: null, binding: null, blocked }
  if (!url) return { hop, authnRequest: null }
  const inQuery = url.searchParams.get('SAMLRequest') ?? url.searchParams.get('SAMLResponse')
  if (inQuery !== null) {
    const kind = url.searchParams.has('SAMLRequest') ? 'SAMLRequest' : 'SAMLResponse'
    const read: ReadHop = { hop: { ...hop, saml: kind, binding: 'HTTP-Redirect' }, authnRequest: null }
    if (kind === 'SAMLRequest') read.authnRequest = authnRequestFrom(inQuery, true, url.searchParams.get('RelayState'), url.host, 'HTTP-Redirect')
    return read
  }
  if (method !== 'POST' || blocked) return { hop, authnRequest: null }
  const form = samlFormFields(request.uploadData)
  if (!form) return { hop, authnRequest: null }
  const read: ReadHop = { hop: { ...hop, saml: form.kind, binding: 'HTTP-POST' }, authnRequest: null }
  if (form.kind === 'SAMLRequest') read.authnRequest = authnRequestFrom(form.value, false, form.relayState, url.host, 'HTTP-POST')
  return read
}

/** The SAML field of a posted form, if it has one; every other field is dropped here. */
function samlFormFields(parts: readonly UploadPart[] | null | undefined): { kind: 'SAMLRequest' | 'SAMLResponse'; value: string; relayState: string | null } | null {
  const response = readSamlPost(parts)
  if (response.ok) return { kind: 'SAMLResponse', value: response.samlResponse, relayState: response.relayState }
  if (!parts || parts.length === 0 || parts.some((part) => !part.bytes)) return null
  const size = parts.reduce((total, part) => total + (part.bytes?.byteLength ?? 0), 0)
  if (size > MAX_AUTHN_REQUEST_BYTES) return null
  const form = new URLSearchParams(Buffer.concat(parts.map((part) => part.bytes!)).toString('utf8'))
  const value = form.get('SAMLRequest')
  return value ? { kind: 'SAMLRequest', value, relayState: form.get('RelayState') } : null
}

/** The ID (and Issuer) of an AuthnRequest: base64 of DEFLATE for HTTP-Redirect, plain base64 for HTTP-POST. */
function authnRequestFrom(
  encoded: string,
  deflated: boolean,
  relayState: string | null,
  host: string,
  binding: ObservedAuthnRequest['binding'],
): ObservedAuthnRequest | null {
  if (encoded.length > MAX_AUTHN_REQUEST_BYTES) return null
  try {
    // Base64 has no spaces: a space is a "+" that reached the query unencoded (URLSearchParams reads "+" as a space).
    const bytes = Buffer.from(encoded.replace(/ /g, '+').replace(/\s+/g, ''), 'base64')
    const xml = (deflated ? inflateRawSync(bytes, { maxOutputLength: MAX_AUTHN_REQUEST_BYTES }) : bytes).toString('utf8')
    const root = parseXmlSafely(xml, { what: 'The AuthnRequest', maxBytes: MAX_AUTHN_REQUEST_BYTES }).documentElement as Element | null
    if (!root || root.localName !== 'AuthnRequest') return null
    const id = root.getAttribute('ID')
    if (!id) return null
    const issuer = Array.from(root.childNodes).find((node) => (node as Element).localName === 'Issuer')?.textContent?.trim() ?? null
    return { id, issuer, relayState, host, binding }
  } catch {
    // Not base64, not DEFLATE, not XML, refused by the safe parser: not an AuthnRequest the check can use.
    return null
  }
}
