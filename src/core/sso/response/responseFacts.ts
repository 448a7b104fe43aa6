import type { Element } from '@xmldom/xmldom'
import type { SignedElement } from '../../../shared/ssoResponse'
import { attribute, child, children, descendants, DS, SAML, SAMLP, text } from './samlXml'

export interface SignatureFacts {
  element: SignedElement
  /** SignatureMethod URI. */
  signatureAlgorithm: string | null
  /** DigestMethod URI of each Reference. */
  digestAlgorithms: string[]
  /** Base64 bodies of the certificates the signature carries in KeyInfo: for diagnosis only, never trusted. */
  embeddedCertificates: string[]
}

export interface StatusFacts {
  /** Status/StatusCode/@Value, a URI; null when the response has no status code. */
  code: string | null
  /** The nested StatusCode's Value, if any. */
  subCode: string | null
  message: string | null
}

/**
 * What the Response element says, read from the unverified document. The Response is only covered by a signature
 * when JumpCloud signs the Response; these values are used for the checks SAML defines on the Response (status,
 * Destination, InResponseTo) and for counting, never as the assertion's content.
 */
export interface ResponseFacts {
  id: string | null
  destination: string | null
  inResponseTo: string | null
  issueInstant: string | null
  issuer: string | null
  status: StatusFacts
  /** Assertion elements anywhere in the document, however deeply nested. */
  assertionCount: number
  encryptedAssertionCount: number
  /** The Assertion that is a direct child of the Response, when there is exactly one element of that kind. */
  assertion: Element | null
  /** Signatures where SAML puts them: as a direct child of the Response and of its Assertion. */
  signatures: SignatureFacts[]
  /** ds:Signature elements anywhere else (inside Extensions, Advice, Object…): how a moved, signed assertion shows. */
  misplacedSignatures: number
  /**
   * Elements SAML allows once that appear several times ("Issuer of the assertion"): reading "the first one" would make
   * the verdict depend on their order, and a schema-validating SP refuses such a response.
   */
  duplicates: string[]
}

/** Where SAML allows at most one of an element: [description, parent, namespace, name]. */
type SingleElement = [string, (facts: { root: Element; assertion: Element | null }) => Element | null, string, string]

const SINGLE_ELEMENTS: SingleElement[] = [
  ['Issuer of the Response', ({ root }) => root, SAML, 'Issuer'],
  ['Signature of the Response', ({ root }) => root, DS, 'Signature'],
  ['Status', ({ root }) => root, SAMLP, 'Status'],
  ['StatusCode', ({ root }) => child(root, SAMLP, 'Status'), SAMLP, 'StatusCode'],
  ['StatusMessage', ({ root }) => child(root, SAMLP, 'Status'), SAMLP, 'StatusMessage'],
  ['Issuer of the assertion', ({ assertion }) => assertion, SAML, 'Issuer'],
  ['Signature of the assertion', ({ assertion }) => assertion, DS, 'Signature'],
  ['Subject', ({ assertion }) => assertion, SAML, 'Subject'],
  ['NameID', ({ assertion }) => child(assertion, SAML, 'Subject'), SAML, 'NameID'],
  ['EncryptedID', ({ assertion }) => child(assertion, SAML, 'Subject'), SAML, 'EncryptedID'],
  ['Conditions', ({ assertion }) => assertion, SAML, 'Conditions'],
]

function duplicatedElements(root: Element, assertion: Element | null): string[] {
  const found = SINGLE_ELEMENTS.filter(([, parent, namespace, name]) => {
    const element = parent({ root, assertion })
    return element !== null && children(element, namespace, name).length > 1
  }).map(([description]) => description)
  const subject = child(assertion, SAML, 'Subject')
  const confirmations = subject ? children(subject, SAML, 'SubjectConfirmation') : []
  if (confirmations.some((confirmation) => children(confirmation, SAML, 'SubjectConfirmationData').length > 1)) found.push('SubjectConfirmationData')
  return found
}

export function readResponseFacts(root: Element): ResponseFacts {
  const directAssertions = children(root, SAML, 'Assertion')
  const assertion = directAssertions.length === 1 ? directAssertions[0] : null
  const responseSignatures = children(root, DS, 'Signature')
  const assertionSignatures = assertion ? children(assertion, DS, 'Signature') : []
  const expected = new Set<Element>([...responseSignatures, ...assertionSignatures])
  return {
    id: attribute(root, 'ID'),
    destination: attribute(root, 'Destination'),
    inResponseTo: attribute(root, 'InResponseTo'),
    issueInstant: attribute(root, 'IssueInstant'),
    issuer: text(child(root, SAML, 'Issuer')),
    status: readStatus(child(root, SAMLP, 'Status')),
    assertionCount: descendants(root, SAML, 'Assertion').length,
    encryptedAssertionCount: descendants(root, SAML, 'EncryptedAssertion').length,
    assertion,
    signatures: [
      ...responseSignatures.slice(0, 1).map((signature) => readSignature('response', signature)),
      ...assertionSignatures.slice(0, 1).map((signature) => readSignature('assertion', signature)),
    ],
    misplacedSignatures: descendants(root, DS, 'Signature').filter((signature) => !expected.has(signature)).length,
    duplicates: duplicatedElements(root, assertion),
  }
}

function readStatus(status: Element | null): StatusFacts {
  const code = child(status, SAMLP, 'StatusCode')
  const subCode = child(code, SAMLP, 'StatusCode')
  const message = text(child(status, SAMLP, 'StatusMessage'))?.trim() || null
  return { code: attribute(code, 'Value'), subCode: attribute(subCode, 'Value'), message }
}

function readSignature(element: SignedElement, signature: Element): SignatureFacts {
  const signedInfo = child(signature, DS, 'SignedInfo')
  return {
    element,
    signatureAlgorithm: attribute(child(signedInfo, DS, 'SignatureMethod'), 'Algorithm'),
    digestAlgorithms: (signedInfo ? children(signedInfo, DS, 'Reference') : [])
      .map((reference) => attribute(child(reference, DS, 'DigestMethod'), 'Algorithm'))
      .filter((uri): uri is string => uri !== null),
    embeddedCertificates: descendants(signature, DS, 'X509Certificate')
      .map((certificate) => (text(certificate) ?? '').replace(/\s+/g, ''))
      .filter((body) => body !== ''),
  }
}
