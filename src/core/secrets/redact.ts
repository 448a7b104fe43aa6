/**
 * The one redaction helper. Logs, reports, check results, CLI output and error paths pass their text through
 * `redactKnownSecrets` (or `redactSecrets` with explicit values) so a secret never leaves the process in readable
 * form. The only secret the app holds is the Dialpad API key, hence the marker's wording, which admins read in
 * check details ("Token [API key hidden] is not allowed here").
 *
 * Redact first, then shorten: anything that cuts text which may hold a secret (a server's message, a quoted value)
 * redacts before it cuts (see `redactThenShorten`), because a cut key no longer matches whole. And because some
 * code may still cut first, any 8-character piece of a secret is redacted too.
 *
 * A secret is found as sent, in any letter case, URL-escaped (%2B), JSON- or \x-escaped (\/, \u0041), base64 or
 * base64url encoded (at any of the three byte alignments, so also inside "Basic base64(user:key)"), hex encoded,
 * HTML character references (&#43;), and split by whitespace (line-wrapped, or spaced out) or by characters the
 * display layer would show as codes (zero-width characters, controls, terminal colour codes).
 */
import { displayText, unsafeCharacterPattern } from '../../shared/displayText'

export const REDACTED = '[API key hidden]'

/** Shorter values registered process-wide are not credentials, and replacing them everywhere would mangle unrelated text. */
const MIN_REMEMBERED_LENGTH = 8
/** Any piece this long of a secret is redacted: long enough never to match by chance, short enough that nothing useful is left. */
export const SECRET_PIECE_LENGTH = 8
const HEX_PIECE = 2 * SECRET_PIECE_LENGTH
/** 8 bytes always cover at least 10 whole base64 characters, whatever the alignment. */
const BASE64_PIECE = 10

interface Needles {
  /** Lower-case pieces of the secret as text, searched case-insensitively. */
  text: Set<string>
  /** Lower-case pieces of its hex encoding. */
  hex: Set<string>
  /** Pieces of its base64 and base64url encodings (case matters in base64). */
  base64: Set<string>
  /** The first two characters of every piece above, as one number: most positions are ruled out without a slice. */
  starts: { text: Set<number>; hex: Set<number>; base64: Set<number> }
  /** Secrets shorter than a piece: their exact forms (as written, URL-, base64- and JSON-encoded). */
  exact: Set<string>
}

const BASE64_CHAR = /[A-Za-z0-9+/=_-]/
const HEX_CHAR = /[0-9A-Fa-f]/

/** The needles of the last few secret lists given: a check redacts every step with the same key. */
const recentNeedles = new Map<string, Needles>()

/** Replaces every secret given, in each of the forms above, with REDACTED. Empty secrets are ignored. */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  if (text === '') return text
  const list = [...secrets]
  const cacheKey = JSON.stringify(list)
  let needles = recentNeedles.get(cacheKey)
  if (!needles) {
    needles = needlesFor(list)
    if (recentNeedles.size >= 8) recentNeedles.delete(recentNeedles.keys().next().value as string)
    recentNeedles.set(cacheKey, needles)
  }
  if (needles.text.size + needles.exact.size === 0) return text
  return replaceSpans(text, findSpans(text, needles))
}

const known = new Set<string>()
let knownNeedles: Needles | null = null

/** Registers a secret for the rest of the process's life; it is never forgotten, since old text may still quote it. */
export function rememberSecret(value: string): void {
  if (value.length >= MIN_REMEMBERED_LENGTH && !known.has(value)) {
    known.add(value)
    knownNeedles = null
  }
}

/** Redacts every secret registered with `rememberSecret` so far. */
export function redactKnownSecrets(text: string): string {
  if (known.size === 0 || text === '') return text
  knownNeedles ??= needlesFor(known)
  return replaceSpans(text, findSpans(text, knownNeedles))
}

/**
 * Outside text quoted in a message: secrets redacted first (those remembered, plus `secrets`), then shown safely on
 * one line (see displayText) and shortened to `max` characters. The order is the point: a key cut in half by
 * shortening would no longer be recognised whole.
 */
export function redactThenShorten(text: string, max: number, secrets: Iterable<string> = []): string {
  return displayText(redactKnownSecrets(redactSecrets(text, secrets)), { max, keepWhole: [REDACTED] })
}

