import { SAML, ValidateInResponseTo } from '@node-saml/node-saml'
import type { SignedElement } from '../../../shared/ssoResponse'
import { errorMessage } from '../../../shared/errorMessage'

export type SignatureState = 'verified' | 'failed' | 'absent'

export interface SignatureVerification {
  response: SignatureState
  assertion: SignatureState
  /** The assertion exactly as a verified signature covers it (canonical XML); null when no signature verified. */
  signedAssertionXml: string | null
  /** node-saml's reason, for each element whose check failed. */
  failures: Partial<Record<SignedElement, SignatureFailure>>
}

export interface SignatureFailure {
  reason: string
  /**
   * 'signature': the signature did not verify or is not where SAML allows. 'content': node-saml refused what the
   * signature covers after verifying it (a date it cannot read, two Conditions…).
   */
  kind: 'signature' | 'content'
}

/** node-saml's messages for a signature that does not verify or is misplaced; everything else is about the content. */
const SIGNATURE_MESSAGES = /signature|ref URI|Cannot obtain assertion from signed data|signed references/i

/**
 * Checks the signatures with @node-saml/node-saml against one certificate: never a key or certificate the response
 * carries (node-saml's xml-crypto ignores KeyInfo unless told otherwise, and is not told). Each element that carries a
 * signature is checked on its own, so the result says which one verified; node-saml's own defences (one assertion,
 * the signature must reference its parent, IDs must be unique) apply to every run.
 *
 * node-saml's time, audience and InResponseTo checks are switched off here: the app runs each as its own step, with
 * the admin's clock and a stated skew, so every failure names its own field.
 */
export async function verifySignatures(
  xml: string,
  certificatePem: string,
  present: Record<SignedElement, boolean>,
): Promise<SignatureVerification> {
  const result: SignatureVerification = { response: 'absent', assertion: 'absent', signedAssertionXml: null, failures: {} }
  for (const element of ['response', 'assertion'] as const) {
    if (!present[element]) continue
    const run = await verifyOne(xml, certificatePem, element)
    if (run.ok) {
      result[element] = 'verified'
      // The Response signature covers the assertion too: prefer what it vouches for.
      result.signedAssertionXml ??= run.assertionXml
    } else {
      result[element] = 'failed'
      result.failures[element] = { reason: run.reason, kind: SIGNATURE_MESSAGES.test(run.reason) ? 'signature' : 'content' }
    }
  }
  return result
}

type Run = { ok: true; assertionXml: string } | { ok: false; reason: string }

async function verifyOne(xml: string, certificatePem: string, element: SignedElement): Promise<Run> {
  const saml = new SAML({
    idpCert: certificatePem,
    // Required by the constructor; only used to build requests and metadata, which this never does.
    callbackUrl: 'https://localhost/unused',
    issuer: 'unused',
    audience: false,
    acceptedClockSkewMs: -1,
    validateInResponseTo: ValidateInResponseTo.never,
    wantAuthnResponseSigned: element === 'response',
    wantAssertionsSigned: element === 'assertion',
  })
  try {
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: Buffer.from(xml, 'utf8').toString('base64') })
    const assertionXml = profile?.getAssertionXml?.()
    if (!assertionXml) return { ok: false, reason: 'The response holds no assertion.' }
    return { ok: true, assertionXml }
  } catch (error) {
    return { ok: false, reason: errorMessage(error) }
  }
}
