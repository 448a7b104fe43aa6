/**
 * The output-safety layer: how text that came from outside (server replies, metadata, SAML responses, bundles, file
 * names) is shown to a person, in the terminal, on screen and in the HTML report. Such text is data, never layout:
 * characters that could move the cursor, clear or retitle a terminal, start a new line, reorder what follows
 * (bidirectional overrides) or hide themselves (zero-width characters) are shown as their code, e.g. `\u001b`.
 *
 * Backslashes are left alone, so showing a text twice changes nothing (`\u001b` stays `\u001b`).
 * Pure: used by the CLI, core's HTML report and the renderer alike.
 */

/**
 * Never shown as they are: control characters (C0, DEL, C1), invisible format characters (bidi controls, zero-width
 * characters, byte order marks, tag characters), line and paragraph separators, broken UTF-16 halves, and the
 * invisible fillers and noncharacters that render as nothing.
 */
// Combining marks and Hangul fillers stand alone: inside a class they would combine with their neighbour.
const UNSAFE_SOURCE = String.raw`[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u3164\uFFA0\uFDD0-\uFDEF\uFFFE\uFFFF]|\u034F|\u115F|\u1160|\u17B4|\u17B5`
const UNSAFE = new RegExp(UNSAFE_SOURCE, 'u')
/** A copy of the pattern of characters this layer never shows as they are (redaction skips them inside a key). */
export const unsafeCharacterPattern = (): RegExp => new RegExp(UNSAFE_SOURCE, 'gu')
const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, 'gu')
/** What stays as it is in text meant to span lines (notes, a certificate body, the CLI's own multi-line output). */
const LAYOUT = /[\n\t]/
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/

export interface DisplayOptions {
  /** Keep line breaks and tabs (the text is meant to span lines). Default: one line, line breaks shown as `\u000a`. */
  multiline?: boolean
  /** Cut the shown text after this many characters and end it with "…" (an escape is never cut in half). */
  max?: number
  /** Markers never cut in half (the redaction marker): a cut inside one moves to its end. */
  keepWhole?: readonly string[]
}

/** `\u001b` for a character in the Basic Multilingual Plane, `\u{e0041}` beyond it. */
export function escapeCodePoint(character: string): string {
  const code = character.codePointAt(0) ?? 0
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/** True when the text holds a character this layer would escape (line breaks and tabs count unless `multiline`). */
export function hasUnsafeCharacters(text: string, multiline = false): boolean {
  for (const match of text.matchAll(UNSAFE_ALL)) {
    if (!(multiline && LAYOUT.test(match[0]))) return true
  }
  return false
}

/** Outside text as it may be shown: every unsafe character as its code, on one line unless `multiline`, at most `max` long. */
export function displayText(text: string, options: DisplayOptions = {}): string {
  const { multiline = false, max, keepWhole = [] } = options
  const source = multiline ? text.replace(/\r\n/g, '\n') : text
  const shown = source.replace(UNSAFE_ALL, (character) => (multiline && LAYOUT.test(character) ? character : escapeCodePoint(character)))
  if (max === undefined || shown.length <= max) return shown
  return `${shown.slice(0, cutPosition(shown, max, keepWhole))}…`
}

/** Where to cut shown text near `max`: never inside an escape, a surrogate pair or a marker to keep whole. */
function cutPosition(shown: string, max: number, keepWhole: readonly string[]): number {
  let cut = max
  for (const marker of keepWhole) {
    for (let at = shown.indexOf(marker); at >= 0 && at < cut; at = shown.indexOf(marker, at + 1)) {
      if (at + marker.length > cut) cut = at + marker.length
    }
  }
  const escape = /\\u(?:\{[0-9a-f]+\}|[0-9a-f]{4})/g
  for (const match of shown.slice(Math.max(0, cut - 12), cut + 12).matchAll(escape)) {
    const start = Math.max(0, cut - 12) + match.index
    if (start < cut && start + match[0].length > cut) cut = start
  }
  const code = shown.charCodeAt(cut - 1)
  if (code >= 0xd800 && code <= 0xdbff) cut--
  return cut
}

/** A value shown on one line, cut at `max` characters: the usual way to quote outside text in a message. */
export function oneLine(text: string, max?: number): string {
  return displayText(text, { max })
}

/**
 * A value as exact JSON that is also safe on a terminal: JSON.stringify escapes C0 controls but leaves DEL, C1,
 * bidi and zero-width characters and U+2028/9 raw. They can only occur inside strings, where a `\uXXXX` escape
 * means the same character, so the parsed value is unchanged.
 */
export function safeJson(value: unknown, indent: number | undefined = 2): string {
  // JSON.stringify's own layout is line breaks and spaces outside strings; every other unsafe character is inside one.
  return JSON.stringify(value, null, indent).replace(UNSAFE_ALL, (character) =>
    character === '\n' ? character : Array.from({ length: character.length }, (_, index) => `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`).join(''),
  )
}

/** "U+001B": a character by its code point. */
export function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * A character named in an error message: visible ones quoted with their code point (“!” (U+0021)), invisible ones
 * by code point and kind only (U+202E, a text-direction control character), so the message itself stays clean.
 */
export function describeCharacter(character: string): string {
  const code = codePoint(character)
  if (/^\p{Cc}$/u.test(character)) return `${code} (a control character)`
  if (BIDI.test(character)) return `${code} (a text-direction control character)`
  if (/^[\p{Zl}\p{Zp}]$/u.test(character)) return `${code} (a line separator)`
  if (/^\p{Cs}$/u.test(character)) return `${code} (half of a broken character)`
  if (UNSAFE.test(character)) return `${code} (an invisible character)`
  if (/^\s$/u.test(character)) return `${code} (a space character)`
  return `“${character}” (${code})`
}