function needlesFor(secrets: Iterable<string>): Needles {
  const needles: Needles = { text: new Set(), hex: new Set(), base64: new Set(), exact: new Set(), starts: { text: new Set(), hex: new Set(), base64: new Set() } }
  for (const given of secrets) {
    const secret = given.replace(/\s+/g, '')
    if (secret === '') continue
    if (secret.length < SECRET_PIECE_LENGTH) {
      for (const form of exactForms(given)) needles.exact.add(form)
      continue
    }
    const bytes = Buffer.from(secret, 'utf8')
    addPieces(needles.text, secret.replace(/[A-Z]/g, (c) => c.toLowerCase()), SECRET_PIECE_LENGTH)
    addPieces(needles.hex, bytes.toString('hex'), HEX_PIECE)
    for (const core of base64Cores(bytes)) {
      addPieces(needles.base64, core, BASE64_PIECE)
      addPieces(needles.base64, core.replace(/\+/g, '-').replace(/\//g, '_'), BASE64_PIECE)
    }
  }
  for (const kind of ['text', 'hex', 'base64'] as const) for (const piece of needles[kind]) needles.starts[kind].add(pairAt(piece, 0))
  return needles
}

function pairAt(text: string, at: number): number {
  return text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1)
}

function addPieces(into: Set<string>, text: string, length: number): void {
  for (let start = 0; start + length <= text.length; start++) into.add(text.slice(start, start + length))
}

/**
 * The base64 characters that depend only on the secret's bytes, for each of the three positions it can take in a
 * longer encoded text ("Bearer key", "user:key"): characters shared with the bytes before or after are left out.
 */
function base64Cores(bytes: Buffer): string[] {
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    const firstWhole = Math.ceil((8 * offset) / 6)
    const endWhole = Math.floor((8 * (offset + bytes.length)) / 6)
    return encoded.slice(firstWhole, endWhole)
  })
}

function exactForms(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64')
  return [secret, encodeURIComponent(secret), base64, base64.replace(/=+$/, ''), Buffer.from(secret, 'utf8').toString('base64url'), JSON.stringify(secret).slice(1, -1)]
}

/**
 * A text with fillers left out (white space, and the characters the display layer shows as codes: controls, zero-width
 * and bidi characters, terminal escape sequences) and, when `decode`, escapes undone; each character knows where it
 * came from. A key spaced out with zero-width characters or colour codes would otherwise be printed readable, between
 * the codes that make those visible.
 */
interface View {
  chars: string
  lower: string
  start: Int32Array
  end: Int32Array
}

function view(text: string, decode: boolean): View {
  const codes = new Uint16Array(text.length)
  const lowerCodes = new Uint16Array(text.length)
  const start = new Int32Array(text.length)
  const end = new Int32Array(text.length)
  let length = 0
  let i = 0
  while (i < text.length) {
    const code = charAt(text, i, decode)
    const size = charSize
    const sequenceEnd = code === 0x1b || code === 0x9b ? terminalSequenceEnd(text, i, decode) : null
    if (sequenceEnd !== null) {
      i = sequenceEnd
      continue
    }
    if (!isFiller(code)) {
      codes[length] = code
      // Letter case folded only for A–Z, so the view keeps its length and positions.
      lowerCodes[length] = code >= 65 && code <= 90 ? code + 32 : code
      start[length] = i
      end[length] = i + size
      length++
    }
    i += size
  }
  // UTF-16 code units decoded as such: one character per unit (a lone surrogate becomes U+FFFD, still one unit).
  const decoder = new TextDecoder('utf-16le', { ignoreBOM: true })
  return { chars: decoder.decode(codes.subarray(0, length)), lower: decoder.decode(lowerCodes.subarray(0, length)), start, end }
}

/** The size in the text of the character charAt read last (without an array per character: this runs per character). */
let charSize = 1

/** The character at `i` (an escape undone when `decode`); how many characters of the text it takes is left in charSize. */
function charAt(text: string, i: number, decode: boolean): number {
  const decoded = decode && ESCAPE_STARTS.has(text.charCodeAt(i)) ? decodeEscape(text, i) : null
  charSize = decoded ? decoded[1] : 1
  return decoded ? decoded[0].charCodeAt(0) : text.charCodeAt(i)
}

/**
 * Where a terminal control sequence starting at `i` ends (ESC [ or CSI, parameters, a final letter: "ESC[0m",
 * "ESC[2J", "ESC[m"), or null when there is none. A final letter without parameters counts only for "m" (colours off),
 * so a CSI put between the characters of a key cannot make each next character read as a final letter. Bounded, so a
 * run of digits after a stray ESC is not taken for parameters for long.
 */
function terminalSequenceEnd(text: string, i: number, decode: boolean): number | null {
  let code = charAt(text, i, decode)
  let at = i + charSize
  if (code === 0x1b) {
    if (at >= text.length || charAt(text, at, decode) !== 0x5b) return null
    at += charSize
  }
  for (let taken = 0; at < text.length && taken < 20; taken++) {
    code = charAt(text, at, decode)
    at += charSize
    if (code >= 0x40 && code <= 0x7e) return taken > 0 || code === 0x6d ? at : null
    if (code < 0x20 || code > 0x3f) return null
  }
  return null
}

/** White space, and every character displayText shows as its code: none of them can be part of a key as shown. */
function isFiller(code: number): boolean {
  if (code < 128) return code <= 32 || code === 127
  fillers ??= fillerTable()
  return fillers[code] === 1
}

