import { clip, DO_NOT_TRUST } from '../consoles'
import type { FieldCheckContext } from './context'
import { fail, type StepOutcome, pass, skip } from '../../../../shared/checkOutcome'

export const IN_RESPONSE_TO_STEP = { id: 'in-response-to', title: 'The response answers this login’s request' }

const NEW_LOGIN = 'Start a new test login from this app and use the response it captures.'

/**
 * In an SP-initiated login the response must answer the request that was sent: InResponseTo on the Response and on
 * the signed SubjectConfirmationData must both be its ID. An IdP-initiated response answers no request.
 */
export function checkInResponseTo({ response, assertion, expect }: FieldCheckContext): StepOutcome {
  const values = [response.inResponseTo, ...assertion.subjectConfirmations.filter((c) => c.bearer).map((c) => c.inResponseTo)]
  // Sorted: with several confirmations, what is said never depends on their order.
  const present = [...new Set(values.filter((value): value is string => value !== null))].sort()
  if (present.length > 1) {
    return fail(`The Response and its assertion answer different requests (${present.map((value) => clip(value, 80)).join(' and ')}).`, DO_NOT_TRUST)
  }
  const answered = present[0] ?? null
  const expected = expect.requestId
  if (expected === null) {
    if (answered === null) return pass('IdP-initiated login (started in JumpCloud): the response answers no request, and none was expected.')
    return skip(`The response answers request ${clip(answered, 80)}. No request ID was given, so it was not compared; a service provider compares it with the request it sent (SAML 2.0).`)
  }
  if (answered === null) {
    return fail(
      `The response answers no request (no InResponseTo), but this login was started with request ${expected}: it comes from a login started in JumpCloud, not this one.`,
      NEW_LOGIN,
    )
  }
  if (answered !== expected) {
    return fail(`The response answers request ${clip(answered, 80)}, not this login’s request ${expected}: it belongs to another login.`, NEW_LOGIN)
  }
  return pass(`The response answers request ${expected}.`)
}
