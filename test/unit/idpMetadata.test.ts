import { describe, expect, it } from 'vitest'
import { MAX_METADATA_BYTES, MetadataRefusedError, parseIdpMetadata, type MetadataRefusalReason } from '../../src/core/saml/idpMetadata'
import { UserFacingError } from '../../src/core/userFacingError'
import { XmlRefusedError } from '../../src/core/xml/safeXml'
import { JUMPCLOUD_SSO_URL, jumpCloudMetadataXml } from '../support/idpMetadataXml'

const CERT_A = 'MIIBszCCAVmgAwIBAgIUQUFBQQ=='
const CERT_B = 'MIIBszCCAVmgAwIBAgIUQkJCQg=='
const MD = 'xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"'
const DS = 'xmlns:ds="http://www.w3.org/2000/09/xmldsig#"'
const EXPORT_AGAIN = 'In JumpCloud, open the Dialpad app > SSO tab and use Export Metadata.'
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect'
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST'

function refusal(xml: string, reason: MetadataRefusalReason): MetadataRefusedError {
  try {
    parseIdpMetadata(xml)
  } catch (error) {
    expect(error).toBeInstanceOf(MetadataRefusedError)
    expect(error).toBeInstanceOf(UserFacingError)
    expect((error as MetadataRefusedError).reason).toBe(reason)
    return error as MetadataRefusedError
  }
  throw new Error('expected the metadata to be refused')
}

function keyDescriptor(certificate: string, use?: string): string {
  return `<md:KeyDescriptor${use ? ` use="${use}"` : ''}><ds:KeyInfo ${DS}><ds:X509Data><ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`
}

function ssoService(binding: string, location = JUMPCLOUD_SSO_URL): string {
  return `<md:SingleSignOnService Binding="${binding}" Location="${location}"/>`
}

function idpEntity(entityId: string, inner = keyDescriptor(CERT_A, 'signing') + ssoService(REDIRECT)): string {
  return `<md:EntityDescriptor entityID="${entityId}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${inner}</md:IDPSSODescriptor></md:EntityDescriptor>`
}

function metadata(inner: string, entityAttributes = 'entityID="JumpCloud"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<md:EntityDescriptor ${MD} ${entityAttributes}><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${inner}</md:IDPSSODescriptor></md:EntityDescriptor>`
}

