import { clip } from '../consoles'
import type { ReplayGuard } from '../replayGuard'
import type { FieldCheckContext } from './context'
import { fail, type StepOutcome, pass, skip } from '../../../../shared/checkOutcome'

export const REPLAY_STEP = { id: 'replay', title: 'The response was not used before' }

const REPLAYED_FIX =
  'A SAML response is accepted once. Sign in again for a fresh one; if nobody submitted this response twice, someone may have copied it and sent it again.'

/**
 * With a guard (live test logins), a request is answered once and an assertion used once. Without one (a pasted
 * response, which support staff may check several times), nothing is remembered.
 */
export function checkReplay(context: FieldCheckContext, guard: ReplayGuard | undefined): StepOutcome {
  if (!guard) return skip('Not checked for a pasted response: the app remembers responses only during a live test login.')
  const { assertion, response, now } = context
  // Prefer the signed copy of InResponseTo (the SubjectConfirmationData's) to the Response's, which may be unsigned.
  const signedAnswer = assertion.subjectConfirmations.find((confirmation) => confirmation.bearer && confirmation.inResponseTo)?.inResponseTo ?? null
  const requestId = context.expect.requestId ?? signedAnswer ?? response.inResponseTo
  if (requestId !== null && !guard.answerRequest(requestId, now)) {
    return fail(`Request ${clip(requestId, 80)} was already answered by an earlier response: this one is a replay.`, REPLAYED_FIX)
  }
  if (assertion.id === null || assertion.id === '') {
    return fail('The assertion has no ID, so its use cannot be recorded and it could be replayed.', 'Sign in again to capture a fresh response straight from a JumpCloud login.')
  }
  const until = assertion.conditions.notOnOrAfter ? new Date(assertion.conditions.notOnOrAfter) : null
  if (!guard.seeAssertion(assertion.id, until && !Number.isNaN(until.getTime()) ? until : null, now)) {
    return fail(`Assertion ${clip(assertion.id, 80)} was already used: this response is a replay.`, REPLAYED_FIX)
  }
  return pass(requestId ? `First use of request ${clip(requestId, 80)} and assertion ${clip(assertion.id, 80)}.` : `First use of assertion ${clip(assertion.id, 80)}.`)
}
