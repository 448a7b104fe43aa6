/**
 * Just enough ASN.1 DER/BER structure reading to tell what a blob is and where it ends.
 * No crypto here: certificates and keys are parsed by node:crypto.
 */

export const TAG_INTEGER = 0x02
export const TAG_BIT_STRING = 0x03
export const TAG_OCTET_STRING = 0x04
export const TAG_OID = 0x06
export const TAG_SEQUENCE = 0x30
export const TAG_CONTEXT_0 = 0xa0

export interface DerElement {
  tag: number
  start: number
  contentStart: number
  /** Exclusive end; null for a BER indefinite-length element (some PKCS#12 tools write those). */
  end: number | null
}

/** The tag and length at offset, needing only the header bytes; null when they are not a valid header. */
export function readHeader(bytes: Uint8Array, offset = 0): { tag: number; contentStart: number; length: number | null } | null {
  if (offset + 2 > bytes.length) return null
  const tag = bytes[offset]
  if ((tag & 0x1f) === 0x1f) return null // high tag numbers never occur in the structures we look for
  const first = bytes[offset + 1]
  if (first === 0x80) return (tag & 0x20) !== 0 ? { tag, contentStart: offset + 2, length: null } : null
  if (first < 0x80) return { tag, contentStart: offset + 2, length: first }
  const count = first & 0x7f
  if (count > 4 || offset + 2 + count > bytes.length) return null
  let length = 0
  for (let i = 0; i < count; i++) length = length * 256 + bytes[offset + 2 + i]
  return { tag, contentStart: offset + 2 + count, length }
}

/** The element starting at offset, or null when the header is not valid or the element runs past the end. */
export function readElement(bytes: Uint8Array, offset = 0): DerElement | null {
  const header = readHeader(bytes, offset)
  if (!header) return null
  const { tag, contentStart, length } = header
  if (length === null) return { tag, start: offset, contentStart, end: null }
  const end = contentStart + length
  return end <= bytes.length ? { tag, start: offset, contentStart, end } : null
}

/** The children of a constructed element, stopping early at anything unreadable (enough for shape checks). */
export function childrenOf(bytes: Uint8Array, parent: DerElement): DerElement[] {
  const children: DerElement[] = []
  const limit = parent.end ?? bytes.length
  let offset = parent.contentStart
  while (offset < limit) {
    if (parent.end === null && bytes[offset] === 0 && bytes[offset + 1] === 0) break // end-of-contents
    const child = readElement(bytes, offset)
    if (!child || (child.end !== null && child.end > limit)) break
    children.push(child)
    if (child.end === null) break
    offset = child.end
  }
  return children
}

export function contentOf(bytes: Uint8Array, element: DerElement): Uint8Array {
  return bytes.subarray(element.contentStart, element.end ?? bytes.length)
}

/** Consecutive top-level elements (e.g. DER files concatenated); an unreadable tail is returned as one last blob. */
export function splitElements(bytes: Uint8Array): Uint8Array[] {
  const blobs: Uint8Array[] = []
  let offset = 0
  while (offset < bytes.length) {
    const element = readElement(bytes, offset)
    if (!element || element.end === null) {
      blobs.push(bytes.subarray(offset))
      break
    }
    blobs.push(bytes.subarray(offset, element.end))
    offset = element.end
  }
  return blobs
}
