import {
  MAX_SUMMARY_ATTRIBUTE_VALUES,
  MAX_SUMMARY_ATTRIBUTES,
  MAX_SUMMARY_AUDIENCES,
  MAX_SUMMARY_TEXT_CHARS,
  type SamlResponseSummary,
  type SignedElements,
  xmlDsigAlgorithmName,
} from '../../../shared/ssoResponse'
import { type AssertionFacts, distinctJoined } from './assertionFacts'
import { redactKnownSecrets } from '../../secrets/redact'
import type { ResponseFacts } from './responseFacts'
import { lastUriPart } from './samlXml'
import type { SignatureVerification } from './signatureVerification'

export interface SummaryInput {
  response: ResponseFacts
  /** The signed assertion when a signature verified, else the raw one (or null when there is none to read). */
  assertion: AssertionFacts | null
  /** True when `assertion` is the content a verified signature covers. */
  verified: boolean
  verification: SignatureVerification | null
}

/** The decoded response for the readable table: every string clipped and every list capped, so it stays small. */
export function summarizeResponse({ response, assertion, verified, verification }: SummaryInput): SamlResponseSummary {
  let truncated = false
  // Values stay as the response has them (the table shows them safely); any known secret is redacted before a cut.
  const text = (given: string | null | undefined): string | null => {
    if (given === null || given === undefined) return null
    const value = redactKnownSecrets(given)
    if (value.length <= MAX_SUMMARY_TEXT_CHARS) return value
    truncated = true
    return `${value.slice(0, MAX_SUMMARY_TEXT_CHARS - 1)}…`
  }
  const cap = <T>(items: T[], max: number): T[] => {
    if (items.length > max) truncated = true
    return items.slice(0, max)
  }
  // Every bearer confirmation's values, not the first one's: several would otherwise hide all but one.
  const bearers = assertion?.subjectConfirmations.filter((confirmation) => confirmation.bearer) ?? []
  const confirmation = {
    recipient: distinctJoined(bearers.map((bearer) => bearer.recipient)),
    notOnOrAfter: distinctJoined(bearers.map((bearer) => bearer.notOnOrAfter)),
    inResponseTo: distinctJoined(bearers.map((bearer) => bearer.inResponseTo)),
  }
  const summary: SamlResponseSummary = {
    verified,
    signed: signedElements(verification),
    signatures: response.signatures.map((signature) => ({
      element: signature.element,
      signatureAlgorithm: text(signature.signatureAlgorithm && xmlDsigAlgorithmName(signature.signatureAlgorithm)),
      digestAlgorithm: text(distinctJoined(signature.digestAlgorithms.map(xmlDsigAlgorithmName))),
      verified: verification?.[signature.element] === 'verified',
    })),
    responseId: text(response.id),
    destination: text(response.destination),
    inResponseTo: text(response.inResponseTo),
    issueInstant: text(response.issueInstant),
    responseIssuer: text(response.issuer),
    status: {
      code: text(response.status.code && lastUriPart(response.status.code)),
      subCode: text(response.status.subCode && lastUriPart(response.status.subCode)),
      message: text(response.status.message),
    },
    assertionId: text(assertion?.id),
    issuer: text(assertion?.issuer),
    nameId: text(assertion?.nameId?.value),
    nameIdFormat: text(assertion?.nameId?.format),
    subjectConfirmation: {
      recipient: text(confirmation.recipient),
      notOnOrAfter: text(confirmation.notOnOrAfter),
      inResponseTo: text(confirmation.inResponseTo),
    },
    conditions: { notBefore: text(assertion?.conditions.notBefore), notOnOrAfter: text(assertion?.conditions.notOnOrAfter) },
    audiences: cap(assertion?.conditions.audienceRestrictions.flat() ?? [], MAX_SUMMARY_AUDIENCES).map((audience) => text(audience) ?? ''),
    authnInstant: text(assertion?.authnInstant),
    sessionIndex: text(assertion?.sessionIndex),
    attributes: cap(assertion?.attributes ?? [], MAX_SUMMARY_ATTRIBUTES).map((attribute) => ({
      name: text(attribute.name) ?? '',
      ...(attribute.friendlyName ? { friendlyName: text(attribute.friendlyName) ?? '' } : {}),
      values: cap(attribute.values, MAX_SUMMARY_ATTRIBUTE_VALUES).map((value) => text(value) ?? ''),
    })),
    truncated: false,
  }
  return { ...summary, truncated }
}

function signedElements(verification: SignatureVerification | null): SignedElements | null {
  if (!verification) return null
  const response = verification.response === 'verified'
  const assertion = verification.assertion === 'verified'
  if (response && assertion) return 'both'
  if (response) return 'response'
  return assertion ? 'assertion' : null
}