/** isFiller for every UTF-16 code unit, worked out once (64 KiB): two regular expressions per character are slow. */
let fillers: Uint8Array | null = null
function fillerTable(): Uint8Array {
  const table = new Uint8Array(0x10000)
  table.fill(1, 0, 160)
  // Broken halves of a character count as fillers; whole pairs are never seen here (the view works per code unit).
  table.fill(1, 0xd800, 0xe000)
  const units = Uint16Array.from({ length: 0x10000 - 0x800 }, (_, index) => (index < 0xd800 ? index : index + 0x800))
  const all = new TextDecoder('utf-16le').decode(units)
  for (const pattern of [/\s/g, unsafeCharacterPattern()]) {
    for (const match of all.matchAll(pattern)) table[match[0].charCodeAt(0)] = 1
  }
  return table
}

const ESCAPE_STARTS = new Set(['%', '\\', '&'].map((c) => c.charCodeAt(0)))
const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
const HTML_REFERENCE = /^&#(?:([0-9]{1,7})|[xX]([0-9A-Fa-f]{1,6}));/
const BRACED_ESCAPE = /^\\u\{([0-9A-Fa-f]{1,6})\}/

/** The character an escape at `i` stands for (%2B, \/, \u002b, \u{2b}, \x2b, &#43;, &#x2b;), and the escape's length. */
function decodeEscape(text: string, i: number): [string, number] | null {
  const c = text[i]
  if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) return [String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16)), 3]
  if (c === '&') {
    const reference = HTML_REFERENCE.exec(text.slice(i, i + 12))
    return reference ? [fromCodePoint(reference[1] ? parseInt(reference[1], 10) : parseInt(reference[2], 16)), reference[0].length] : null
  }
  if (c !== '\\') return null
  const next = text[i + 1]
  if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) return [String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)), 6]
  const braced = next === 'u' ? BRACED_ESCAPE.exec(text.slice(i, i + 11)) : null
  if (braced) return [fromCodePoint(parseInt(braced[1], 16)), braced[0].length]
  if (next === 'x' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 2, i + 4))) return [String.fromCharCode(parseInt(text.slice(i + 2, i + 4), 16)), 4]
  if (next !== undefined && next in JSON_ESCAPES) return [JSON_ESCAPES[next], 2]
  return null
}

/** A code point as a character; one that is not (beyond U+10FFFF) as U+FFFD, which is no part of a key. */
function fromCodePoint(code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD'
}

type Span = [number, number]

function findSpans(text: string, needles: Needles): Span[] {
  const spans: Span[] = []
  for (const exact of needles.exact) {
    for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + exact.length)) spans.push([at, at + exact.length])
  }
  if (needles.text.size === 0) return spans
  const views = /[%\\&]/.test(text) ? [view(text, false), view(text, true)] : [view(text, false)]
  for (const v of views) {
    const found = (from: number, length: number): Span => [v.start[from], v.end[from + length - 1]]
    const { starts } = needles
    for (let i = 0; i + SECRET_PIECE_LENGTH <= v.chars.length; i++) {
      const lowerPair = pairAt(v.lower, i)
      if (starts.text.has(lowerPair) && needles.text.has(v.lower.slice(i, i + SECRET_PIECE_LENGTH))) spans.push(found(i, SECRET_PIECE_LENGTH))
      if (starts.hex.has(lowerPair) && i + HEX_PIECE <= v.chars.length && needles.hex.has(v.lower.slice(i, i + HEX_PIECE))) spans.push(widen(text, found(i, HEX_PIECE), HEX_CHAR))
      if (starts.base64.has(pairAt(v.chars, i)) && i + BASE64_PIECE <= v.chars.length && needles.base64.has(v.chars.slice(i, i + BASE64_PIECE))) {
        spans.push(widen(text, found(i, BASE64_PIECE), BASE64_CHAR))
      }
    }
  }
  return spans
}

/** An encoded secret is hidden whole: the span grows over the encoding's characters on either side. */
function widen(text: string, [start, end]: Span, alphabet: RegExp): Span {
  while (start > 0 && alphabet.test(text[start - 1])) start--
  while (end < text.length && alphabet.test(text[end])) end++
  return [start, end]
}

function replaceSpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text
  spans.sort((a, b) => a[0] - b[0])
  let out = ''
  let position = 0
  let current: Span | null = null
  for (const span of spans) {
    if (current && span[0] < current[1]) {
      current[1] = Math.max(current[1], span[1])
      continue
    }
    if (current) {
      out += text.slice(position, current[0]) + REDACTED
      position = current[1]
    }
    current = [span[0], span[1]]
  }
  if (current) out += text.slice(position, current[0]) + REDACTED
  return out + text.slice(current ? current[1] : position)
}
