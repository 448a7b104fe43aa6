import type { Element } from '@xmldom/xmldom'
import { attribute, child, children, SAML, text } from './samlXml'

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer'

export interface SubjectConfirmationFacts {
  bearer: boolean
  recipient: string | null
  notBefore: string | null
  notOnOrAfter: string | null
  inResponseTo: string | null
}

export interface AttributeFacts {
  name: string
  friendlyName: string | null
  values: string[]
}

/** What an assertion says. Read from the signed assertion once a signature verified; from the raw text otherwise. */
export interface AssertionFacts {
  id: string | null
  issuer: string | null
  nameId: { value: string; format: string | null } | null
  encryptedNameId: boolean
  subjectConfirmations: SubjectConfirmationFacts[]
  conditions: {
    present: boolean
    notBefore: string | null
    notOnOrAfter: string | null
    /** One list of Audience values per AudienceRestriction: SAML requires every restriction to include the SP. */
    audienceRestrictions: string[][]
  }
  /** Of every AuthnStatement (an assertion may carry several): the distinct values, joined by ", ". For reading only. */
  authnInstant: string | null
  sessionIndex: string | null
  attributes: AttributeFacts[]
  encryptedAttributeCount: number
}

export function readAssertionFacts(assertion: Element): AssertionFacts {
  const subject = child(assertion, SAML, 'Subject')
  const nameId = child(subject, SAML, 'NameID')
  const conditions = child(assertion, SAML, 'Conditions')
  const authns = children(assertion, SAML, 'AuthnStatement')
  const statements = children(assertion, SAML, 'AttributeStatement')
  return {
    id: attribute(assertion, 'ID'),
    issuer: text(child(assertion, SAML, 'Issuer')),
    nameId: nameId ? { value: text(nameId) ?? '', format: attribute(nameId, 'Format') } : null,
    encryptedNameId: child(subject, SAML, 'EncryptedID') !== null,
    subjectConfirmations: subject ? children(subject, SAML, 'SubjectConfirmation').map(readSubjectConfirmation) : [],
    conditions: {
      present: conditions !== null,
      notBefore: attribute(conditions, 'NotBefore'),
      notOnOrAfter: attribute(conditions, 'NotOnOrAfter'),
      audienceRestrictions: conditions
        ? children(conditions, SAML, 'AudienceRestriction').map((restriction) =>
            children(restriction, SAML, 'Audience').map((audience) => (text(audience) ?? '').trim()),
          )
        : [],
    },
    authnInstant: distinctJoined(authns.map((authn) => attribute(authn, 'AuthnInstant'))),
    sessionIndex: distinctJoined(authns.map((authn) => attribute(authn, 'SessionIndex'))),
    attributes: statements.flatMap((statement) => children(statement, SAML, 'Attribute').map(readAttribute)),
    encryptedAttributeCount: statements.reduce((count, statement) => count + children(statement, SAML, 'EncryptedAttribute').length, 0),
  }
}

/** Every distinct value, in document order, joined: never just the first of several. */
export function distinctJoined(values: (string | null)[]): string | null {
  const present = [...new Set(values.filter((value): value is string => value !== null))]
  return present.length === 0 ? null : present.join(', ')
}

function readSubjectConfirmation(confirmation: Element): SubjectConfirmationFacts {
  const data = child(confirmation, SAML, 'SubjectConfirmationData')
  return {
    bearer: attribute(confirmation, 'Method') === BEARER,
    recipient: attribute(data, 'Recipient'),
    notBefore: attribute(data, 'NotBefore'),
    notOnOrAfter: attribute(data, 'NotOnOrAfter'),
    inResponseTo: attribute(data, 'InResponseTo'),
  }
}

function readAttribute(element: Element): AttributeFacts {
  return {
    name: attribute(element, 'Name') ?? '',
    friendlyName: attribute(element, 'FriendlyName'),
    values: children(element, SAML, 'AttributeValue').map((value) => text(value) ?? ''),
  }
}
