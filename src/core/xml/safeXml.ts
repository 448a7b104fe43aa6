import { DOMParser, type Document } from '@xmldom/xmldom'
import { formatBytes } from '../../shared/byteSize'
import { redactThenShorten } from '../secrets/redact'
import { UserFacingError } from '../userFacingError'

export type XmlRefusalReason = 'too-large' | 'too-complex' | 'doctype' | 'malformed' | 'empty' | 'not-xml'

/** XML the app will not parse; the message is written for the admin. */
export class XmlRefusedError extends UserFacingError {
  override name = 'XmlRefusedError'
  constructor(
    readonly reason: XmlRefusalReason,
    message: string,
  ) {
    super(message, { code: 'invalid-input' })
  }
}

export interface ParseXmlOptions {
  maxBytes: number
  /** The input as the admin knows it, starting a sentence: "The metadata file". */
  what: string
  /** The sentence that ends every refusal message. */
  nextStep?: string
}

const DEFAULT_NEXT_STEP = 'Export the metadata from JumpCloud again.'
const BOM = '\uFEFF'
/**
 * Any markup declaration: everything that starts with "<!" except comments and CDATA sections.
 * Checked on the whole text, so a declaration is found whatever precedes it (BOM, comments,
 * XML declaration) and however it is spelled (case, whitespace after "<!").
 */
const DECLARATION = /<!\s*([A-Za-z]+)/
const HTML_START = /^\s*<(?:!doctype\s+html|html[\s>])/i
const MAX_DETAIL_CHARS = 100
/**
 * SAML metadata and responses are under 10 levels deep with a few hundred elements at most. A document within the
 * byte limit but nested 70,000 deep, or made of 100,000 empty elements, costs hundreds of MB as a DOM (and deep
 * recursion in signature canonicalization): refused before parsing.
 */
export const MAX_XML_DEPTH = 64
export const MAX_XML_ELEMENTS = 20_000

/**
 * Parses XML from an untrusted source. Nothing is ever fetched, and only the five predefined
 * entities and character references are expanded; any DOCTYPE is refused before parsing.
 * Every parser warning is treated as a refusal: SAML documents are machine-written and strict.
 */
export function parseXmlSafely(text: string, options: ParseXmlOptions): Document {
  const { what, maxBytes, nextStep = DEFAULT_NEXT_STEP } = options
  const refuse = (reason: XmlRefusalReason, problem: string): XmlRefusedError =>
    new XmlRefusedError(reason, `${what} ${problem} ${nextStep}`)

  const size = Buffer.byteLength(text, 'utf8')
  if (size > maxBytes) {
    throw refuse('too-large', `is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit the app accepts. Check that you picked the right file.`)
  }
  const source = text.startsWith(BOM) ? text.slice(BOM.length) : text
  if (source.trim() === '') throw refuse('empty', 'is empty.')
  if (HTML_START.test(source)) throw refuse('not-xml', 'is a web page (HTML), not an XML document.')
  if (!source.trimStart().startsWith('<')) throw refuse('not-xml', 'is not XML: it should start with "<".')

  const declaration = DECLARATION.exec(source)
  if (declaration) throw refuse('doctype', describeDeclaration(declaration[1]))
  const shape = shapeProblem(source)
  if (shape) throw refuse('too-complex', shape)

  let problem: string | undefined
  let document: Document
  try {
    document = new DOMParser({
      onError: (_level, message, context: { locator?: { lineNumber?: number; columnNumber?: number } }) => {
        problem ??= `is not well-formed XML${formatPosition(context.locator)}: ${clip(message)}.`
        throw new Error('stop parsing')
      },
    }).parseFromString(source, 'text/xml')
  } catch (error) {
    throw refuse('malformed', problem ?? `is not well-formed XML: ${clip(String(error))}.`)
  }
  // Defense in depth: the text check above should make this impossible.
  if (document.doctype) throw refuse('doctype', describeDeclaration('DOCTYPE'))
  if (!document.documentElement) throw refuse('malformed', 'has no root element.')
  return document
}

