import { defaultScimBaseUrl, type EnvironmentId } from './environments'
import { insecureUrlReason } from './loopback'
import type { ScimState } from './setupState'

/**
 * What JumpCloud's Identity Management > Base URL field gets: always Dialpad's address for the environment. A
 * test-only address the checks were pointed at is never offered to JumpCloud (JumpCloud calls Dialpad from its own
 * cloud, so no other address could work there).
 */
export function jumpCloudBaseUrl(env: EnvironmentId): string {
  return defaultScimBaseUrl(env)
}

/** Where the live SCIM checks send their requests: Dialpad's address, or one the admin set for testing only. */
export interface ScimCheckAddress {
  url: string
  /** True when it is not Dialpad's address: every place that uses it shows TEST_ONLY_ADDRESS_WARNING. */
  testOnly: boolean
}

export function scimCheckAddress(scim: Pick<ScimState, 'baseUrlMode' | 'customBaseUrl'>, env: EnvironmentId): ScimCheckAddress {
  if (scim.baseUrlMode !== 'custom') return { url: defaultScimBaseUrl(env), testOnly: false }
  return { url: scim.customBaseUrl.trim(), testOnly: true }
}

/** Said wherever checks use a custom address: in the wizard, the report and bundle summaries. */
export function testOnlyAddressWarning(url: string, env: EnvironmentId): string {
  return `For testing only: the SCIM checks use ${url || 'a custom address'} instead of Dialpad's ${defaultScimBaseUrl(env)}. JumpCloud's Base URL must still be ${jumpCloudBaseUrl(env)}.`
}

/** Why a custom address cannot be used (a plain http:// address off this computer, another scheme), or null. */
export function customAddressProblem(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const url = URL.parse(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`)
  if (!url || !url.hostname) return `"${trimmed}" is not a web address.`
  return insecureUrlReason(url)
}

/** The local part of the suggested test user: recognisable as a test account in Dialpad's user list. */
const TEST_USER_LOCAL_PART = 'jumpcloud-scim-test'

/**
 * The address for JumpCloud's Test User Email field, which the lifecycle test uses too: what the admin entered, or
 * a suggestion at the company domain (Dialpad only accepts users on the company's domains; JumpCloud's field exists
 * for such services). Without a valid company domain, the jumpcloud.com address Dialpad's article describes.
 */
export function testUserEmail(entered: string, companyDomain: string | null): string {
  if (entered.trim() !== '') return entered.trim()
  return `${TEST_USER_LOCAL_PART}@${companyDomain ?? 'jumpcloud.com'}`
}

/**
 * What to say about a Test User Email that is not at one of the company's domains (null when it is): Dialpad's
 * articles imply it takes users only on the company's domains, and JumpCloud's field exists for such services.
 * jumpcloud.com is named as the secondary domain the articles ask for.
 */
export function testUserEmailNote(email: string, companyDomains: readonly string[]): string | null {
  const at = email.lastIndexOf('@')
  if (at < 1 || at === email.length - 1) return `Enter a whole email address, like ${TEST_USER_LOCAL_PART}@${companyDomains[0] ?? 'yourcompany.com'}.`
  const domain = email.slice(at + 1).toLowerCase()
  const known = companyDomains.map((candidate) => candidate.toLowerCase())
  if (known.includes(domain)) return null
  if (domain === 'jumpcloud.com') return 'An @jumpcloud.com address works only once Dialpad Support has added jumpcloud.com as a secondary domain of your company (step “Allow jumpcloud.com as a secondary domain”).'
  const ours = known.length > 0 ? known.join(', ') : 'your company domain (step “Enable SAML in Dialpad”)'
  return `${domain} is not one of your company’s domains (${ours}). Dialpad takes users on the company’s domains: use an address at one of them, or add ${domain} under “Other email domains” if Dialpad has it as a secondary domain.`
}
