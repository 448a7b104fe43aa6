import { clip, inJumpCloudSsoTab } from '../consoles'
import { nearMiss } from '../nearMiss'
import type { FieldCheckContext } from './context'
import { fail, type StepOutcome, pass, warn } from '../../../../shared/checkOutcome'

export const DESTINATION_STEP = { id: 'destination', title: 'The Destination is Dialpad’s ACS URL' }

/** node-saml does not check the Response's Destination; SAML 2.0 (bindings 3.5.5.2) has the receiver check it is its own address. */
export function checkDestination({ response, expect, verification }: FieldCheckContext): StepOutcome {
  const expected = expect.acsUrl
  const fix = inJumpCloudSsoTab(`set ACS URL to ${expected} (Dialpad shows it as “SP SSO Url (ACS)”)`)
  const destination = response.destination
  if (destination === null || destination.trim() === '') {
    return warn('The Response has no Destination, so nothing on it says it is meant for Dialpad’s ACS URL (SAML 2.0 requires one only on a signed Response).', fix)
  }
  if (destination !== expected) {
    return fail(`Destination is ${clip(destination)}${nearMiss(destination, expected)}, but Dialpad’s ACS URL is ${expected}.`, fix)
  }
  const note = verification.response === 'verified' ? '' : ' (The Response element is not signed, as usual when only the assertion is; the Recipient below is the signed copy of this value.)'
  return pass(`Destination is ${expected}.${note}`)
}
