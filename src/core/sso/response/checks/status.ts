import { lastUriPart } from '../samlXml'
import type { StatusFacts } from '../responseFacts'
import { CAPTURE_AGAIN, inJumpCloudSsoTab, quote } from '../consoles'
import { fail, type StepOutcome, pass } from '../../../../shared/checkOutcome'

export const STATUS_STEP = { id: 'status', title: 'JumpCloud reported a successful login' }

const USER_ACCESS_FIX =
  'In JumpCloud, check that this user can sign in and is in a User Group that has the Dialpad app (User Groups > the group > Applications tab), then sign in again.'

/** Nested status codes IdPs use, with what the admin can do about each. */
const FIX_BY_SUB_CODE: Record<string, string> = {
  AuthnFailed: USER_ACCESS_FIX,
  RequestDenied: USER_ACCESS_FIX,
  UnknownPrincipal: USER_ACCESS_FIX,
  InvalidNameIDPolicy: inJumpCloudSsoTab('check SAMLSubject NameID (email) and SAMLSubject NameID Format, which must give a NameID in the format the request asks for'),
  NoPassive: `${CAPTURE_AGAIN}, and sign in to JumpCloud when it asks.`,
}

/** The response says whether JumpCloud logged the user in; anything but Success carries JumpCloud's reason. */
export function checkStatus(status: StatusFacts): StepOutcome {
  if (status.code === null) {
    return fail('The response has no StatusCode, so it does not say whether the login worked.', `${CAPTURE_AGAIN} straight from a JumpCloud login.`)
  }
  const code = lastUriPart(status.code)
  if (code === 'Success') return pass('Status is Success.')
  const subCode = status.subCode ? lastUriPart(status.subCode) : null
  const reason = [quote(code), subCode ? quote(subCode) : null].filter(Boolean).join(' / ')
  const message = status.message ? ` with the message ${quote(status.message, 500)}` : ' with no message'
  const fix =
    (subCode ? FIX_BY_SUB_CODE[subCode] : undefined) ??
    (code === 'Requester' ? inJumpCloudSsoTab('check that SP Entity ID and ACS URL are exactly Dialpad’s values') : USER_ACCESS_FIX)
  return fail(`JumpCloud did not log the user in: it answered ${reason}${message}.`, fix)
}
