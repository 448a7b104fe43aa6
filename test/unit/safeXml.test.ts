import { writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { DOMParser } from '@xmldom/xmldom'
import { afterEach, describe, expect, it } from 'vitest'
import { parseXmlSafely, XmlRefusedError, type ParseXmlOptions, type XmlRefusalReason } from '../../src/core/xml/safeXml'
import { UserFacingError } from '../../src/core/userFacingError'
import { useTempDirs } from '../support/tempDir'

const makeTempDir = useTempDirs()
const OPTIONS = { maxBytes: 64 * 1024, what: 'The metadata file' }
const DOCTYPE_MESSAGE =
  'The metadata file contains a DOCTYPE declaration, which SAML metadata never needs; the app refuses it for safety. Export the metadata from JumpCloud again.'

function refusal(text: string, options: ParseXmlOptions = OPTIONS): XmlRefusedError {
  try {
    parseXmlSafely(text, options)
  } catch (error) {
    expect(error).toBeInstanceOf(XmlRefusedError)
    expect(error).toBeInstanceOf(UserFacingError)
    return error as XmlRefusedError
  }
  throw new Error(`expected a refusal for ${JSON.stringify(text.slice(0, 60))}`)
}

function expectRefused(text: string, reason: XmlRefusalReason): XmlRefusedError {
  const error = refusal(text)
  expect(error.reason).toBe(reason)
  return error
}

/** A local HTTP server counting every request, to prove nothing is fetched. */
const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})
async function countingServer(): Promise<{ url: string; requests: () => number }> {
  let requests = 0
  const server = createServer((_request, response) => {
    requests += 1
    response.end('<!ENTITY leak "fetched">')
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/evil.dtd`, requests: () => requests }
}
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100))

describe('parseXmlSafely: accepted input', () => {
  it('parses namespaced XML with an XML declaration and the predefined entities', () => {
    const document = parseXmlSafely('<?xml version="1.0" encoding="UTF-8"?>\n<a xmlns="urn:x">1 &lt; 2 &amp; &#65;&#x42; &quot;&apos;&gt;</a>', OPTIONS)
    expect(document.documentElement?.namespaceURI).toBe('urn:x')
    expect(document.documentElement?.textContent).toBe('1 < 2 & AB "\'>')
  })

  it('strips a UTF-8 byte order mark', () => {
    const document = parseXmlSafely('\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<a/>', OPTIONS)
    expect(document.documentElement?.localName).toBe('a')
  })

  it('accepts comments and CDATA sections', () => {
    const document = parseXmlSafely('<!-- exported by JumpCloud --><a><![CDATA[<b>]]></a>', OPTIONS)
    expect(document.documentElement?.textContent).toBe('<b>')
  })
})

describe('parseXmlSafely: DOCTYPE and entity declarations', () => {
  it('refuses billion laughs before parsing, without expanding anything', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      ' <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
      ']>',
      '<lolz>&lol9;</lolz>',
    ].join('\n')
    const started = performance.now()
    const error = expectRefused(lol, 'doctype')
    expect(performance.now() - started).toBeLessThan(100)
    expect(error.message).toBe(DOCTYPE_MESSAGE)
  })

  it('refuses XXE with a file:/// SYSTEM entity and never reads the file', async () => {
    const dir = await makeTempDir()
    const secretFile = join(dir, 'secret.txt')
    await writeFile(secretFile, 'TOP-SECRET-MARKER')
    for (const target of ['file:///etc/passwd', `file://${secretFile}`]) {
      const xxe = `<?xml version="1.0"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM "${target}">]>\n<foo>&xxe;</foo>`
      const error = expectRefused(xxe, 'doctype')
      expect(error.message).toBe(DOCTYPE_MESSAGE)
      expect(error.message).not.toMatch(/root:|TOP-SECRET-MARKER/)
    }
  })

  it('refuses XXE and external DTDs with an http URL and never fetches it', async () => {
    const server = await countingServer()
    expectRefused(`<!DOCTYPE foo [<!ENTITY xxe SYSTEM "${server.url}">]><foo>&xxe;</foo>`, 'doctype')
    expectRefused(`<!DOCTYPE foo SYSTEM "${server.url}"><foo/>`, 'doctype')
    expectRefused(`<!DOCTYPE foo PUBLIC "-//evil//EN" "${server.url}"><foo/>`, 'doctype')
    await settle()
    expect(server.requests()).toBe(0)
  })

  it('refuses parameter entities', () => {
    const error = expectRefused(`<!DOCTYPE foo [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]><foo/>`, 'doctype')
    expect(error.message).toBe(DOCTYPE_MESSAGE)
  })

  it.each([
    ['lower case', '<!doctype foo><foo/>'],
    ['mixed case', '<!DocType foo><foo/>'],
    ['a newline after the keyword', '<!DOCTYPE\nfoo [<!ENTITY a "b">]><foo/>'],
    ['whitespace after <!', '<! DOCTYPE foo><foo/>'],
    ['a BOM before it', '\uFEFF<!DOCTYPE foo><foo/>'],
    ['an XML declaration and comments before it', '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a -->\n<!-- b -->\n<!DOCTYPE foo><foo/>'],
    ['leading whitespace', '\n\n   <!DOCTYPE foo><foo/>'],
  ])('refuses a DOCTYPE with %s', (_trick, text) => {
    expect(expectRefused(text, 'doctype').message).toBe(DOCTYPE_MESSAGE)
  })

  it('refuses a bare ENTITY declaration and names it', () => {
    const error = expectRefused('<foo/>\n<!entity x "y">', 'doctype')
    expect(error.message).toBe(
      'The metadata file contains an <!ENTITY> declaration, which SAML metadata never needs; the app refuses it for safety. Export the metadata from JumpCloud again.',
    )
  })

  it('leaves unknown entities unexpanded and refuses them as malformed', () => {
    expect(expectRefused('<foo>&xxe;</foo>', 'malformed').message).toBe(
      'The metadata file is not well-formed XML (near line 1, column 1): entity not found:&xxe;. Export the metadata from JumpCloud again.',
    )
  })

  it('relies on a parser that itself never resolves entities or fetches (defense in depth)', async () => {
    const server = await countingServer()
    const document = new DOMParser({ onError: () => undefined }).parseFromString(
      `<!DOCTYPE foo [<!ENTITY xxe SYSTEM "${server.url}"><!ENTITY passwd SYSTEM "file:///etc/passwd">]><foo>&xxe;&passwd;</foo>`,
      'text/xml',
    )
    expect(document.documentElement?.textContent).toBe('&xxe;&passwd;')
    await settle()
    expect(server.requests()).toBe(0)
  })
})

