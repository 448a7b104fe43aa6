import type { Element } from '@xmldom/xmldom'
import { MAX_METADATA_BYTES } from '../../shared/metadataImport'
import { quoted } from './spMetadataReceived'
import { parseXmlSafely, XmlRefusedError, type XmlRefusalReason } from '../xml/safeXml'

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata'
const HTTP_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST'

/** Dialpad's SP metadata is about 1 KiB; the IdP metadata limit is generous for it too. */
export const MAX_SP_METADATA_BYTES = MAX_METADATA_BYTES

/** What the check needs from a service provider's metadata. */
export interface SpMetadata {
  /** EntityDescriptor/@entityID, trimmed. */
  entityId: string
  /** Location of every AssertionConsumerService with the HTTP-POST binding (the one JumpCloud posts to), trimmed. */
  postAcsLocations: string[]
}

export type SpMetadataRefusalReason = XmlRefusalReason | 'not-metadata' | 'not-sp' | 'no-entity-id' | 'no-post-acs'

export type SpMetadataReading = { ok: true; metadata: SpMetadata } | { ok: false; reason: SpMetadataRefusalReason; detail: string }

/**
 * Reads Dialpad's SP metadata, namespace-aware, from an untrusted answer: parseXmlSafely refuses DTDs and entities
 * before parsing. Never throws for bad input; `detail` says what the answer was instead.
 */
export function readSpMetadata(xml: string): SpMetadataReading {
  let root: Element
  try {
    root = parseXmlSafely(xml, { maxBytes: MAX_SP_METADATA_BYTES, what: "Dialpad's answer", nextStep: '' }).documentElement as Element
  } catch (error) {
    if (error instanceof XmlRefusedError) return { ok: false, reason: error.reason, detail: error.message.trim() }
    throw error
  }

  if (!(root.namespaceURI === MD && root.localName === 'EntityDescriptor')) {
    const namespace = root.namespaceURI ? ` in namespace ${quoted(root.namespaceURI)}` : ' with no namespace'
    return {
      ok: false,
      reason: 'not-metadata',
      detail: `Dialpad's answer is XML but not SAML metadata: its root element is <${quoted(root.nodeName)}>${namespace}, not <md:EntityDescriptor>.`,
    }
  }
  const descriptors = mdChildren(root, 'SPSSODescriptor')
  if (descriptors.length === 0) {
    const found = mdChildren(root, 'IDPSSODescriptor').length > 0 ? 'an identity provider (IDPSSODescriptor)' : 'no service provider'
    return { ok: false, reason: 'not-sp', detail: `Dialpad's answer is SAML metadata, but it describes ${found}, not Dialpad as a service provider (SPSSODescriptor).` }
  }
  const entityId = (root.getAttribute('entityID') ?? '').trim()
  if (entityId === '') return { ok: false, reason: 'no-entity-id', detail: "Dialpad's metadata has no entityID, so it does not say what the SP Entity ID is." }

  const services = descriptors.flatMap((descriptor) => mdChildren(descriptor, 'AssertionConsumerService'))
  const postAcsLocations = services
    .filter((service) => (service.getAttribute('Binding') ?? '').trim() === HTTP_POST)
    .map((service) => (service.getAttribute('Location') ?? '').trim())
    .filter((location) => location !== '')
  if (postAcsLocations.length === 0) {
    return {
      ok: false,
      reason: 'no-post-acs',
      detail: `Dialpad's metadata for ${quoted(entityId)} lists no AssertionConsumerService with the HTTP-POST binding, so it does not say where JumpCloud should post logins.`,
    }
  }
  return { ok: true, metadata: { entityId, postAcsLocations } }
}

function mdChildren(parent: Element, localName: string): Element[] {
  return Array.from(parent.children).filter((child) => child.namespaceURI === MD && child.localName === localName)
}
