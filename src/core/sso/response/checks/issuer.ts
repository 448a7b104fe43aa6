import { DO_NOT_TRUST, inDialpadSamlSettings, inJumpCloudSsoTab, lowerFirst, quote } from '../consoles'
import { nearMiss } from '../nearMiss'
import type { FieldCheckContext } from './context'
import { fail, type StepOutcome, pass, warn } from '../../../../shared/checkOutcome'

export const ISSUER_STEP = { id: 'issuer', title: 'The Issuer is the IdP Entity ID Dialpad expects' }

/** The assertion's Issuer must be the IdP Entity ID (Issuer) entered in Dialpad, letter for letter. */
export function checkIssuer({ response, assertion, expect }: FieldCheckContext): StepOutcome {
  const issuer = assertion.issuer
  if (issuer === null || issuer.trim() === '') {
    return fail('The assertion has no Issuer, which SAML 2.0 requires, so nothing says which IdP sent it.', inJumpCloudSsoTab('fill in IdP Entity ID (for example JumpCloud)'))
  }
  if (response.issuer !== null && response.issuer !== issuer) {
    return fail(
      `The Response says it comes from ${quote(response.issuer)} but its assertion from ${quote(issuer)}; one IdP sends both with the same Issuer.`,
      DO_NOT_TRUST,
    )
  }
  const expected = expect.idpEntityId
  if (expected === null) {
    return warn(
      `Issuer is ${quote(issuer)}. No IdP Entity ID was entered in this app, so it could not be compared with Dialpad’s.`,
      inDialpadSamlSettings(`make sure IdP Entity ID (Issuer) is ${quote(issuer)}`) + ' Enter the same value in this app.',
    )
  }
  if (issuer !== expected) {
    return fail(
      `Issuer is ${quote(issuer)}, but Dialpad’s IdP Entity ID is ${quote(expected)}${nearMiss(issuer, expected)}.`,
      `Make them the same: ${lowerFirst(inDialpadSamlSettings(`set IdP Entity ID (Issuer) to ${quote(issuer)}`))} Or, if ${quote(expected)} is the value you want, ${lowerFirst(inJumpCloudSsoTab(`set IdP Entity ID to ${quote(expected)}`))}`,
    )
  }
  return pass(`Issuer is ${quote(issuer)}, Dialpad’s IdP Entity ID.`)
}