describe('parseIdpMetadata: JumpCloud exports', () => {
  it('reads md:-prefixed metadata and prefers the HTTP-Redirect service', () => {
    expect(parseIdpMetadata(jumpCloudMetadataXml({ certificates: [CERT_A] }))).toEqual({
      entityId: 'JumpCloud',
      ssoUrl: JUMPCLOUD_SSO_URL,
      ssoBinding: 'HTTP-Redirect',
      ssoServices: [
        { binding: 'HTTP-Redirect', location: JUMPCLOUD_SSO_URL },
        { binding: 'HTTP-POST', location: JUMPCLOUD_SSO_URL },
      ],
      signingCertificates: [CERT_A],
      validUntil: null,
    })
  })

  it('reads metadata in the default namespace', () => {
    const parsed = parseIdpMetadata(jumpCloudMetadataXml({ certificates: [CERT_A], prefixed: false, entityId: 'https://sso.jumpcloud.com/saml2/dialpad-acme' }))
    expect(parsed.entityId).toBe('https://sso.jumpcloud.com/saml2/dialpad-acme')
    expect(parsed.ssoBinding).toBe('HTTP-Redirect')
    expect(parsed.signingCertificates).toEqual([CERT_A])
  })

  it('prefers HTTP-Redirect even when HTTP-POST comes first', () => {
    const parsed = parseIdpMetadata(metadata(keyDescriptor(CERT_A) + ssoService(POST, 'https://post.example/sso') + ssoService(REDIRECT, 'https://redirect.example/sso')))
    expect(parsed.ssoUrl).toBe('https://redirect.example/sso')
    expect(parsed.ssoServices.map((service) => service.binding)).toEqual(['HTTP-POST', 'HTTP-Redirect'])
  })

  it('accepts HTTP-POST alone', () => {
    const parsed = parseIdpMetadata(jumpCloudMetadataXml({ certificates: [CERT_A], bindings: ['HTTP-POST'], ssoUrl: 'https://sso.jumpcloud.com/saml2/post' }))
    expect(parsed).toMatchObject({ ssoUrl: 'https://sso.jumpcloud.com/saml2/post', ssoBinding: 'HTTP-POST', ssoServices: [{ binding: 'HTTP-POST', location: 'https://sso.jumpcloud.com/saml2/post' }] })
  })

  it('skips unsupported bindings next to supported ones', () => {
    const parsed = parseIdpMetadata(metadata(keyDescriptor(CERT_A) + ssoService('urn:oasis:names:tc:SAML:2.0:bindings:SOAP') + ssoService(POST)))
    expect(parsed.ssoServices).toEqual([{ binding: 'HTTP-POST', location: JUMPCLOUD_SSO_URL }])
  })

  it('keeps the entityID exactly as written', () => {
    expect(parseIdpMetadata(jumpCloudMetadataXml({ certificates: [CERT_A], entityId: ' JumpCloud-Acme ' })).entityId).toBe(' JumpCloud-Acme ')
  })

  it('reads validUntil as written', () => {
    const parsed = parseIdpMetadata(metadata(keyDescriptor(CERT_A) + ssoService(REDIRECT), 'entityID="JumpCloud" validUntil="2035-01-01T00:00:00Z"'))
    expect(parsed.validUntil).toBe('2035-01-01T00:00:00Z')
  })

  it('strips a BOM and accepts the size limit exactly', () => {
    expect(MAX_METADATA_BYTES).toBe(256 * 1024)
    const xml = jumpCloudMetadataXml({ certificates: [CERT_A] })
    // 10 bytes of comment markup and 3 of BOM around the padding.
    const padded = xml.replace('<md:IDPSSODescriptor', `<!--${' '.repeat(MAX_METADATA_BYTES - xml.length - 10 - 3)}-->\n  <md:IDPSSODescriptor`)
    expect(Buffer.byteLength(`\uFEFF${padded}`)).toBe(MAX_METADATA_BYTES)
    expect(parseIdpMetadata(`\uFEFF${padded}`).entityId).toBe('JumpCloud')
  })
})

describe('parseIdpMetadata: signing certificates', () => {
  it('returns two signing certificates in document order', () => {
    expect(parseIdpMetadata(jumpCloudMetadataXml({ certificates: [CERT_B, CERT_A] })).signingCertificates).toEqual([CERT_B, CERT_A])
  })

  it('accepts a KeyDescriptor without a use attribute', () => {
    expect(parseIdpMetadata(jumpCloudMetadataXml({ certificates: [CERT_A], use: 'none' })).signingCertificates).toEqual([CERT_A])
  })

  it('ignores encryption certificates', () => {
    const parsed = parseIdpMetadata(metadata(keyDescriptor(CERT_B, 'encryption') + keyDescriptor(CERT_A, 'signing') + ssoService(REDIRECT)))
    expect(parsed.signingCertificates).toEqual([CERT_A])
  })

  it('removes duplicates', () => {
    const parsed = parseIdpMetadata(metadata(keyDescriptor(CERT_A) + keyDescriptor(CERT_B, 'signing') + keyDescriptor(CERT_A, 'signing') + ssoService(REDIRECT)))
    expect(parsed.signingCertificates).toEqual([CERT_A, CERT_B])
  })

  it('removes whitespace and line breaks inside X509Certificate, and dedupes after that', () => {
    const wrapped = `\n        ${CERT_A.slice(0, 10)}\r\n\t${CERT_A.slice(10, 20)}&#13;\n ${CERT_A.slice(20)}\n      `
    const parsed = parseIdpMetadata(metadata(keyDescriptor(wrapped, 'signing') + keyDescriptor(CERT_A, 'signing') + ssoService(REDIRECT)))
    expect(parsed.signingCertificates).toEqual([CERT_A])
  })

  it('does not take the certificate of the metadata signature for a signing key', () => {
    const signature = `<ds:Signature ${DS}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${CERT_B}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>`
    const xml = `<md:EntityDescriptor ${MD} entityID="JumpCloud">${signature}<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keyDescriptor(CERT_A)}${ssoService(REDIRECT)}</md:IDPSSODescriptor></md:EntityDescriptor>`
    expect(parseIdpMetadata(xml).signingCertificates).toEqual([CERT_A])
  })

  it('refuses metadata without a signing certificate', () => {
    expect(refusal(jumpCloudMetadataXml({ certificates: [] }), 'no-signing-certificate').message).toBe(
      `The metadata file has no signing certificate, so Dialpad could not check JumpCloud's logins. ${EXPORT_AGAIN}`,
    )
  })

  it('refuses metadata with only an encryption certificate, and says so', () => {
    expect(refusal(metadata(keyDescriptor(CERT_A, 'encryption') + ssoService(REDIRECT)), 'no-signing-certificate').message).toBe(
      `The metadata file has no signing certificate (it only has an encryption certificate), so Dialpad could not check JumpCloud's logins. ${EXPORT_AGAIN}`,
    )
  })
})

