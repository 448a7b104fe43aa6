import { X509Certificate } from 'node:crypto'
import { type Document, type Element } from '@xmldom/xmldom'
import { MAX_METADATA_BYTES } from '../../shared/metadataImport'
import { listSome } from '../../shared/listSome'
import { redactThenShorten } from '../secrets/redact'
import { UserFacingError } from '../userFacingError'
import { parseXmlSafely, XmlRefusedError, type XmlRefusalReason } from '../xml/safeXml'

export interface IdpSsoService {
  binding: 'HTTP-Redirect' | 'HTTP-POST'
  location: string
}

export interface IdpMetadata {
  /** EntityDescriptor/@entityID exactly as written (not trimmed: callers may warn about spaces). */
  entityId: string
  /** The HTTP-Redirect service's Location if there is one, else the HTTP-POST one. */
  ssoUrl: string
  ssoBinding: 'HTTP-Redirect' | 'HTTP-POST'
  /** Every supported SingleSignOnService, in document order. */
  ssoServices: IdpSsoService[]
  /** Base64 body of each signing certificate, whitespace removed, deduplicated, in document order; CA certificates sent along with a key are left out. */
  signingCertificates: string[]
  validUntil: string | null
}

export type MetadataRefusalReason =
  | XmlRefusalReason
  | 'not-metadata'
  | 'sp-metadata'
  | 'no-idp'
  | 'several-idps'
  | 'no-entity-id'
  | 'no-sso-service'
  | 'no-sso-location'
  | 'several-sso-urls'
  | 'no-signing-certificate'

/** Metadata the app cannot use; the message says what to do next. */
export class MetadataRefusedError extends UserFacingError {
  override name = 'MetadataRefusedError'
  constructor(
    readonly reason: MetadataRefusalReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, { ...options, code: 'invalid-input' })
  }
}

export { MAX_METADATA_BYTES }

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata'
const DS = 'http://www.w3.org/2000/09/xmldsig#'
const BINDINGS: Record<string, IdpSsoService['binding']> = {
  'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect': 'HTTP-Redirect',
  'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST': 'HTTP-POST',
}
const WHAT = 'The metadata file'
const EXPORT_FROM_JUMPCLOUD = 'In JumpCloud, open the Dialpad app > SSO tab and use Export Metadata.'

/**
 * Reads the IdP values Dialpad needs from JumpCloud's SAML metadata.
 * Every refusal, including the XML-level ones of parseXmlSafely, is a MetadataRefusedError.
 */
export function parseIdpMetadata(xml: string): IdpMetadata {
  const root = parseMetadataDocument(xml).documentElement as Element
  const entity = findIdpEntity(root)
  const entityId = entity.getAttribute('entityID') ?? ''
  if (entityId.trim() === '') {
    throw refuse('no-entity-id', `${WHAT} has no entityID on its EntityDescriptor, so Dialpad could not tell which IdP signed a login. ${EXPORT_FROM_JUMPCLOUD}`)
  }
  const idp = onlyIdpDescriptor(entity)
  const ssoServices = readSsoServices(idp)
  const preferred = preferredService(ssoServices)
  return {
    entityId,
    ssoUrl: preferred.location,
    ssoBinding: preferred.binding,
    ssoServices,
    signingCertificates: readSigningCertificates(idp),
    validUntil: entity.getAttribute('validUntil') ?? (entity === root ? null : root.getAttribute('validUntil')),
  }
}

function parseMetadataDocument(xml: string): Document {
  try {
    return parseXmlSafely(xml, { maxBytes: MAX_METADATA_BYTES, what: WHAT })
  } catch (error) {
    if (error instanceof XmlRefusedError) throw refuse(error.reason, error.message, error)
    throw error
  }
}

function findIdpEntity(root: Element): Element {
  if (isMd(root, 'EntityDescriptor')) {
    if (childElements(root, 'IDPSSODescriptor').length > 0) return root
    throw refuseNoIdp([root])
  }
  if (isMd(root, 'EntitiesDescriptor')) {
    const entities = Array.from(root.getElementsByTagNameNS(MD, 'EntityDescriptor'))
    const idps = entities.filter((entity) => childElements(entity, 'IDPSSODescriptor').length > 0)
    if (idps.length === 1) return idps[0]
    if (idps.length === 0) throw refuseNoIdp(entities)
    const ids = idps.map((entity) => `"${clip(entity.getAttribute('entityID') ?? '(no entityID)')}"`)
    throw refuse(
      'several-idps',
      `${WHAT} describes ${idps.length} identity providers (${listSome(ids)}), and the app needs exactly one. ${EXPORT_FROM_JUMPCLOUD} That file describes only the IdP for Dialpad.`,
    )
  }
  const namespace = root.namespaceURI ? ` in namespace ${clip(root.namespaceURI)}` : ' with no namespace'
  throw refuse(
    'not-metadata',
    `${WHAT} is XML but not SAML metadata: its root element is <${clip(root.nodeName)}>${namespace}, where JumpCloud's metadata starts with <md:EntityDescriptor>. ${EXPORT_FROM_JUMPCLOUD}`,
  )
}

/** Two descriptors would make the values depend on their order in the file: refused rather than guessed. */
function onlyIdpDescriptor(entity: Element): Element {
  const descriptors = childElements(entity, 'IDPSSODescriptor')
  if (descriptors.length === 1) return descriptors[0]
  throw refuse(
    'several-idps',
    `${WHAT} describes the identity provider ${descriptors.length} times (${descriptors.length} IDPSSODescriptor elements), so it does not say which SSO URL and certificate are the ones. ${EXPORT_FROM_JUMPCLOUD}`,
  )
}

