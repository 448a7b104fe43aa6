import { randomBytes } from 'node:crypto'
import { deflateRawSync } from 'node:zlib'
import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom'
import { UserFacingError } from '../userFacingError'
import { hasUnsafeCharacters } from '../../shared/displayText'

export const SAMLP_NS = 'urn:oasis:names:tc:SAML:2.0:protocol'
export const SAML_NS = 'urn:oasis:names:tc:SAML:2.0:assertion'
export const HTTP_POST_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST'
export const EMAIL_NAME_ID_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/'

export interface AuthnRequestInput {
  /** Dialpad's SP Entity ID for the company domain: the request's Issuer. */
  spEntityId: string
  /** Dialpad's ACS URL: where JumpCloud must post the response. */
  acsUrl: string
  /** The IDP URL from the SSO tab of the Dialpad app in JumpCloud: where the request is sent. */
  idpSsoUrl: string
  now: Date
}

export interface AuthnRequest {
  /** The request's ID; a response to it carries the same value in InResponseTo. */
  id: string
  /** Sent next to the request; JumpCloud echoes it back with the response. */
  relayState: string
  /** The IdP SSO URL with SAMLRequest and RelayState added (HTTP-Redirect binding): open it to start the login. */
  url: string
  /** The request as sent, before DEFLATE and base64. */
  xml: string
}

/** Unpredictable, and starting with "_" because an xs:ID may not start with a digit. */
const newId = (): string => `_${randomBytes(20).toString('hex')}`
/** The SAML bindings spec caps RelayState at 80 bytes; 32 hex characters leave room and reveal nothing. */
const newRelayState = (): string => randomBytes(16).toString('hex')

/**
 * An SP-initiated SAML 2.0 AuthnRequest from Dialpad's SP to JumpCloud, for the HTTP-Redirect binding.
 * It is unsigned: the app holds no Dialpad SP key, and JumpCloud does not require signed requests.
 */
export function buildAuthnRequest({ spEntityId, acsUrl, idpSsoUrl, now }: AuthnRequestInput): AuthnRequest {
  const idpUrl = httpsUrl(idpSsoUrl, 'The IdP SSO URL', 'Copy the IDP URL from JumpCloud → Dialpad app → SSO tab again.')
  httpsUrl(acsUrl, "Dialpad's ACS URL", 'Enter the company domain again on the "Enable SAML in Dialpad" step.')
  // Control, separator and invisible characters, and the replacement character (a decoding error): XML parsers drop,
  // rewrite or refuse them (a line separator comes back as a line break), and none can be in an SP Entity ID derived
  // from a valid domain.
  if (spEntityId.trim() === '' || hasUnsafeCharacters(spEntityId) || spEntityId.includes('\uFFFD')) {
    throw new UserFacingError('The SP Entity ID is empty or contains control characters. Enter the company domain again on the "Enable SAML in Dialpad" step.', { code: 'invalid-input' })
  }

  const id = newId()
  const relayState = newRelayState()
  const xml = authnRequestXml({ id, spEntityId, acsUrl, destination: idpSsoUrl.trim(), issueInstant: samlInstant(now) })
  const samlRequest = deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64')
  return { id, relayState, url: withQueryParameters(idpUrl, { SAMLRequest: samlRequest, RelayState: relayState }), xml }
}

function authnRequestXml(values: { id: string; spEntityId: string; acsUrl: string; destination: string; issueInstant: string }): string {
  const document = new DOMImplementation().createDocument(SAMLP_NS, 'samlp:AuthnRequest', null)
  const request = document.documentElement!
  request.setAttributeNS(XMLNS_NS, 'xmlns:saml', SAML_NS)
  request.setAttribute('ID', values.id)
  request.setAttribute('Version', '2.0')
  request.setAttribute('IssueInstant', values.issueInstant)
  request.setAttribute('Destination', values.destination)
  request.setAttribute('AssertionConsumerServiceURL', values.acsUrl)
  request.setAttribute('ProtocolBinding', HTTP_POST_BINDING)

  const issuer = document.createElementNS(SAML_NS, 'saml:Issuer')
  issuer.appendChild(document.createTextNode(values.spEntityId))
  request.appendChild(issuer)

  const nameIdPolicy = document.createElementNS(SAMLP_NS, 'samlp:NameIDPolicy')
  nameIdPolicy.setAttribute('Format', EMAIL_NAME_ID_FORMAT)
  nameIdPolicy.setAttribute('AllowCreate', 'true')
  request.appendChild(nameIdPolicy)

  return new XMLSerializer().serializeToString(document)
}

/** xs:dateTime in UTC without milliseconds, the form IdPs write and accept everywhere. */
function samlInstant(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/**
 * Adds parameters after any query the URL already has, leaving that query exactly as the IdP wrote it
 * (URLSearchParams would re-encode it). Values are percent-encoded, so base64's "+", "/" and "=" survive.
 */
export function withQueryParameters(url: URL, parameters: Record<string, string>): string {
  const added = Object.entries(parameters)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&')
  const query = url.search === '' ? `?${added}` : `${url.search}&${added}`
  return `${url.origin}${url.pathname}${query}${url.hash}`
}

function httpsUrl(text: string, what: string, nextStep: string): URL {
  const url = URL.parse(text.trim())
  if (!url || url.protocol !== 'https:' || url.username || url.password) {
    throw new UserFacingError(`${what} must be a complete https:// address without a user name or password. ${nextStep}`, { code: 'invalid-input' })
  }
  return url
}