describe('parseIdpMetadata: EntitiesDescriptor', () => {
  const SP_ENTITY = '<md:EntityDescriptor entityID="https://dialpad.com/api/saml/metadata/custom/acme.com"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>'

  it('reads the one IdP among other entities', () => {
    const xml = `<md:EntitiesDescriptor ${MD} validUntil="2030-06-01T00:00:00Z">${SP_ENTITY}${idpEntity('JumpCloud-Acme')}</md:EntitiesDescriptor>`
    expect(parseIdpMetadata(xml)).toMatchObject({ entityId: 'JumpCloud-Acme', signingCertificates: [CERT_A], validUntil: '2030-06-01T00:00:00Z' })
  })

  it('refuses several IdPs and lists their entityIDs', () => {
    const xml = `<md:EntitiesDescriptor ${MD}>${idpEntity('JumpCloud-Acme')}${SP_ENTITY}${idpEntity('https://idp.other.example/saml')}</md:EntitiesDescriptor>`
    expect(refusal(xml, 'several-idps').message).toBe(
      `The metadata file describes 2 identity providers ("JumpCloud-Acme", "https://idp.other.example/saml"), and the app needs exactly one. ${EXPORT_AGAIN} That file describes only the IdP for Dialpad.`,
    )
  })

  it('keeps the list short when there are many IdPs', () => {
    const xml = `<md:EntitiesDescriptor ${MD}>${Array.from({ length: 8 }, (_, i) => idpEntity(`idp-${i}`)).join('')}</md:EntitiesDescriptor>`
    expect(refusal(xml, 'several-idps').message).toContain('("idp-0", "idp-1", "idp-2", "idp-3", "idp-4" and 3 more)')
  })

  it('refuses an EntitiesDescriptor with only SP metadata', () => {
    expect(refusal(`<md:EntitiesDescriptor ${MD}>${SP_ENTITY}</md:EntitiesDescriptor>`, 'sp-metadata').message).toBe(
      `This is Service Provider metadata (for example Dialpad's own), not JumpCloud's. ${EXPORT_AGAIN}`,
    )
  })
})

