import { z } from 'zod'
import { CheckRun } from './checkRun'

export { ASSERTION_CLOCK_SKEW_MS, MAX_SAML_RESPONSE_BYTES } from './limits'

/** Limits of the decoded summary, so a hostile response cannot make the table (or a saved result) huge. */
export const MAX_SUMMARY_TEXT_CHARS = 2048
export const MAX_SUMMARY_ATTRIBUTES = 100
export const MAX_SUMMARY_ATTRIBUTE_VALUES = 20
export const MAX_SUMMARY_AUDIENCES = 20

const Text = z.string().max(MAX_SUMMARY_TEXT_CHARS)

/** Which element of the response carries a signature. */
export const SignedElement = z.enum(['response', 'assertion'])
export type SignedElement = z.infer<typeof SignedElement>

export const SignedElements = z.enum(['response', 'assertion', 'both'])
export type SignedElements = z.infer<typeof SignedElements>

export const SamlSignatureSummary = z.object({
  element: SignedElement,
  /** Readable name, e.g. "RSA-SHA256"; the algorithm URI when the app does not know it. */
  signatureAlgorithm: Text.nullable(),
  /** Readable name, e.g. "SHA-256". */
  digestAlgorithm: Text.nullable(),
  /** True when this signature verified with the certificate imported into the setup (never one the response carries). */
  verified: z.boolean(),
})
export type SamlSignatureSummary = z.infer<typeof SamlSignatureSummary>

export const SamlAttributeSummary = z.object({
  name: Text,
  friendlyName: Text.optional(),
  values: z.array(Text).max(MAX_SUMMARY_ATTRIBUTE_VALUES),
})
export type SamlAttributeSummary = z.infer<typeof SamlAttributeSummary>

/**
 * What a captured response says, for the readable table support staff look at. Response-level values come from the
 * Response element; everything about the assertion comes from the signed assertion when a signature verified
 * (`verified: true`), otherwise from the unverified text and must be shown as such.
 */
export const SamlResponseSummary = z.object({
  /** True when the assertion values below are the content a signature vouches for. */
  verified: z.boolean(),
  /** Which elements carry a signature that verified with the imported certificate; null when none did. */
  signed: SignedElements.nullable(),
  signatures: z.array(SamlSignatureSummary).max(4),
  responseId: Text.nullable(),
  destination: Text.nullable(),
  inResponseTo: Text.nullable(),
  issueInstant: Text.nullable(),
  /** Issuer of the Response element (optional in SAML). */
  responseIssuer: Text.nullable(),
  status: z.object({
    /** The last part of the status URI, e.g. "Success", "Responder". */
    code: Text.nullable(),
    /** A nested status code, e.g. "AuthnFailed", "RequestDenied". */
    subCode: Text.nullable(),
    message: Text.nullable(),
  }),
  assertionId: Text.nullable(),
  /** Issuer of the assertion: what Dialpad compares with its IdP Entity ID. */
  issuer: Text.nullable(),
  nameId: Text.nullable(),
  nameIdFormat: Text.nullable(),
  subjectConfirmation: z.object({
    recipient: Text.nullable(),
    notOnOrAfter: Text.nullable(),
    inResponseTo: Text.nullable(),
  }),
  conditions: z.object({
    notBefore: Text.nullable(),
    notOnOrAfter: Text.nullable(),
  }),
  audiences: z.array(Text).max(MAX_SUMMARY_AUDIENCES),
  authnInstant: Text.nullable(),
  sessionIndex: Text.nullable(),
  attributes: z.array(SamlAttributeSummary).max(MAX_SUMMARY_ATTRIBUTES),
  /** Set when the response held more attributes, values or audiences than the summary keeps. */
  truncated: z.boolean(),
})
export type SamlResponseSummary = z.infer<typeof SamlResponseSummary>

/**
 * The result of validating one captured SAML response: the checks, and the decoded content for the table (null when
 * the input could not be read as a SAML Response at all). The response itself is never part of it.
 */
export const SsoResponseCheck = z.object({
  run: CheckRun,
  summary: SamlResponseSummary.nullable(),
})
export type SsoResponseCheck = z.infer<typeof SsoResponseCheck>

/** Readable names for the XML-DSig algorithm URIs IdPs use. */
const ALGORITHM_NAMES: Record<string, string> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'RSA-SHA1',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'RSA-SHA256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': 'RSA-SHA384',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'RSA-SHA512',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1': 'ECDSA-SHA1',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': 'ECDSA-SHA256',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': 'ECDSA-SHA384',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': 'ECDSA-SHA512',
  'http://www.w3.org/2000/09/xmldsig#sha1': 'SHA-1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'SHA-256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'SHA-384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'SHA-512',
}

/** "RSA-SHA256" for its URI; an unknown URI is returned as it is. */
export function xmlDsigAlgorithmName(uri: string): string {
  return ALGORITHM_NAMES[uri] ?? uri
}

/** SHA-1 signatures and digests can be forged with enough effort; Dialpad and JumpCloud both offer SHA-256. */
export function isSha1Algorithm(uri: string): boolean {
  return /(?:#|-)sha1$/i.test(uri)
}
