import type { ResponseFacts } from '../responseFacts'
import { CAPTURE_AGAIN, clip, DO_NOT_TRUST, inJumpCloudSsoTab } from '../consoles'
import { fail, type StepOutcome, pass } from '../../../../shared/checkOutcome'

export const ONE_ASSERTION_STEP = { id: 'one-assertion', title: 'The response holds exactly one assertion' }

const WRAPPING = 'An extra or misplaced assertion is how signature-wrapping attacks slip unsigned content next to a signed one.'

/**
 * Exactly one Assertion, directly inside the Response, counted over the whole document (as python3-saml does): the
 * signature check only means something when there is nothing else an SP could read by mistake.
 */
export function checkOneAssertion(facts: ResponseFacts): StepOutcome {
  if (facts.encryptedAssertionCount > 0) {
    return fail(
      'The assertion is encrypted, so this app cannot read or check it. Dialpad’s article lists no decryption key among its SAML settings (IdP Entity ID, IdP SSO URL, Certificate).',
      inJumpCloudSsoTab('turn off assertion encryption for the Dialpad app if it is on'),
    )
  }
  if (facts.assertionCount === 0) {
    return fail('The response holds no assertion, so there is no login in it.', `${CAPTURE_AGAIN} straight from a JumpCloud login.`)
  }
  if (facts.assertionCount > 1) {
    return fail(`The response holds ${facts.assertionCount} assertions; this check accepts exactly one, as careful SAML libraries do. ${WRAPPING}`, DO_NOT_TRUST)
  }
  if (!facts.assertion) {
    return fail(`The assertion is not directly inside the Response, where SAML puts it. ${WRAPPING}`, DO_NOT_TRUST)
  }
  if (facts.duplicates.length > 0) {
    return fail(
      `The response has more than one ${facts.duplicates.join(', more than one ')}, where the SAML schema allows one. Which one counts would depend on their order, so the response cannot be judged either way; a service provider that checks the schema refuses it.`,
      DO_NOT_TRUST,
    )
  }
  const id = facts.assertion.getAttribute('ID')
  return pass(id ? `One assertion (ID ${clip(id, 100)}).` : 'One assertion.')
}
