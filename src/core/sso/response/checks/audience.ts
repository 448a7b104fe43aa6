import { clip, inJumpCloudSsoTab } from '../consoles'
import { nearMiss } from '../nearMiss'
import type { FieldCheckContext } from './context'
import { fail, type StepOutcome, pass } from '../../../../shared/checkOutcome'

export const AUDIENCE_STEP = { id: 'audience', title: 'The Audience is Dialpad’s SP Entity ID' }

/** Every AudienceRestriction must name Dialpad's SP Entity ID: JumpCloud puts its SP Entity ID field there. */
export function checkAudience({ assertion, expect }: FieldCheckContext): StepOutcome {
  const expected = expect.spEntityId
  const fix = inJumpCloudSsoTab(`set SP Entity ID to ${expected}`)
  const restrictions = assertion.conditions.audienceRestrictions.filter((audiences) => audiences.length > 0)
  if (restrictions.length === 0) {
    return fail('The assertion names no Audience, so nothing says it is meant for Dialpad.', fix)
  }
  const missing = restrictions.find((audiences) => !audiences.includes(expected))
  if (missing) {
    const shown = missing.slice(0, 3).map((audience) => clip(audience)).join(', ')
    return fail(`Audience is ${shown}${nearMiss(missing[0], expected)}, not Dialpad’s SP Entity ID ${expected}.`, fix)
  }
  return pass(`Audience is ${expected}.`)
}
