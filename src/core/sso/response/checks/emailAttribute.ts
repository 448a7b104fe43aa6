import { clip, inJumpCloudSsoTab, quote } from '../consoles'
import { emailDomain, isEmailAddress } from '../emailAddress'
import type { AttributeFacts } from '../assertionFacts'
import type { FieldCheckContext } from './context'
import { fail, type Outcome, pass, warn } from './outcome'

export const EMAIL_ATTRIBUTE_STEP = { id: 'email-attribute', title: 'The email attribute is an address in your company domain' }

const MAPPING_FIX = inJumpCloudSsoTab('in Attributes, map the Service Provider Attribute Name email to the JumpCloud Attribute Name email')
/** Names other IdP setups give the email attribute: close enough to point at, not what Dialpad reads. */
const LOOK_ALIKES = [/^e-?mail$/i, /^mail$/i, /emailaddress$/i, /^user\.email$/i, /^urn:oid:0\.9\.2342\.19200300\.100\.1\.3$/]

/** Dialpad reads the attribute named exactly "email" (JumpCloud's default mapping); its domain must be the company's. */
export function checkEmailAttribute({ assertion, expect }: FieldCheckContext): Outcome {
  const email = assertion.attributes.filter((attribute) => attribute.name === 'email')
  if (email.length === 0) return missing(assertion.attributes, assertion.encryptedAttributeCount)
  const values = [...new Set(email.flatMap((attribute) => attribute.values.map((value) => value.trim())).filter((value) => value !== ''))]
  if (values.length === 0) return fail('The email attribute is empty.', `${MAPPING_FIX} Check that the user has an email address in JumpCloud.`)
  const [address] = values
  if (!isEmailAddress(address)) return fail(`The email attribute is ${quote(address)}, not an email address.`, MAPPING_FIX)
  const domain = emailDomain(address)
  const company = expect.companyDomain.toLowerCase()
  if (domain !== company) {
    return fail(
      `The email attribute is ${clip(address)}; its domain ${domain} is not your company domain ${expect.companyDomain}.`,
      `Sign in with a user whose email address is at ${expect.companyDomain}, or in JumpCloud (Users > this user) set Company Email to their ${expect.companyDomain} address.`,
    )
  }
  if (values.length > 1) {
    return warn(`The email attribute has ${values.length} values (${values.slice(0, 3).map((value) => clip(value, 80)).join(', ')}); Dialpad uses one.`, MAPPING_FIX)
  }
  return pass(`The email attribute is ${address}, in ${expect.companyDomain}.`)
}

function missing(attributes: AttributeFacts[], encrypted: number): Outcome {
  const lookAlike = attributes.find((attribute) => LOOK_ALIKES.some((pattern) => pattern.test(attribute.name)))
  const names = attributes.slice(0, 8).map((attribute) => quote(attribute.name, 80))
  const found = lookAlike
    ? ` It has ${quote(lookAlike.name, 120)} instead; Dialpad reads only the name email, in lower case.`
    : attributes.length > 0
      ? ` It has ${names.join(', ')}${attributes.length > names.length ? ` and ${attributes.length - names.length} more` : ''}.`
      : ' It has no attributes at all.'
  const hidden = encrypted > 0 ? ` ${encrypted} encrypted attribute${encrypted === 1 ? '' : 's'} could not be read.` : ''
  return fail(`The assertion has no attribute named email.${found}${hidden}`, MAPPING_FIX)
}
