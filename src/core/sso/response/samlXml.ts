import type { Element, Node } from '@xmldom/xmldom'

export const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol'
export const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion'
export const DS = 'http://www.w3.org/2000/09/xmldsig#'

const ELEMENT_NODE = 1

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE
}

/** Direct children named {namespace}localName, in document order. Prefixes do not matter, namespaces do. */
export function children(parent: Element, namespace: string, localName: string): Element[] {
  const found: Element[] = []
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (isElement(node) && node.namespaceURI === namespace && node.localName === localName) found.push(node)
  }
  return found
}

export function child(parent: Element | null | undefined, namespace: string, localName: string): Element | null {
  return parent ? (children(parent, namespace, localName)[0] ?? null) : null
}

/** Every descendant named {namespace}localName, wherever it is. */
export function descendants(root: Element, namespace: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(namespace, localName))
}

/**
 * All the text inside an element, comments left out (as XML canonicalization does), so a NameID split by a comment
 * reads as the whole value the signature covers rather than its first part.
 */
export function text(element: Element | null | undefined): string | null {
  if (!element) return null
  return element.textContent ?? ''
}

/** An attribute's value, or null when it is absent (an empty attribute stays ""). */
export function attribute(element: Element | null | undefined, name: string): string | null {
  if (!element || !element.hasAttribute(name)) return null
  return element.getAttribute(name)
}

/** "Responder" for "urn:oasis:names:tc:SAML:2.0:status:Responder". */
export function lastUriPart(uri: string): string {
  return uri.slice(uri.lastIndexOf(':') + 1)
}
