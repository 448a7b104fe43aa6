import 'reflect-metadata'
import { randomBytes, webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'
import { DOMParser, type Element, XMLSerializer } from '@xmldom/xmldom'
import { SignedXml } from 'xml-crypto'
import { toPem } from './testCertificates'

/**
 * A SAML IdP for tests: its own RSA key and self-signed certificate, made at test time, building responses shaped like
 * JumpCloud's (email NameID, an `email` attribute, Conditions with an AudienceRestriction, a bearer
 * SubjectConfirmationData with Recipient and InResponseTo) and signing them with xml-crypto, a real XML-DSig library.
 */
export interface TestIdp {
  entityId: string
  /** Base64 of the certificate's DER on one line: what the setup stores after an import. */
  certificateBody: string
  certificatePem: string
  privateKeyPem: string
}

export interface ServiceProvider {
  spEntityId: string
  acsUrl: string
}

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol'
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion'
const ALGORITHMS = {
  sha256: { signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', digest: 'http://www.w3.org/2001/04/xmlenc#sha256' },
  sha1: { signature: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', digest: 'http://www.w3.org/2000/09/xmldsig#sha1' },
} as const

/** Each call makes a new key pair, so two IdPs never share a key (one can play JumpCloud, another an attacker). */
export async function makeTestIdp(entityId = 'JumpCloud', commonName = 'JumpCloud'): Promise<TestIdp> {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 }
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: `01${randomBytes(8).toString('hex')}`,
    name: `CN=${commonName}, O=Dialpad SSO Tests`,
    notBefore: new Date(Date.now() - 24 * 3600_000),
    notAfter: new Date(Date.now() + 365 * 24 * 3600_000),
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5' },
    keys,
  })
  const der = new Uint8Array(certificate.rawData)
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey))
  return { entityId, certificateBody: Buffer.from(der).toString('base64'), certificatePem: toPem('CERTIFICATE', der), privateKeyPem: toPem('PRIVATE KEY', pkcs8) }
}

export interface ResponseOptions {
  /** The instant the IdP issues the response; validity windows are built around it. */
  issuedAt: Date
  responseId?: string
  assertionId?: string
  /** Response/@Destination; null leaves it out. Default: the ACS URL. */
  destination?: string | null
  /** Response/@InResponseTo and SubjectConfirmationData/@InResponseTo; null (default) for an IdP-initiated login. */
  inResponseTo?: string | null
  /** Issuer of both Response and Assertion; default the IdP's entity ID. */
  issuer?: string
  /** Status code (last URI part), nested code and message; default Success. */
  status?: { code: string; subCode?: string; message?: string }
  nameId?: string | null
  nameIdFormat?: string
  recipient?: string | null
  audience?: string | null
  notBefore?: Date | null
  notOnOrAfter?: Date | null
  /** Attributes by name; default { email: [nameId] }. */
  attributes?: Record<string, string[]>
  /** Leave the assertion out (error responses). */
  withoutAssertion?: boolean
}

const FIVE_MINUTES = 5 * 60_000

