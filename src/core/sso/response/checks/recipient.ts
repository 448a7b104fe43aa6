import { CAPTURE_AGAIN, clip, inJumpCloudSsoTab } from '../consoles'
import { nearMiss } from '../nearMiss'
import type { FieldCheckContext } from './context'
import { fail, type StepOutcome, pass } from '../../../../shared/checkOutcome'

export const RECIPIENT_STEP = { id: 'recipient', title: 'The Recipient is Dialpad’s ACS URL' }

/** The bearer SubjectConfirmationData's Recipient, inside the signed assertion, must be Dialpad's ACS URL. */
export function checkRecipient({ assertion, expect }: FieldCheckContext): StepOutcome {
  const expected = expect.acsUrl
  const fix = inJumpCloudSsoTab(`set ACS URL to ${expected} (Dialpad shows it as “SP SSO Url (ACS)”)`)
  const bearers = assertion.subjectConfirmations.filter((confirmation) => confirmation.bearer)
  if (bearers.length === 0) {
    return fail('The assertion has no bearer SubjectConfirmation, which a browser login needs.', `${CAPTURE_AGAIN} straight from a JumpCloud login.`)
  }
  if (bearers.some((confirmation) => confirmation.recipient === expected)) return pass(`Recipient is ${expected}.`)
  const recipient = bearers.find((confirmation) => confirmation.recipient !== null)?.recipient ?? null
  if (recipient === null) return fail('The assertion’s SubjectConfirmationData has no Recipient, so it does not say where it may be used.', fix)
  return fail(`Recipient is ${clip(recipient)}${nearMiss(recipient, expected)}, but Dialpad’s ACS URL is ${expected}.`, fix)
}
