import { clip, inJumpCloudSsoTab, lowerFirst, quote } from '../consoles'
import { emailDomain, isEmailAddress } from '../emailAddress'
import { companyDomainsOf, domainList } from '../expectations'
import { lastUriPart } from '../samlXml'
import type { FieldCheckContext } from './context'
import { fail, type StepOutcome, pass, warn } from '../../../../shared/checkOutcome'

/**
 * Informational: Dialpad's articles only ask for the email attribute; whether Dialpad also reads the NameID is not
 * documented (docs/service-facts.md), so a NameID problem is a warning, never a failure.
 */
export const NAME_ID_STEP = { id: 'name-id', title: 'The NameID is the user’s email address', decisive: false }

const FIX = inJumpCloudSsoTab('set SAMLSubject NameID to email')

/** JumpCloud's SAMLSubject NameID field fills the NameID (email by default); any of the company's domains is fine. */
export function checkNameId({ assertion, expect }: FieldCheckContext): StepOutcome {
  if (assertion.encryptedNameId) {
    return fail('The NameID is encrypted, so this app cannot read it; Dialpad’s article lists no decryption key among its SAML settings.', inJumpCloudSsoTab('turn off NameID encryption if it is on'))
  }
  const value = assertion.nameId?.value.trim() ?? ''
  if (value === '') return fail('The assertion has no NameID, so nothing but the email attribute says who signed in.', FIX)
  const format = assertion.nameId?.format ? ` (format ${lastUriPart(assertion.nameId.format)})` : ''
  if (!isEmailAddress(value)) {
    return fail(`NameID is ${quote(value)}${format}, not an email address. JumpCloud’s SAMLSubject NameID is the user’s email unless changed.`, FIX)
  }
  const domains = companyDomainsOf(expect)
  const domain = emailDomain(value)
  if (!domains.includes(domain)) {
    return warn(
      `NameID is ${clip(value)}${format}; its domain ${clip(domain, 120)} is not one of your company’s domains (${domainList(domains)}).`,
      `If ${clip(domain, 120)} is one of your company’s domains in Dialpad, add it to the company’s other email domains in this app; otherwise ${lowerFirst(FIX)}`,
    )
  }
  return pass(`NameID is ${value}${format}, in ${domain}.`)
}
