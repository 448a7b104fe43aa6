import type { AssertionFacts } from '../assertionFacts'
import type { SsoResponseExpectations } from '../expectations'
import type { ResponseFacts } from '../responseFacts'
import type { SignatureVerification } from '../signatureVerification'

/** What the field checks read: the assertion is always the signed one (a signature verified before they run). */
export interface FieldCheckContext {
  response: ResponseFacts
  assertion: AssertionFacts
  expect: SsoResponseExpectations
  verification: SignatureVerification
  now: Date
}
