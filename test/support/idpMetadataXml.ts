export type SsoBinding = 'HTTP-Redirect' | 'HTTP-POST'

export interface JumpCloudMetadataOptions {
  entityId?: string
  ssoUrl?: string
  /** Base64 bodies, one KeyDescriptor each. */
  certificates: string[]
  bindings?: SsoBinding[]
  /** `md:`-prefixed elements as JumpCloud exports them (default), or the default namespace. */
  prefixed?: boolean
  /** KeyDescriptor use="signing" (default), or no use attribute. */
  use?: 'signing' | 'none'
}

export const JUMPCLOUD_SSO_URL = 'https://sso.jumpcloud.com/saml2/dialpad'

/** IdP metadata shaped like JumpCloud's Export Metadata file. */
export function jumpCloudMetadataXml(options: JumpCloudMetadataOptions): string {
  const { entityId = 'JumpCloud', ssoUrl = JUMPCLOUD_SSO_URL, certificates, bindings = ['HTTP-Redirect', 'HTTP-POST'], prefixed = true, use = 'signing' } = options
  const md = prefixed ? 'md:' : ''
  const namespace = prefixed ? 'xmlns:md' : 'xmlns'
  const useAttribute = use === 'signing' ? ' use="signing"' : ''
  const keyDescriptors = certificates.map(
    (certificate) => `    <${md}KeyDescriptor${useAttribute}>
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
        <ds:X509Data><ds:X509Certificate>${escapeXml(certificate)}</ds:X509Certificate></ds:X509Data>
      </ds:KeyInfo>
    </${md}KeyDescriptor>
`,
  )
  const services = bindings.map(
    (binding) => `    <${md}SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:${binding}" Location="${escapeXml(ssoUrl)}"/>
`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>
<${md}EntityDescriptor ${namespace}="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${escapeXml(entityId)}">
  <${md}IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
${keyDescriptors.join('')}    <${md}NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</${md}NameIDFormat>
${services.join('')}  </${md}IDPSSODescriptor>
</${md}EntityDescriptor>
`
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}
