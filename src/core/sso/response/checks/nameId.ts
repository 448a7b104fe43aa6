import { inJumpCloudSsoTab, quote } from '../consoles'
import { emailDomain, isEmailAddress } from '../emailAddress'
import { lastUriPart } from '../samlXml'
import type { FieldCheckContext } from './context'
import { fail, type Outcome, pass } from './outcome'

export const NAME_ID_STEP = { id: 'name-id', title: 'The NameID is the user’s email address' }

const FIX = inJumpCloudSsoTab('set SAMLSubject NameID to email')

/** Dialpad identifies the user by the NameID, which JumpCloud's SAMLSubject NameID field fills (email by default). */
export function checkNameId({ assertion, expect }: FieldCheckContext): Outcome {
  if (assertion.encryptedNameId) {
    return fail('The NameID is encrypted; Dialpad’s SAML settings take no decryption key, so Dialpad cannot read it.', inJumpCloudSsoTab('turn off NameID encryption if it is on'))
  }
  const value = assertion.nameId?.value.trim() ?? ''
  if (value === '') return fail('The assertion has no NameID, so Dialpad cannot tell who signed in.', FIX)
  const format = assertion.nameId?.format ? ` (format ${lastUriPart(assertion.nameId.format)})` : ''
  if (!isEmailAddress(value)) {
    return fail(`NameID is ${quote(value)}${format}, not an email address; Dialpad finds the user by email.`, FIX)
  }
  const domain = emailDomain(value)
  const elsewhere = domain === expect.companyDomain.toLowerCase() ? '' : ` Its domain is ${domain}, not ${expect.companyDomain}: Dialpad must know this address as one of your users.`
  return pass(`NameID is ${value}${format}.${elsewhere}`)
}
