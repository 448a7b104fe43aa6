/**
 * Company domain as Dialpad uses it in its SAML URLs: lowercase ASCII (punycode for
 * internationalized names), no scheme, path, port or spaces.
 * Uses only the WHATWG URL global so it runs unchanged in the renderer and in Node.
 * Messages quote the input shortened and on one line, and name an offending character by its code point.
 */
import { describeCharacter, oneLine } from './displayText'

export type DomainParse = { ok: true; domain: string } | { ok: false; error: string }

const MAX_DOMAIN_LENGTH = 253
const MAX_LABEL_LENGTH = 63
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/
const QUOTES = /["'`\u201C\u201D\u2018\u2019\u201E\u00AB\u00BB]/
/** Letters and digits of any script, combining marks, hyphens, and the dots IDNA accepts (。．｡). */
const NOT_A_DOMAIN_CHARACTER = /[^\p{L}\p{M}\p{N}.\-\u3002\uFF0E\uFF61]/u

function fail(error: string): DomainParse {
  return { ok: false, error }
}

function hostOf(text: string): string | null {
  try {
    return new URL(text).hostname || null
  } catch {
    return null
  }
}

export function parseDomain(input: string): DomainParse {
  const text = input.trim()
  if (text === '') return fail('Enter your company domain, for example example.com.')

  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)
  if (scheme) {
    const host = hostOf(text)
    const hint = host ? ` Enter ${oneLine(host, 80)} instead.` : ''
    return fail(`Enter the domain only, without "${scheme[1].toLowerCase()}://".${hint}`)
  }
  if (/\s/.test(text)) return fail('The domain cannot contain spaces. Enter it as one word, for example example.com.')
  if (text.includes('@')) {
    const after = text.slice(text.lastIndexOf('@') + 1)
    return fail(`That looks like an email address. Enter only the part after "@"${after ? `: ${oneLine(after, 80)}` : ''}.`)
  }
  const cut = text.search(/[/?#\\]/)
  if (cut >= 0) {
    return fail(`Remove "${oneLine(text.slice(cut), 40)}": the domain is only the part before it${cut > 0 ? ` (${oneLine(text.slice(0, cut), 80)})` : ''}.`)
  }
  if (text.includes('*')) return fail('Wildcards are not allowed. Enter the exact domain your users sign in with.')
  if (text.includes(':')) return fail(`Remove the port "${oneLine(text.slice(text.indexOf(':')), 40)}": enter the domain only.`)
  if (text.startsWith('.')) return fail('The domain cannot start with a dot.')
  if (text.endsWith('.')) return fail('Remove the dot at the end of the domain.')
  if (text.includes('..')) return fail('The domain cannot contain two dots in a row.')
  if (QUOTES.test(text)) return fail('Remove the quotation marks: enter just the domain, for example example.com.')
  // Before IDNA: the URL parser would silently turn stray punctuation or %-escapes into a different domain.
  const stray = NOT_A_DOMAIN_CHARACTER.exec(text)
  if (stray) return fail(`Domain names use letters, digits and hyphens only; ${describeCharacter(stray[0])} is not allowed.`)

  if (IPV4.test(text)) return fail('Enter a domain name, not an IP address.')
  // The URL parser would read a numeric last part as an IPv4 address; say what is actually wrong.
  if (/\.\d+$/.test(text)) return fail('The last part of a domain cannot be only digits.')

  // IDNA processing (lowercasing, Unicode normalization, punycode) by the URL parser.
  const ascii = hostOf(`http://${text}`)
  if (ascii === null) {
    return fail('This is not a valid domain name. Use letters, digits, hyphens and dots, for example example.com.')
  }
  if (IPV4.test(ascii) || ascii.startsWith('[')) return fail('Enter a domain name, not an IP address.')
  if (ascii.length > MAX_DOMAIN_LENGTH) return fail(`The domain is too long (${ascii.length} characters; the limit is ${MAX_DOMAIN_LENGTH}).`)

  const labels = ascii.split('.')
  if (labels.length < 2) return fail('A company domain has at least one dot, for example example.com.')
  for (const label of labels) {
    if (label === '') return fail('The domain cannot contain empty parts between dots.')
    if (label.length > MAX_LABEL_LENGTH) {
      return fail(`The part "${label.slice(0, 20)}…" is longer than ${MAX_LABEL_LENGTH} characters, the limit for one part of a domain.`)
    }
    if (!LABEL.test(label)) {
      const bad = label.replace(/[a-z0-9-]/g, '')
      if (bad) return fail(`Domain names use letters, digits and hyphens only; ${describeCharacter(bad[0])} is not allowed.`)
      return fail(`The part "${label}" cannot start or end with a hyphen.`)
    }
  }
  return { ok: true, domain: ascii }
}

/** What the admin typed or pasted, reduced to a domain, and what was removed to get there (null when nothing was). */
export interface TidiedDomain {
  text: string
  note: string | null
}

/**
 * A company domain pasted the way people copy one: as a web address (`https://www.Acme-Corp.COM/login`), with
 * `www.`, a port, a path, or as an email address. Reduces it to the domain (`acme-corp.com`) and says what was removed,
 * so the admin sees it. Only `www.` is removed from the front: any other subdomain (`mail.acme.co.uk`) is kept, since
 * a Dialpad company domain can be one, and telling a registrable domain apart needs the public-suffix list, which
 * this app does not carry. Input that is still not a domain afterwards is returned as it was, for parseDomain to
 * explain.
 */
export function tidyDomainInput(input: string): TidiedDomain {
  const original = input.trim()
  let text = original
  const removed: string[] = []
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)
  if (scheme) {
    const host = hostOf(text)
    if (host === null) return { text: input, note: null }
    const rest = text.slice(scheme[0].length)
    const authority = /^[^/?#]*/.exec(rest)?.[0] ?? ''
    removed.push(`“${scheme[1].toLowerCase()}://”`)
    const port = /:(\d+)$/.exec(authority)
    if (port) removed.push(`the port “${port[0]}”`)
    const path = rest.slice(authority.length)
    if (path !== '' && path !== '/') removed.push('the path')
    text = host
  } else if (!/\s/.test(text)) {
    const at = text.lastIndexOf('@')
    if (at >= 0 && at < text.length - 1) {
      removed.push('the part before “@”')
      text = text.slice(at + 1)
    }
    const cut = text.search(/[/?#\\]/)
    if (cut > 0) {
      if (text.slice(cut) !== '/') removed.push('the path')
      text = text.slice(0, cut)
    }
    const port = /:\d+$/.exec(text)
    if (port) {
      removed.push(`the port “${port[0]}”`)
      text = text.slice(0, port.index)
    }
  }
  if (/^www\.[^.]+\.[^.]/i.test(text)) {
    removed.push('“www.”')
    text = text.slice(4)
  }
  const parsed = parseDomain(text)
  if (!parsed.ok || parsed.domain === original) return { text: parsed.ok ? parsed.domain : input, note: null }
  if (removed.length === 0) return { text: parsed.domain, note: null }
  const list = removed.length === 1 ? removed[0] : `${removed.slice(0, -1).join(', ')} and ${removed[removed.length - 1]}`
  return { text: parsed.domain, note: `Using ${parsed.domain}: the domain only, without ${list}.` }
}
