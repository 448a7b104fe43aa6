import { readHeader, TAG_SEQUENCE } from './der'

/** One PEM block: its label (upper case) and the text between its BEGIN and END lines. */
export interface PemBlock {
  label: string
  content: string
}

// Tolerant of spaces and extra dashes; labels include e.g. "PKCS #7 SIGNED DATA" and "SSH2 PUBLIC KEY" (4 dashes).
const PEM_MARKER = /-{4,}[ \t]*(BEGIN|END)[ \t]+([A-Za-z0-9 #]+?)[ \t]*-{4,}/gi
const BASE64_LINE = /^[A-Za-z0-9+/=]+$/
const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/
/** A line that can only be base64 (no inner spaces): used to say "this decodes, but is not a certificate". */
const PLAIN_BASE64_LINE = /^[A-Za-z0-9+/]{16,}={0,2}$/

/**
 * PEM blocks in reading order. A block whose END line is missing runs to the next BEGIN or the end of the text;
 * an END line without a BEGIN takes the text before it (admins often miss the first or last line when copying).
 */
export function findPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = []
  let open: { label: string; contentStart: number } | null = null
  let previousEnd = 0
  for (const marker of text.matchAll(PEM_MARKER)) {
    const kind = marker[1].toUpperCase()
    const label = marker[2].toUpperCase().replace(/\s+/g, ' ')
    const markerStart = marker.index
    const before = text.slice(open?.contentStart ?? previousEnd, markerStart)
    if (open) blocks.push({ label: open.label, content: before })
    else if (kind === 'END' && before.trim() !== '') blocks.push({ label, content: before }) // a doubled END line is no block
    open = kind === 'BEGIN' ? { label, contentStart: markerStart + marker[0].length } : null
    previousEnd = markerStart + marker[0].length
  }
  if (open) blocks.push({ label: open.label, content: text.slice(open.contentStart) })
  return blocks
}

/**
 * DER structures encoded as base64 in free text: PEM bodies, bare bodies (multi- or single-line), with stray
 * spaces and tabs, CR/LF/CRLF, and non-base64 lines around them. Each structure's own length (from its DER
 * header) says where it ends, so text lines before or after it (even ones that look like base64) are skipped.
 */
export function derFromBase64Text(text: string): Uint8Array[] {
  const lines = text
    .split(/\r\n|\r|\n|<[^<>\r\n]*>/) // XML tags count as line breaks, so a pasted <X509Certificate> element works
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ''))
    .filter((line) => line !== '')
  const found: Uint8Array[] = []
  let runStart = 0
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || !BASE64_LINE.test(lines[i])) {
      found.push(...derFromBase64Lines(lines.slice(runStart, i)))
      runStart = i + 1
    }
  }
  return found
}

/** True when the text contains a line that can only be base64 (so "not a certificate" can say it decoded). */
export function containsBase64(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some((line) => PLAIN_BASE64_LINE.test(line.trim()))
}

function derFromBase64Lines(lines: string[]): Uint8Array[] {
  const joined = lines.join('')
  const lineStarts: number[] = []
  let offset = 0
  for (const line of lines) {
    lineStarts.push(offset)
    offset += line.length
  }
  const found: Uint8Array[] = []
  let line = 0
  while (line < lines.length) {
    const start = lineStarts[line]
    const der = derAt(joined, start)
    if (!der) {
      line++
      continue
    }
    found.push(der.bytes)
    const consumedEnd = start + der.chars
    while (line < lines.length && lineStarts[line] < consumedEnd) line++
  }
  return found
}

/** The DER structure whose base64 starts at `start`, and how many characters it used. */
function derAt(joined: string, start: number): { bytes: Uint8Array; chars: number } | null {
  const headerChars = joined.slice(start, start + 8).replace(/=.*$/, '') // 8 characters hold the longest header we read
  const headerBytes = decodeBase64(headerChars.slice(0, headerChars.length - (headerChars.length % 4 === 1 ? 1 : 0)))
  const header = headerBytes && readHeader(headerBytes)
  if (!header || header.tag !== TAG_SEQUENCE) return null
  const total = header.length === null ? null : header.contentStart + header.length
  // Indefinite length (BER): take the rest of this run of lines.
  const chars = total === null ? joined.length - start : Math.ceil(total / 3) * 4
  const bytes = decodeBase64(joined.slice(start, start + chars).replace(/=+$/, ''))
  if (!bytes || (total !== null && bytes.length < total)) return null
  return { bytes: total === null ? bytes : bytes.subarray(0, total), chars }
}

function decodeBase64(text: string): Uint8Array | null {
  if (!BASE64_CHARS.test(text) || text.length % 4 === 1) return null
  return new Uint8Array(Buffer.from(text, 'base64'))
}

/** Text of a file, or null when the bytes are binary (DER). Handles UTF-8 (with or without BOM) and UTF-16 with BOM. */
export function decodeTextFile(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
  // DER always holds control bytes (tags, short lengths); text files hold none beyond whitespace.
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000e-\u001f\u007f]/.test(text) ? null : text
}