/**
 * The HTTP-Redirect service if there is one, else the HTTP-POST one (both go to the same URL at JumpCloud). Several
 * different URLs for the binding chosen would make the value depend on their order: refused rather than guessed.
 */
function preferredService(services: IdpSsoService[]): IdpSsoService {
  const binding = services.some((service) => service.binding === 'HTTP-Redirect') ? 'HTTP-Redirect' : 'HTTP-POST'
  const candidates = services.filter((service) => service.binding === binding)
  const locations = [...new Set(candidates.map((service) => service.location))]
  if (locations.length > 1) {
    throw refuse(
      'several-sso-urls',
      `${WHAT} lists ${locations.length} different ${binding} SSO URLs (${listSome(locations.map((location) => `"${clip(location)}"`))}), and Dialpad takes one. Enter the IdP values by hand from the Dialpad app's SSO tab in JumpCloud, or export its metadata again.`,
    )
  }
  return candidates[0]
}

function refuseNoIdp(entities: Element[]): MetadataRefusedError {
  if (entities.some((entity) => childElements(entity, 'SPSSODescriptor').length > 0)) {
    return refuse('sp-metadata', `This is Service Provider metadata (for example Dialpad's own), not JumpCloud's. ${EXPORT_FROM_JUMPCLOUD}`)
  }
  return refuse('no-idp', `${WHAT} is SAML metadata but describes no identity provider (no IDPSSODescriptor). ${EXPORT_FROM_JUMPCLOUD}`)
}

function readSsoServices(idp: Element): IdpSsoService[] {
  const elements = childElements(idp, 'SingleSignOnService')
  const services: IdpSsoService[] = []
  for (const element of elements) {
    const binding = BINDINGS[(element.getAttribute('Binding') ?? '').trim()]
    if (!binding) continue
    const location = (element.getAttribute('Location') ?? '').trim()
    if (location === '') {
      throw refuse('no-sso-location', `${WHAT} has an ${binding} SingleSignOnService without a Location (the SSO URL). ${EXPORT_FROM_JUMPCLOUD}`)
    }
    services.push({ binding, location })
  }
  if (services.length > 0) return services

  const found = [...new Set(elements.map((element) => clip(element.getAttribute('Binding') ?? '(no Binding)')))]
  const foundText = found.length > 0 ? `it only has ${listSome(found)}` : 'it has none'
  throw refuse(
    'no-sso-service',
    `${WHAT} has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding, which Dialpad needs (${foundText}). ${EXPORT_FROM_JUMPCLOUD}`,
  )
}

function readSigningCertificates(idp: Element): string[] {
  const keyDescriptors = childElements(idp, 'KeyDescriptor')
  const signing = keyDescriptors.filter((key) => {
    const use = key.getAttribute('use')
    return !use || use === 'signing'
  })
  const certificates = new Set<string>()
  for (const key of signing) {
    const inKey = Array.from(key.getElementsByTagNameNS(DS, 'X509Certificate'))
      .map((certificate) => (certificate.textContent ?? '').replace(/\s+/g, ''))
      .filter((base64) => base64 !== '')
    for (const base64 of withoutIssuers(inKey)) certificates.add(base64)
  }
  if (certificates.size > 0) return [...certificates]

  const onlyEncryption = keyDescriptors.length > signing.length ? ' (it only has an encryption certificate)' : ''
  throw refuse(
    'no-signing-certificate',
    `${WHAT} has no signing certificate${onlyEncryption}, so Dialpad could not check JumpCloud's logins. ${EXPORT_FROM_JUMPCLOUD}`,
  )
}

/**
 * One KeyDescriptor describes one key. When its X509Data also carries the certificate chain (vSphere SSO,
 * some PingFederate and CA-issued IdP certificates), the CA certificates are not signing keys: drop every
 * certificate that issued another one in the same KeyDescriptor. A CA outlives its leaf, so keeping it
 * would make it the "valid longest" default. Unreadable certificates are kept for the importer to refuse.
 */
function withoutIssuers(bodies: string[]): string[] {
  if (bodies.length < 2) return bodies
  const parsed = bodies.map((base64) => {
    try {
      return new X509Certificate(Buffer.from(base64, 'base64'))
    } catch {
      return null
    }
  })
  const issuedAnother = (candidate: X509Certificate | null, index: number): boolean =>
    candidate !== null &&
    parsed.some((other, otherIndex) => other !== null && otherIndex !== index && issuedBy(other, candidate))
  return bodies.filter((_, index) => !issuedAnother(parsed[index], index))
}

function issuedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return !certificate.raw.equals(issuer.raw) && certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey)
  } catch {
    return false
  }
}

function refuse(reason: MetadataRefusalReason, message: string, cause?: Error): MetadataRefusedError {
  return new MetadataRefusedError(reason, message, cause ? { cause } : undefined)
}

function isMd(element: Element, localName: string): boolean {
  return element.namespaceURI === MD && element.localName === localName
}

function childElements(parent: Element, localName: string): Element[] {
  return Array.from(parent.children).filter((child) => isMd(child, localName))
}

/** Values quoted from the file are kept short and on one line: messages never repeat big chunks of input. */
function clip(value: string): string {
  return redactThenShorten(value, 80)
}
