/**
 * The fingerprint of the IdP certificate a verdict was made against, worked out in shared code (no Node, no DOM) while
 * the wizard renders. SHA-256 comes from @noble/hashes (audited, no dependencies), never a hand-written one.
 */
import { sha256 } from '@noble/hashes/sha2'

export { sha256 }

let lastBody: string | null = null
let lastFingerprint: string | null = null

/**
 * The SHA-256 fingerprint of a certificate body as the setup stores it (base64 DER on one line), in the form the
 * certificate card shows: upper-case hex pairs joined by ":". Null when the text is not base64. Remembers the last
 * answer, since the wizard asks about the same certificate on every render.
 */
export function certificateFingerprint(body: string): string | null {
  if (body === lastBody) return lastFingerprint
  let fingerprint: string | null
  try {
    const binary = atob(body)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    fingerprint = [...sha256(bytes)].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(':')
  } catch {
    fingerprint = null
  }
  lastBody = body
  lastFingerprint = fingerprint
  return fingerprint
}
