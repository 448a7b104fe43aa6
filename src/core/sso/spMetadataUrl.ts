import type { SpValues } from '../../shared/contract'
import { isLoopbackHost } from '../net/loopback'
import { redactThenShorten } from '../secrets/redact'
import type { Diagnosis } from '../../shared/checkOutcome'

export type SpMetadataAddress = { ok: true; url: URL } | ({ ok: false } & Diagnosis)

/**
 * Where Dialpad publishes the SP metadata for a domain: at the SP Entity ID itself
 * (https://<host>/api/saml/metadata/custom/<domain>). `metadataBaseUrl` serves the same path from another origin
 * (a local test server, a mirror); only https://, or http:// on this computer, is accepted.
 */
export function spMetadataUrl(sp: SpValues, metadataBaseUrl?: string): SpMetadataAddress {
  const published = new URL(sp.spEntityId)
  if (metadataBaseUrl === undefined) return { ok: true, url: published }

  const text = metadataBaseUrl.trim()
  const fix = `Use an https:// address like https://${sp.host}, or leave the base URL out to use Dialpad's.`
  const base = URL.parse(text)
  if (!base || !['https:', 'http:'].includes(base.protocol)) {
    return { ok: false, detail: `The base URL "${clip(text)}" is not an https:// web address.`, fix }
  }
  if (base.protocol === 'http:' && !isLoopbackHost(base.hostname)) {
    return { ok: false, detail: `Plain http:// is only allowed for this computer (localhost); ${clip(base.host)} must be reached over https://.`, fix }
  }
  if (base.username || base.password || base.search || base.hash) {
    return { ok: false, detail: `The base URL "${clip(text)}" has a user name, password, "?" or "#" part, which a base URL never has.`, fix }
  }
  return { ok: true, url: new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}${published.pathname}`) }
}

function clip(value: string): string {
  return redactThenShorten(value, 80)
}
