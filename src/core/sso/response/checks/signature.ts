import type { SignedElement } from '../../../../shared/ssoResponse'
import { CAPTURE_AGAIN, DIALPAD_SAML_SETTINGS, DO_NOT_TRUST, inJumpCloudSsoTab } from '../consoles'
import { type TrustedCertificate, trustedCertificate } from '../idpCertificate'
import type { ResponseFacts, SignatureFacts } from '../responseFacts'
import type { SignatureVerification } from '../signatureVerification'
import { fail, type StepOutcome, pass } from '../../../../shared/checkOutcome'

export const SIGNATURE_STEP = { id: 'signature', title: 'The response is signed with the imported IdP certificate' }

/** Checks the signatures of a response with another certificate; used only to explain a failure. */
export type VerifyWith = (certificatePem: string) => Promise<SignatureVerification>

const NAME: Record<SignedElement, string> = { response: 'Response', assertion: 'Assertion' }
const REIMPORT_CERTIFICATE = `The certificate Dialpad checks with is not the one JumpCloud signs with: in JumpCloud, open the Dialpad app’s SSO tab and download the IDP Certificate again, import it here, and paste it into Certificate in ${DIALPAD_SAML_SETTINGS}, then Save. If JumpCloud’s certificate is the one you imported, JumpCloud did not sign this response: do not trust it.`
/** node-saml's refusals that mean the signature is not where or what SAML allows: the shapes wrapping attacks take. */
const WRAPPING_REASONS = [/ID cannot refer to more than one element/i, /does not refer to it'?s parent/i, /Too many signatures/i, /too many transforms/i, /multiple assertions/i, /reference uri/i, /Only 1 signed references/i]

/** The certificate the setup holds could not be read: nothing can be verified until it is imported again. */
export function unreadableCertificate(): StepOutcome {
  return fail(
    'The IdP certificate saved in this setup cannot be read, so no signature can be checked.',
    'Import the IDP Certificate again: in JumpCloud, open the Dialpad app’s SSO tab and download IDP Certificate, then import that file here.',
  )
}

/**
 * Explains the result of the signature check: which element verified, or exactly why not (unsigned, a signature
 * moved elsewhere, signed by another certificate, content changed after signing, wrapping).
 */
export async function checkSignature(
  facts: ResponseFacts,
  verification: SignatureVerification,
  trusted: TrustedCertificate,
  verifyWith: VerifyWith,
): Promise<StepOutcome> {
  if (facts.signatures.length === 0) return unsigned(facts)
  const failed = facts.signatures.filter((signature) => verification[signature.element] === 'failed')
  if (failed.length === 0) {
    return pass(`${describeSigned(verification)}; verified with the imported certificate (${trusted.subject}, SHA-256 ${trusted.sha256}).`)
  }
  const verifiedToo = facts.signatures.find((signature) => verification[signature.element] === 'verified')
  const alsoNote = verifiedToo ? ` The ${NAME[verifiedToo.element]} signature did verify, but a broken signature anywhere means the response was tampered with.` : ''
  const first = failed[0]
  const failure = verification.failures[first.element]
  const reason = failure?.reason ?? ''
  if (failure?.kind === 'content') {
    return fail(
      `The SAML library (node-saml) could not process the signed ${NAME[first.element]}: ${reason}.${alsoNote}`,
      `${CAPTURE_AGAIN} straight from a JumpCloud login; if a fresh one is refused the same way, send these details to support.`,
    )
  }
  if (WRAPPING_REASONS.some((pattern) => pattern.test(reason))) {
    return fail(`The ${NAME[first.element]} signature is not arranged the way SAML requires (${reason}). This is what a signature-wrapping attack looks like.${alsoNote}`, DO_NOT_TRUST)
  }
  const other = await signedByAnotherCertificate(first, trusted, verifyWith)
  if (other) {
    return fail(
      `The ${NAME[first.element]} is signed with a different certificate (${other.subject}, SHA-256 ${other.sha256}) than the one imported for Dialpad (${trusted.subject}, SHA-256 ${trusted.sha256}).${alsoNote}`,
      REIMPORT_CERTIFICATE,
    )
  }
  const carriesTrusted = first.embeddedCertificates.some((body) => trustedCertificate(body)?.der.equals(trusted.der))
  const cause = carriesTrusted
    ? `something in the ${NAME[first.element]} was changed after it was signed`
    : `something in the ${NAME[first.element]} was changed after it was signed, or it was signed with a key other than the imported certificate’s`
  return fail(
    `The ${NAME[first.element]} signature does not verify with the imported certificate (${trusted.subject}, SHA-256 ${trusted.sha256}): ${cause}.${alsoNote}`,
    `${DO_NOT_TRUST} If a fresh response fails the same way, download the IDP Certificate from the Dialpad app’s SSO tab in JumpCloud again and import it.`,
  )
}

function unsigned(facts: ResponseFacts): StepOutcome {
  if (facts.misplacedSignatures > 0) {
    return fail(
      'Neither the Response nor its Assertion is signed, yet the document holds a signature somewhere else: a signed assertion was moved aside and an unsigned one put in its place (signature wrapping).',
      DO_NOT_TRUST,
    )
  }
  return fail(
    'The response is not signed: neither the Response nor the Assertion carries a signature, so anyone could have written it. SAML 2.0 requires a signed assertion or Response for a browser login.',
    inJumpCloudSsoTab('make sure the assertion or the response is signed') + ' If this response did not come straight from JumpCloud, do not trust it.',
  )
}

function describeSigned(verification: SignatureVerification): string {
  if (verification.response === 'verified' && verification.assertion === 'verified') return 'Both the Response and the Assertion are signed'
  return verification.response === 'verified' ? 'The Response is signed (covering the assertion)' : 'The Assertion is signed'
}

/**
 * When the signature carries a certificate other than the imported one and verifies with it, the response is intact
 * but signed by someone else: a rotated JumpCloud certificate, or a forgery. The carried certificate is only ever
 * used to tell these apart from tampering, never to accept anything.
 */
async function signedByAnotherCertificate(signature: SignatureFacts, trusted: TrustedCertificate, verifyWith: VerifyWith) {
  for (const body of signature.embeddedCertificates) {
    const carried = trustedCertificate(body)
    if (!carried || carried.der.equals(trusted.der)) continue
    if ((await verifyWith(carried.pem))[signature.element] === 'verified') return carried
  }
  return null
}