/**
 * Counts elements and nesting on the text, without building anything: tags are found by "<", comments, CDATA and
 * processing instructions skipped, quoted attribute values (which may hold ">") stepped over. Malformed input is left
 * to the parser; this only has to be right about well-formed XML.
 */
function shapeProblem(source: string): string | null {
  let depth = 0
  let elements = 0
  for (let at = source.indexOf('<'); at !== -1; at = source.indexOf('<', at + 1)) {
    const next = source[at + 1]
    if (next === '/') {
      depth--
      continue
    }
    const skipTo = next === '?' ? '?>' : source.startsWith('<!--', at) ? '-->' : source.startsWith('<![CDATA[', at) ? ']]>' : next === '!' ? '>' : null
    if (skipTo !== null) {
      const end = source.indexOf(skipTo, at + 2)
      if (end === -1) return null
      at = end
      continue
    }
    let end = at + 1
    for (let quote = ''; end < source.length; end++) {
      const c = source[end]
      if (quote !== '') {
        if (c === quote) quote = ''
      } else if (c === '"' || c === "'") quote = c
      else if (c === '>') break
    }
    elements++
    if (source[end - 1] !== '/') depth++
    if (depth > MAX_XML_DEPTH) return `has elements nested more than ${MAX_XML_DEPTH} levels deep; SAML documents are a few levels deep, so the app does not read it.`
    if (elements > MAX_XML_ELEMENTS) return `has more than ${MAX_XML_ELEMENTS.toLocaleString('en-US')} elements; SAML documents have a few hundred at most, so the app does not read it.`
    at = end
  }
  return null
}

/** The encoding named in an XML declaration, read from ASCII-compatible bytes. */
const DECLARED_ENCODING = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/

/**
 * Text of an XML file as it was saved. Metadata does not always arrive as UTF-8: Windows PowerShell
 * (`Invoke-WebRequest ... > file.xml`, `Out-File`) writes UTF-16LE with a BOM, and some IdPs declare
 * ISO-8859-1. Detected as XML itself does: a BOM first, then the first bytes of "<?xml", then the
 * declared encoding; UTF-8 otherwise. The BOM is not kept.
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  const [b0, b1, b2] = bytes
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decode('utf-8', bytes.subarray(3))
  if (b0 === 0xff && b1 === 0xfe) return decode('utf-16le', bytes.subarray(2))
  if (b0 === 0xfe && b1 === 0xff) return decode('utf-16be', bytes.subarray(2))
  // UTF-16 without a BOM: "<" is 3C 00 (little-endian) or 00 3C (big-endian).
  if (b0 === 0x3c && b1 === 0x00) return decode('utf-16le', bytes)
  if (b0 === 0x00 && b1 === 0x3c) return decode('utf-16be', bytes)
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1')
  const declared = DECLARED_ENCODING.exec(head.trimStart())?.[1].toLowerCase()
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && !declared.startsWith('utf-16')) {
    try {
      return decode(declared, bytes)
    } catch {
      // An encoding TextDecoder does not know: read it as UTF-8, the parser reports what does not fit.
    }
  }
  return decode('utf-8', bytes)
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes)
}

function describeDeclaration(keyword: string): string {
  const name = keyword.toUpperCase()
  const declaration = name === 'DOCTYPE' ? 'a DOCTYPE declaration' : `an <!${clip(name)}> declaration`
  return `contains ${declaration}, which SAML metadata never needs; the app refuses it for safety.`
}

/** xmldom's locator trails the parser a little (it can point at the previous token), hence "near". */
function formatPosition(locator: { lineNumber?: number; columnNumber?: number } | undefined): string {
  const line = locator?.lineNumber
  if (!line || line < 1) return ''
  const column = locator?.columnNumber
  return column && column > 0 ? ` (near line ${line}, column ${column})` : ` (near line ${line})`
}

/** Parser messages can quote the input (tag names, stray text): keep them short, on one line and printable. */
function clip(message: string): string {
  return redactThenShorten(message.replace(/\s+/g, ' ').trim(), MAX_DETAIL_CHARS)
}