describe('parseIdpMetadata: refusals', () => {
  it("refuses SP metadata such as Dialpad's own", () => {
    const sp = `<?xml version="1.0"?>\n<md:EntityDescriptor ${MD} entityID="https://dialpad.com/api/saml/metadata/custom/acme.com"><md:SPSSODescriptor AuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:AssertionConsumerService Binding="${POST}" Location="https://dialpad.com/saml/sso/custom/acme.com" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>`
    expect(refusal(sp, 'sp-metadata').message).toBe(`This is Service Provider metadata (for example Dialpad's own), not JumpCloud's. ${EXPORT_AGAIN}`)
  })

  it('refuses an EntityDescriptor with no role at all', () => {
    expect(refusal(`<md:EntityDescriptor ${MD} entityID="x"/>`, 'no-idp').message).toBe(
      `The metadata file is SAML metadata but describes no identity provider (no IDPSSODescriptor). ${EXPORT_AGAIN}`,
    )
  })

  it('refuses an HTML page', () => {
    const error = refusal('<!DOCTYPE html>\n<html><head><title>JumpCloud</title></head><body>Sign in</body></html>', 'not-xml')
    expect(error.message).toBe('The metadata file is a web page (HTML), not an XML document. Export the metadata from JumpCloud again.')
    expect(error.cause).toBeInstanceOf(XmlRefusedError)
  })

  it('refuses XML that is not SAML metadata, naming its root element', () => {
    expect(refusal('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', 'not-metadata').message).toBe(
      `The metadata file is XML but not SAML metadata: its root element is <rss> with no namespace, where JumpCloud's metadata starts with <md:EntityDescriptor>. ${EXPORT_AGAIN}`,
    )
    expect(refusal('<EntityDescriptor entityID="JumpCloud"/>', 'not-metadata').message).toContain('its root element is <EntityDescriptor> with no namespace')
    expect(refusal('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>', 'not-metadata').message).toContain(
      'its root element is <samlp:Response> in namespace urn:oasis:names:tc:SAML:2.0:protocol',
    )
  })

  it.each([
    ['missing', 'xmlns:x="urn:x"'],
    ['empty', 'entityID=""'],
    ['blank', 'entityID="   "'],
  ])('refuses a %s entityID', (_kind, attributes) => {
    expect(refusal(metadata(keyDescriptor(CERT_A) + ssoService(REDIRECT), attributes), 'no-entity-id').message).toBe(
      `The metadata file has no entityID on its EntityDescriptor, so Dialpad could not tell which IdP signed a login. ${EXPORT_AGAIN}`,
    )
  })

  it('refuses unsupported bindings only, listing them', () => {
    const xml = metadata(keyDescriptor(CERT_A) + ssoService('urn:oasis:names:tc:SAML:2.0:bindings:SOAP') + ssoService('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact') + ssoService('urn:oasis:names:tc:SAML:2.0:bindings:SOAP'))
    expect(refusal(xml, 'no-sso-service').message).toBe(
      `The metadata file has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding, which Dialpad needs (it only has urn:oasis:names:tc:SAML:2.0:bindings:SOAP, urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact). ${EXPORT_AGAIN}`,
    )
  })

  it('refuses metadata with no SingleSignOnService', () => {
    expect(refusal(jumpCloudMetadataXml({ certificates: [CERT_A], bindings: [] }), 'no-sso-service').message).toContain('which Dialpad needs (it has none).')
  })

  it('refuses a supported SingleSignOnService without a Location', () => {
    const xml = metadata(keyDescriptor(CERT_A) + `<md:SingleSignOnService Binding="${REDIRECT}"/>` + ssoService(POST))
    expect(refusal(xml, 'no-sso-location').message).toBe(
      `The metadata file has an HTTP-Redirect SingleSignOnService without a Location (the SSO URL). ${EXPORT_AGAIN}`,
    )
  })

  it('refuses what parseXmlSafely refuses, as MetadataRefusedError', () => {
    const doctype = refusal(`<!DOCTYPE md:EntityDescriptor [<!ENTITY x SYSTEM "file:///etc/passwd">]>${jumpCloudMetadataXml({ certificates: [CERT_A] }).replace(/^<\?xml.*\?>\n/, '')}`, 'doctype')
    expect(doctype.message).toBe(
      'The metadata file contains a DOCTYPE declaration, which SAML metadata never needs; the app refuses it for safety. Export the metadata from JumpCloud again.',
    )
    expect(refusal('', 'empty').message).toBe('The metadata file is empty. Export the metadata from JumpCloud again.')
    expect(refusal('MIIBszCCAVmgAwIBAgIU', 'not-xml').message).toContain('is not XML')
    expect(refusal(jumpCloudMetadataXml({ certificates: [CERT_A] }).replace('</md:IDPSSODescriptor>', ''), 'malformed').message).toMatch(
      /^The metadata file is not well-formed XML \(near line \d+, column \d+\): /,
    )
    expect(refusal(`<a>${'x'.repeat(MAX_METADATA_BYTES)}</a>`, 'too-large').message).toBe(
      'The metadata file is 256.1 KiB, over the 256 KiB limit the app accepts. Check that you picked the right file. Export the metadata from JumpCloud again.',
    )
  })
})
