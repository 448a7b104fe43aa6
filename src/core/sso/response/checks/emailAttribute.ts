import { listSome } from '../../../../shared/listSome'
import { plural } from '../../../../shared/plural'
import { clip, inJumpCloudSsoTab, quote } from '../consoles'
import { emailDomain, isEmailAddress } from '../emailAddress'
import type { AttributeFacts } from '../assertionFacts'
import { companyDomainsOf, domainList } from '../expectations'
import type { FieldCheckContext } from './context'
import { fail, type StepOutcome, pass, warn } from '../../../../shared/checkOutcome'

export const EMAIL_ATTRIBUTE_STEP = { id: 'email-attribute', title: 'The email attribute is an address in your company’s domains' }

const MAPPING_FIX = inJumpCloudSsoTab('in Attributes, map the Service Provider Attribute Name email to the JumpCloud Attribute Name email')
/** Names other IdP setups give the email attribute: close enough to point at, not what Dialpad reads. */
const LOOK_ALIKES = [/^e-?mail$/i, /^mail$/i, /emailaddress$/i, /^user\.email$/i, /^urn:oid:0\.9\.2342\.19200300\.100\.1\.3$/]

/**
 * Dialpad's article maps the attribute named exactly "email" (JumpCloud's default mapping). Every value it carries is checked,
 * in any order: each must be an address in one of the company's domains (the primary one or another it uses).
 */
export function checkEmailAttribute({ assertion, expect }: FieldCheckContext): StepOutcome {
  const email = assertion.attributes.filter((attribute) => attribute.name === 'email')
  if (email.length === 0) return missing(assertion.attributes, assertion.encryptedAttributeCount)
  const values = [...new Set(email.flatMap((attribute) => attribute.values.map((value) => value.trim())).filter((value) => value !== ''))]
  if (values.length === 0) return fail('The email attribute is empty.', `${MAPPING_FIX} Check that the user has an email address in JumpCloud.`)
  const notAddresses = values.filter((value) => !isEmailAddress(value))
  if (notAddresses.length > 0) {
    const which = values.length === 1 ? 'The email attribute is' : `One of the ${values.length} email attribute values is`
    return fail(`${which} ${quote(notAddresses[0])}, not an email address.`, MAPPING_FIX)
  }
  const domains = companyDomainsOf(expect)
  const foreign = values.filter((value) => !domains.includes(emailDomain(value)))
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).map((value) => `${clip(value, 120)} (domain ${clip(emailDomain(value), 120)})`)
    const which = values.length === 1 ? `The email attribute is ${shown[0]}` : `${foreign.length} of the ${values.length} email attribute values are outside them: ${shown.join(', ')}`
    return fail(
      `${which}; your company’s domains are ${domainList(domains)}${values.length === 1 ? ', and it is not one of them' : ''}.`,
      `Sign in with a user whose email address is in ${domainList(domains)}, or in JumpCloud (Users > this user) set Company Email to their company address. If ${clip(emailDomain(foreign[0]), 120)} is one of your company’s domains in Dialpad, add it to the company’s other email domains in this app.`,
    )
  }
  if (values.length > 1) {
    return warn(`The email attribute has ${values.length} values (${values.slice(0, 3).map((value) => clip(value, 80)).join(', ')}), all in your company’s domains; which one Dialpad uses is not documented.`, MAPPING_FIX)
  }
  return pass(`The email attribute is ${values[0]}, in ${emailDomain(values[0])}.`)
}

function missing(attributes: AttributeFacts[], encrypted: number): StepOutcome {
  const lookAlike = attributes.find((attribute) => LOOK_ALIKES.some((pattern) => pattern.test(attribute.name)))
  const found = lookAlike
    ? ` It has ${quote(lookAlike.name, 120)} instead; Dialpad’s article maps the attribute named email, in lower case.`
    : attributes.length > 0
      ? ` It has ${listSome(attributes.map((attribute) => attribute.name), (name) => quote(name, 80), 8)}.`
      : ' It has no attributes at all.'
  const hidden = encrypted > 0 ? ` ${plural(encrypted, 'encrypted attribute')} could not be read.` : ''
  return fail(`The assertion has no attribute named email.${found}${hidden}`, MAPPING_FIX)
}