/** Builds an unsigned Response, JumpCloud-like, addressed to `sp`. */
export function buildResponseXml(idp: TestIdp, sp: ServiceProvider, options: ResponseOptions): string {
  const issued = options.issuedAt
  const nameId = options.nameId === undefined ? 'jane.doe@example.com' : options.nameId
  const issuer = options.issuer ?? idp.entityId
  const inResponseTo = options.inResponseTo ?? null
  const destination = options.destination === undefined ? sp.acsUrl : options.destination
  const recipient = options.recipient === undefined ? sp.acsUrl : options.recipient
  const audience = options.audience === undefined ? sp.spEntityId : options.audience
  const notBefore = options.notBefore === undefined ? new Date(issued.getTime() - FIVE_MINUTES) : options.notBefore
  const notOnOrAfter = options.notOnOrAfter === undefined ? new Date(issued.getTime() + FIVE_MINUTES) : options.notOnOrAfter
  const attributes = options.attributes ?? (nameId ? { email: [nameId] } : {})
  const status = options.status ?? { code: 'Success' }
  const attr = (name: string, value: string | null | undefined) => (value === null || value === undefined ? '' : ` ${name}="${escape(value)}"`)
  const time = (date: Date | null) => (date ? date.toISOString() : null)

  const statusXml =
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:${status.code}">` +
    (status.subCode ? `<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:${status.subCode}"/>` : '') +
    `</samlp:StatusCode>${status.message ? `<samlp:StatusMessage>${escape(status.message)}</samlp:StatusMessage>` : ''}</samlp:Status>`
  const assertionXml = options.withoutAssertion
    ? ''
    : `<saml:Assertion ID="${options.assertionId ?? newId()}" IssueInstant="${issued.toISOString()}" Version="2.0">` +
      `<saml:Issuer>${escape(issuer)}</saml:Issuer>` +
      '<saml:Subject>' +
      (nameId === null ? '' : `<saml:NameID Format="${options.nameIdFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'}">${escape(nameId)}</saml:NameID>`) +
      '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">' +
      `<saml:SubjectConfirmationData${attr('InResponseTo', inResponseTo)}${attr('NotOnOrAfter', time(notOnOrAfter))}${attr('Recipient', recipient)}/>` +
      '</saml:SubjectConfirmation></saml:Subject>' +
      `<saml:Conditions${attr('NotBefore', time(notBefore))}${attr('NotOnOrAfter', time(notOnOrAfter))}>` +
      (audience === null ? '' : `<saml:AudienceRestriction><saml:Audience>${escape(audience)}</saml:Audience></saml:AudienceRestriction>`) +
      '</saml:Conditions>' +
      `<saml:AuthnStatement AuthnInstant="${issued.toISOString()}" SessionIndex="${newId()}"><saml:AuthnContext>` +
      '<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>' +
      '</saml:AuthnContext></saml:AuthnStatement>' +
      (Object.keys(attributes).length === 0
        ? ''
        : '<saml:AttributeStatement>' +
          Object.entries(attributes)
            .map(
              ([name, values]) =>
                `<saml:Attribute Name="${escape(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">` +
                values.map((value) => `<saml:AttributeValue xsi:type="xs:string">${escape(value)}</saml:AttributeValue>`).join('') +
                '</saml:Attribute>',
            )
            .join('') +
          '</saml:AttributeStatement>') +
      '</saml:Assertion>'
  return (
    `<samlp:Response xmlns:samlp="${SAMLP}" xmlns:saml="${SAML}" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
    ` ID="${options.responseId ?? newId()}" Version="2.0" IssueInstant="${issued.toISOString()}"${attr('Destination', destination)}${attr('InResponseTo', inResponseTo)}>` +
    `<saml:Issuer>${escape(issuer)}</saml:Issuer>${statusXml}${assertionXml}</samlp:Response>`
  )
}

export type SignWhat = 'assertion' | 'response' | 'both'

export interface SignOptions {
  /** Default 'assertion', JumpCloud's default. */
  sign?: SignWhat
  algorithm?: keyof typeof ALGORITHMS
  /** Put the signing certificate in KeyInfo (default true, as JumpCloud does). */
  keyInfo?: boolean
}

/** Signs the Assertion, the Response or both (assertion first, as IdPs do), each signature right after its Issuer. */
export function signResponseXml(xml: string, idp: TestIdp, options: SignOptions = {}): string {
  const sign = options.sign ?? 'assertion'
  let signed = xml
  if (sign !== 'response') signed = signElement(signed, idp, "/*[local-name(.)='Response']/*[local-name(.)='Assertion']", options)
  if (sign !== 'assertion') signed = signElement(signed, idp, "/*[local-name(.)='Response']", options)
  return signed
}

function signElement(xml: string, idp: TestIdp, xpath: string, options: SignOptions): string {
  const algorithm = ALGORITHMS[options.algorithm ?? 'sha256']
  const signer = new SignedXml({
    privateKey: idp.privateKeyPem,
    publicCert: options.keyInfo === false ? undefined : idp.certificatePem,
    signatureAlgorithm: algorithm.signature,
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  })
  signer.addReference({
    xpath,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: algorithm.digest,
  })
  signer.computeSignature(xml, { prefix: 'ds', location: { reference: `${xpath}/*[local-name(.)='Issuer']`, action: 'after' } })
  return signer.getSignedXml()
}

/** A JumpCloud-like response, built and signed in one go. */
export function signedResponse(idp: TestIdp, sp: ServiceProvider, options: ResponseOptions, sign: SignOptions = {}): string {
  return signResponseXml(buildResponseXml(idp, sp, options), idp, sign)
}

/** Replaces text that must be present exactly once: tampering after signing, as an attacker would. */
export function tamper(xml: string, find: string, replace: string): string {
  const at = xml.indexOf(find)
  if (at < 0 || xml.indexOf(find, at + find.length) >= 0) throw new Error(`tamper: "${find}" must occur exactly once`)
  return xml.slice(0, at) + replace + xml.slice(at + find.length)
}

export function toBase64(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64')
}

/** Signature wrapping, in the shapes of the XSW attacks on SAML (Somorovsky et al., 2012). */
export const wrap = {
  /** The signed assertion moved into the Response's Extensions; an unsigned copy, with another user, takes its place. */
  signedAssertionMovedToExtensions(signedXml: string, evilNameId: string): string {
    return editDocument(signedXml, (response) => {
      const signedAssertion = assertionOf(response)
      const evil = unsignedCopy(signedAssertion, evilNameId)
      const extensions = response.ownerDocument!.createElementNS(SAMLP, 'samlp:Extensions')
      response.insertBefore(extensions, signedAssertion)
      extensions.appendChild(signedAssertion)
      response.appendChild(evil)
    })
  },
  /** An unsigned assertion for another user injected in front of the genuine, signed one. */
  unsignedAssertionInjected(signedXml: string, evilNameId: string): string {
    return editDocument(signedXml, (response) => {
      const signedAssertion = assertionOf(response)
      response.insertBefore(unsignedCopy(signedAssertion, evilNameId), signedAssertion)
    })
  },
  /** The signed assertion replaced by an unsigned one, its signature kept elsewhere in the document (in Extensions). */
  signatureLeftBehind(signedXml: string, evilNameId: string): string {
    return editDocument(signedXml, (response) => {
      const signedAssertion = assertionOf(response)
      const signature = Array.from(signedAssertion.childNodes).find((node) => (node as Element).localName === 'Signature') as Element
      const extensions = response.ownerDocument!.createElementNS(SAMLP, 'samlp:Extensions')
      extensions.appendChild(signature.cloneNode(true))
      response.insertBefore(extensions, signedAssertion)
      response.replaceChild(unsignedCopy(signedAssertion, evilNameId), signedAssertion)
    })
  },
  /** A whole signed Response moved inside a new, unsigned one that carries the attacker's assertion. */
  signedResponseWrapped(signedXml: string, evilNameId: string): string {
    return editDocument(signedXml, (original) => {
      const document = original.ownerDocument!
      const evil = original.cloneNode(true) as Element
      evil.setAttribute('ID', newId())
      for (const node of Array.from(evil.childNodes)) if ((node as Element).localName === 'Signature') evil.removeChild(node)
      evil.replaceChild(unsignedCopy(assertionOf(evil), evilNameId), assertionOf(evil))
      const extensions = document.createElementNS(SAMLP, 'samlp:Extensions')
      evil.insertBefore(extensions, evil.firstChild!.nextSibling)
      document.replaceChild(evil, original)
      extensions.appendChild(original)
    })
  },
}

function editDocument(xml: string, edit: (response: Element) => void): string {
  const document = new DOMParser().parseFromString(xml, 'text/xml')
  edit(document.documentElement as Element)
  return new XMLSerializer().serializeToString(document)
}

function assertionOf(response: Element): Element {
  return Array.from(response.childNodes).find((node) => (node as Element).localName === 'Assertion') as Element
}

/** A copy of an assertion without its signature, under a new ID, for another user. */
function unsignedCopy(assertion: Element, nameId: string): Element {
  const copy = assertion.cloneNode(true) as Element
  copy.setAttribute('ID', newId())
  for (const node of Array.from(copy.childNodes)) if ((node as Element).localName === 'Signature') copy.removeChild(node)
  for (const element of Array.from(copy.getElementsByTagNameNS(SAML, 'NameID'))) element.textContent = nameId
  for (const element of Array.from(copy.getElementsByTagNameNS(SAML, 'AttributeValue'))) element.textContent = nameId
  return copy
}

function newId(): string {
  return `_${randomBytes(16).toString('hex')}`
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