describe('parseXmlSafely: other refusals', () => {
  it('refuses malformed XML with the line and column', () => {
    const error = expectRefused('<?xml version="1.0"?>\n<a>\n  <b>\n  </c>\n</a>', 'malformed')
    expect(error.message).toBe(
      'The metadata file is not well-formed XML (near line 3, column 6): Opening and ending tag mismatch: "b" != "c". Export the metadata from JumpCloud again.',
    )
  })

  it('treats parser warnings as refusals', () => {
    expect(expectRefused('<a x=1/>', 'malformed').message).toMatch(/^The metadata file is not well-formed XML \(near line 1, column 1\): attribute "1" missed quot/)
  })

  it('refuses text after the root element and unbound prefixes', () => {
    expect(expectRefused('<a/>\n<b/>', 'malformed').message).toContain('(near line 2, column 1)')
    expect(expectRefused('<md:EntityDescriptor/>', 'malformed').message).toContain('prefix is non-null and namespace is null')
  })

  it('never repeats big chunks of the input in messages', () => {
    const longName = 'x'.repeat(20_000)
    const error = expectRefused(`<${longName}></y>`, 'malformed')
    expect(error.message.length).toBeLessThan(300)
    expect(error.message).toContain('…')
  })

  it('refuses input over the size limit before parsing, counting UTF-8 bytes', () => {
    const big = `<a>${'x'.repeat(70_000)}</a>`
    expect(expectRefused(big, 'too-large').message).toBe(
      'The metadata file is 68.4 KiB, over the 64 KiB limit the app accepts. Check that you picked the right file. Export the metadata from JumpCloud again.',
    )
    // 60 characters but 120 bytes: the limit is in bytes.
    const accented = `<a>${'é'.repeat(60)}</a>`
    const error = refusal(accented, { maxBytes: 100, what: 'The file' })
    expect(error.reason).toBe('too-large')
    expect(error.message).toMatch(/^The file is 127 bytes, over the 100 bytes limit/)
  })

  it('refuses a document with no root element', () => {
    expect(expectRefused('<!-- just a comment -->', 'malformed').message).toBe(
      'The metadata file is not well-formed XML (near line 1, column 1): missing root element. Export the metadata from JumpCloud again.',
    )
  })

  it.each(['', '   \n\t ', '\uFEFF', '\uFEFF\n'])('refuses empty input %j', (text) => {
    expect(expectRefused(text, 'empty').message).toBe('The metadata file is empty. Export the metadata from JumpCloud again.')
  })

  it.each([
    ['plain text', 'hello world'],
    ['a PEM certificate', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'],
    ['JSON', '{"entityId": "JumpCloud"}'],
    ['a URL', 'https://sso.jumpcloud.com/saml2/dialpad'],
  ])('refuses %s as not XML', (_kind, text) => {
    expect(expectRefused(text, 'not-xml').message).toBe(
      'The metadata file is not XML: it should start with "<". Export the metadata from JumpCloud again.',
    )
  })

  it.each(['<!DOCTYPE html>\n<html><body><p>Sign in<br></body></html>', '<html lang="en"><head><title>JumpCloud</title></head></html>'])(
    'refuses an HTML page as not XML: %#',
    (html) => {
      expect(expectRefused(html, 'not-xml').message).toBe(
        'The metadata file is a web page (HTML), not an XML document. Export the metadata from JumpCloud again.',
      )
    },
  )

  it('ends messages with the caller\'s next step', () => {
    const error = refusal('', { ...OPTIONS, what: 'The SAML response', nextStep: 'Sign in again.' })
    expect(error.message).toBe('The SAML response is empty. Sign in again.')
  })
})
