/** What the response must say for Dialpad to accept it, from the admin's setup. */
export interface SsoResponseExpectations {
  /** Dialpad's SP Entity ID for the company domain: the Audience. */
  spEntityId: string
  /** Dialpad's ACS URL: the Destination and the Recipient. */
  acsUrl: string
  /** The company domain the users' email addresses are in. */
  companyDomain: string
  /** The IdP Entity ID entered in Dialpad (and this app); null when the admin never entered it. */
  idpEntityId: string | null
  /** The imported IdP certificate: base64 of the DER, as stored in the setup. The only key signatures are checked with. */
  idpCertificate: string
  /** The ID of the AuthnRequest this app sent (an SP-initiated login); null for IdP-initiated or pasted responses. */
  requestId: string | null
}
