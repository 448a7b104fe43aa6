/** What the response must say for Dialpad to accept it, from the admin's setup. */
export interface SsoResponseExpectations {
  /** Dialpad's SP Entity ID for the company domain: the Audience. */
  spEntityId: string
  /** Dialpad's ACS URL: the Destination and the Recipient. */
  acsUrl: string
  /** The company domain the users' email addresses are in (the one Dialpad's SAML URLs are made from). */
  companyDomain: string
  /** The company's other email domains (a Dialpad company can have secondary domains); addresses there are accepted too. */
  otherEmailDomains?: readonly string[]
  /** The IdP Entity ID entered in Dialpad (and this app); null when the admin never entered it. */
  idpEntityId: string | null
  /** The imported IdP certificate: base64 of the DER, as stored in the setup. The only key signatures are checked with. */
  idpCertificate: string
  /** The ID of the AuthnRequest this app sent (an SP-initiated login); null for IdP-initiated or pasted responses. */
  requestId: string | null
}

/** Every domain the company's email addresses may be in, lower-cased, the primary one first. */
export function companyDomainsOf(expect: Pick<SsoResponseExpectations, 'companyDomain' | 'otherEmailDomains'>): string[] {
  return [...new Set([expect.companyDomain, ...(expect.otherEmailDomains ?? [])].map((domain) => domain.trim().toLowerCase()).filter((domain) => domain !== ''))]
}

/** "example.com" or "example.com, example.org or example.net", for messages. */
export function domainList(domains: readonly string[]): string {
  return domains.length <= 1 ? (domains[0] ?? '') : `${domains.slice(0, -1).join(', ')} or ${domains[domains.length - 1]}`
}
