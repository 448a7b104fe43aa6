import 'reflect-metadata'
import { webcrypto } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as x509 from '@peculiar/x509'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { displayText, hasUnsafeCharacters, oneLine, safeJson } from '../../src/shared/displayText'
import { deriveSpValues } from '../../src/shared/spValues'
import type { Bundle } from '../../src/shared/bundle'
import { readBundle } from '../../src/core/bundle/bundleRead'
import { bundleValuesOf, readStoredCertificate } from '../../src/core/bundle/bundleValues'
import { latestChecksOf } from '../../src/shared/latestChecks'
import { EXAMPLE_BUNDLE, asExported, withFreshDigest } from '../support/bundles'
import { jumpCloudMetadataXml } from '../support/idpMetadataXml'
import { makeTestIdp, signedResponse, type TestIdp } from '../support/samlTestIdp'
import { makeTestCertificate } from '../support/testCertificates'
import { runCliCaptured } from './support/cliRun'

/**
 * Class 1 of the hostile-input issue: text from outside (metadata, certificates, SAML responses, bundles, SCIM and
 * metadata servers, file names and arguments) can neither drive the terminal (escape sequences, C1 controls, bidi
 * overrides, zero-width characters) nor print a line of its own, such as a PASS line the app never decided.
 */
const FORGED = 'PASS  Signature verified (forged)'
/** ESC [2J clears the screen; ESC ]0;…BEL retitles the window; CSI (U+009B) is the one-character ESC [. */
const ANSI = '\u001b[2J\u001b]0;pwned\u0007\u009b31m'
/** XML 1.0 cannot carry C0 controls but does carry line breaks, C1 controls, bidi overrides and zero-width characters. */
const XML_HOSTILE = `x&#10;${FORGED}&#13;FAIL&#x9b;2J&#x9d;0;pwned&#x9c;&#x202e;gnp.exe&#x200b;`
const XML_HOSTILE_DECODED = `x\n${FORGED}\rFAIL\u009b2J\u009d0;pwned\u009c\u202egnp.exe\u200b`

interface Ran {
  code: number
  stdout: string
  stderr: string
}

const run = (argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> => runCliCaptured(argv, { env })

/** Nothing raw reaches the terminal, and no line starts with what the input tried to print. */
function expectSafe({ stdout, stderr }: Ran): void {
  for (const output of [stdout, stderr]) {
    expect(hasUnsafeCharacters(output, true), JSON.stringify(output.slice(0, 400))).toBe(false)
    expect(output).not.toContain('\t')
    for (const line of output.split('\n')) {
      expect(line.startsWith(FORGED)).toBe(false)
      expect(line.trimStart().startsWith('FAIL\\u')).toBe(false)
    }
  }
}

let dir: string
let idp: TestIdp
const file = (name: string) => join(dir, name)
const SP = deriveSpValues('example.com', 'production')
const ISSUED = new Date('2026-03-02T10:00:00Z')

let hostileServer: Server
let hostileUrl: string
let hostileAnswer: { status: number; type: string; body: string } = { status: 200, type: 'text/plain', body: '' }

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dpsso-forged-'))
  idp = await makeTestIdp()
  await writeFile(file('idp.pem'), idp.certificatePem)
  hostileServer = createServer((_req, res) => res.writeHead(hostileAnswer.status, { 'content-type': hostileAnswer.type }).end(hostileAnswer.body))
  await new Promise<void>((resolve) => hostileServer.listen(0, '127.0.0.1', resolve))
  hostileUrl = `http://127.0.0.1:${(hostileServer.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => hostileServer.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

/** A certificate whose subject holds control, C1, bidi and zero-width characters and a line of its own. */
async function hostileCertificatePem(): Promise<string> {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 }
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair
  const name = new x509.Name([{ '2.5.4.3': [{ utf8String: `idp${ANSI}\n${FORGED}\u202egnp.exe\u0085\u200b` }] }, { '2.5.4.10': [{ utf8String: `Acme\r\n${FORGED}` }] }])
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name,
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 300 * 86_400_000),
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5' },
    keys,
  })
  return certificate.toString('pem')
}

async function hostileResponse(options: Partial<Parameters<typeof signedResponse>[2]>, sign: Parameters<typeof signedResponse>[3] = {}): Promise<string> {
  const xml = signedResponse(idp, SP, { issuedAt: ISSUED, ...options }, sign)
  const path = file(`response-${Math.random().toString(36).slice(2)}.xml`)
  await writeFile(path, xml)
  return path
}

const validate = (response: string, ...more: string[]) => ['sso', 'validate', '--response', response, '--idp-cert', file('idp.pem'), '--domain', 'example.com', '--now', '2026-03-02T10:00:30Z', ...more]

interface Case {
  name: string
  run: () => Promise<Ran>
  /** The hostile text, shown as data: visible escapes in the output. */
  shows?: RegExp
  /** For --json: the exact value the output must still carry. */
  json?: (parsed: unknown) => void
}

const CASES: Case[] = [
  {
    name: 'metadata: an entity ID with a line of its own, C1 CSI/OSC, a bidi override and a zero-width space',
    run: async () => {
      const cert = await makeTestCertificate()
      await writeFile(file('meta1.xml'), jumpCloudMetadataXml({ entityId: 'JumpCloud', certificates: [cert.bodySingleLine] }).replace('entityID="JumpCloud"', `entityID="${XML_HOSTILE}"`))
      return run(['metadata', file('meta1.xml')])
    },
    shows: /IdP Entity ID \(Issuer\) {2}x\\u000aPASS {2}Signature verified \(forged\)\\u000dFAIL\\u009b2J\\u009d0;pwned\\u009c\\u202egnp\.exe\\u200b/,
  },
  {
    name: 'metadata --json: the same entity ID is exact JSON, and safe on a terminal',
    run: () => run(['metadata', file('meta1.xml'), '--json']),
    json: (parsed) => expect((parsed as { idpEntityId: string }).idpEntityId).toBe(XML_HOSTILE_DECODED),
  },
  {
    name: 'metadata: an SSO URL with a bidi override is shown as its code, and judged by the wizard’s rules',
    run: async () => {
      const cert = await makeTestCertificate()
      await writeFile(file('meta2.xml'), jumpCloudMetadataXml({ ssoUrl: 'https://sso.jumpcloud.com/saml2/\u202elapdaid\u200d', certificates: [cert.bodySingleLine] }))
      return run(['metadata', file('meta2.xml')])
    },
    shows: /saml2\/\\u202elapdaid\\u200d\n {4}Warning: The IdP SSO URL contains U\+202E \(a text-direction control character\) at position 33/,
  },
  {
    name: 'cert: a subject with ESC sequences, C1, bidi and zero-width characters and a line of its own',
    run: async () => {
      await writeFile(file('evil.pem'), await hostileCertificatePem())
      return run(['cert', file('evil.pem')])
    },
    shows: /Subject {7}CN=idp.*\\u202egnp\.exe\\u0085\\u200b/,
  },
  {
    name: 'cert --json: the subject is exact JSON (Node’s RFC 2253 escapes kept), safe on a terminal',
    run: () => run(['cert', file('evil.pem'), '--json']),
    json: (parsed) => expect((parsed as { subject: string }).subject).toContain(`${FORGED}\u202egnp.exe\u0085\u200b`),
  },
  {
    name: 'sso validate: a NameID and an email value with a line of their own, C1 and bidi characters',
    run: async () => run(validate(await hostileResponse({ nameId: `jane${XML_HOSTILE_DECODED}@example.com`, attributes: { email: [`jane@example.com${XML_HOSTILE_DECODED}`] } }))),
    // XML turns the carriage return into a line break; both are shown as codes.
    shows: /NameID {22}janex\\u000aPASS {2}Signature verified \(forged\)\\u000aFAIL\\u009b2J\\u009d0;pwned\\u009c\\u202egnp\.exe\\u200b@example\.com/,
  },
  {
    name: 'sso validate: attribute names and values that would retitle the window and overwrite the line',
    run: async () => run(validate(await hostileResponse({ attributes: { email: ['jane.doe@example.com'], [`role\u009d0;pwned\u009c`]: [`admin\r${FORGED}`, '\u2028PASS'] } }))),
    shows: /role\\u009d0;pwned\\u009c = admin\\u000aPASS {2}Signature verified \(forged\), \\u000aPASS/,
  },
  {
    name: 'sso validate: a failed status whose message forges the verdict',
    run: async () => run(validate(await hostileResponse({ status: { code: 'Responder', subCode: 'AuthnFailed', message: `denied\n${FORGED}\n\u202eFAIL` }, withoutAssertion: true }, { sign: 'response' }))),
    shows: /with the message “denied\\u000aPASS {2}Signature verified \(forged\)\\u000a\\u202eFAIL”/,
  },
  {
    name: 'sso validate --json: details quoting the response are exact JSON and safe',
    run: async () => run(validate(await hostileResponse({ nameId: `x\n${FORGED}\u202e` }), '--json')),
    json: (parsed) => expect(JSON.stringify(parsed)).toContain('PASS  Signature verified (forged)'),
  },
  {
    name: 'bundle import: notes and a metadata file name that forge lines in the differences',
    run: async () => {
      const example = JSON.parse(await readFile(EXAMPLE_BUNDLE, 'utf8')) as Record<string, Record<string, unknown>>
      const data = file('data-bundle')
      expect((await run(['bundle', 'import', EXAMPLE_BUNDLE, '--data-dir', data])).code).toBe(0)
      const edited = { ...example, profile: { ...example.profile, notes: `ok${ANSI}\n${FORGED}\n\u202eFAIL` } }
      await writeFile(file('edited.dialpad-sso.json'), withFreshDigest(edited))
      return run(['bundle', 'import', file('edited.dialpad-sso.json'), '--data-dir', data])
    },
    shows: /Notes: Example setup .* → ok\\u001b\[2J\\u001b\]0;pwned\\u0007\\u009b31m ↵ PASS {2}Signature verified \(forged\) ↵ \\u202eFAIL/,
  },
  {
    name: 'bundle validate: a profile name with a line separator (the app shows names as they are in its messages) is refused',
    run: async () => {
      const example = JSON.parse(await readFile(EXAMPLE_BUNDLE, 'utf8')) as { profile: Record<string, unknown> }
      example.profile.name = `Acme\u2028${FORGED}\u2029\ud800`
      await writeFile(file('name.dialpad-sso.json'), withFreshDigest(example))
      return run(['bundle', 'validate', file('name.dialpad-sso.json')])
    },
    shows: /A profile name is one line of text without control characters\./,
  },
  {
    name: 'bundle validate: a certificate whose subject forges lines, carried in a valid bundle',
    run: async () => {
      const example = JSON.parse(await readFile(EXAMPLE_BUNDLE, 'utf8')) as { profile: { setup: { idp: { certificate: string } } }; values: { certificate: unknown } }
      const pem = await hostileCertificatePem()
      const body = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '')
      const { describeCertificate } = await import('../../src/core/saml/certificateImport')
      const report = describeCertificate(Buffer.from(body, 'base64'), new Date())
      example.profile.setup.idp.certificate = body
      example.values.certificate = { body: report.body, sha256Fingerprint: report.sha256 }
      await writeFile(file('cert.dialpad-sso.json'), asExported(example, JSON.parse(await readFile(EXAMPLE_BUNDLE, 'utf8')) as Bundle))
      return run(['bundle', 'validate', file('cert.dialpad-sso.json')])
    },
    shows: /Certificate {3}CN=idp.*\\u202egnp\.exe\\u0085\\u200b/,
  },
  {
    name: 'scim test: a server message that clears the screen and prints a PASS line',
    run: async () => {
      hostileAnswer = {
        status: 401,
        type: 'application/scim+json',
        body: JSON.stringify({ detail: `Denied${ANSI}\n${FORGED}\u2028PASS  Dialpad accepts the API key\u202e` }),
      }
      return run(['scim', 'test', '--base-url', `${hostileUrl}/scim`], { DIALPAD_API_KEY: 'hostile-output-test-key-0001' })
    },
    // The message is put on one line (runs of white space, line separators included, become one space), then shown.
    shows: /Dialpad said: "Denied\\u001b\[2J\\u001b\]0;pwned\\u0007\\u009b31m PASS Signature verified \(forged\) PASS Dialpad accepts the API key\\u202e"/,
  },
  {
    name: 'sso metadata: a metadata server answering with escape sequences and lines of its own',
    run: async () => {
      hostileAnswer = { status: 200, type: 'application/xml', body: `<?xml version="1.0"?>\n<x>${ANSI}\n${FORGED}\u202e</x>` }
      return run(['sso', 'metadata', '--domain', 'example.com', '--base-url', hostileUrl])
    },
    shows: /starting "<x>\\u001b\[2J/,
  },
  {
    name: 'arguments: a file name and a command with a line of their own and an escape sequence',
    run: async () => {
      const missing = await run(['cert', join(dir, `nope${ANSI}\n${FORGED}.pem`)])
      const command = await run([`cer\u001b[2J\n${FORGED}`])
      const environment = await run(['sp', '--domain', 'example.com', '--env', `prod\n${FORGED}`])
      const tokenEnv = await run(['scim', 'test', '--base-url', 'https://dialpad.com/scim', '--token-env', `KEY${ANSI}\n${FORGED}`])
      const all = [missing, command, environment, tokenEnv]
      return { code: missing.code, stdout: all.map((ran) => ran.stdout).join(''), stderr: all.map((ran) => ran.stderr).join('') }
    },
    shows: /Cannot read .*nope\\u001b\[2J\\u001b\]0;pwned\\u0007\\u009b31m\\u000aPASS {2}Signature verified \(forged\)\.pem: there is no such file\./,
  },
  {
    name: 'a domain argument with invisible characters is refused by code point, not echoed raw',
    run: () => run(['sp', '--domain', 'exa\u200bmple.com']),
    shows: /U\+200B \(an invisible character\) is not allowed/,
  },
]

describe('hostile outside text cannot drive the terminal or forge a line', () => {
  it.each(CASES)('$name', async ({ run: go, shows, json }) => {
    const ran = await go()
    expectSafe(ran)
    if (shows) expect(ran.stdout + ran.stderr).toMatch(shows)
    if (json) json(JSON.parse(ran.stdout))
  })
})

describe('a bundle cannot put a status in the app’s mouth', () => {
  // A bundle carries the status its exporter derived ("Finished: 12 steps done, 1 skipped."). It is shown only when
  // this app derives the same from the bundle's own setup; one with another step count is not checked on reading.
  it.each([
    { name: 'a hand-written status with another step count', progress: { done: 12, total: 12 }, headline: 'Verified: every step done and the test user signed in.' },
    { name: 'the same, with forged lines and a bidi override', progress: { done: 14, total: 14 }, headline: `Verified${ANSI}\n${FORGED}\u202e` },
  ])('$name', async ({ progress, headline }) => {
    const example = JSON.parse(await readFile(EXAMPLE_BUNDLE, 'utf8')) as Record<string, unknown> & { steps: { note: string | null }[] }
    const forged = { ...example, progress, overview: { kind: 'verified', headline }, steps: example.steps.map((step) => ({ ...step, state: 'done', note: `${FORGED}\u202e` })) }
    await writeFile(file('forged-status.dialpad-sso.json'), withFreshDigest(forged))
    for (const ran of [await run(['bundle', 'validate', file('forged-status.dialpad-sso.json')]), await run(['bundle', 'validate', file('forged-status.dialpad-sso.json'), '--json'])]) {
      expectSafe(ran)
      expect(ran.stdout).not.toContain('Verified')
      expect(ran.stdout).not.toContain('Exported as')
      expect(ran.stdout).not.toContain('PASS  Signature verified')
    }
    const { readBundle } = await import('../../src/core/bundle/bundleRead')
    const { summarizeBundle } = await import('../../src/core/bundle/bundleSummary')
    const read = readBundle(await readFile(file('forged-status.dialpad-sso.json')))
    if (read.kind === 'rejected') throw new Error(read.message)
    expect(summarizeBundle(read.bundle, read.certificate).exportedOverview).toBeNull()
  })

  it('the status an unedited bundle was exported with is still shown', async () => {
    const ran = await run(['bundle', 'validate', EXAMPLE_BUNDLE])
    expect(ran.stdout).toMatch(/Exported as +Finished: 12 steps done, 1 skipped\./)
  })
})

describe('every text a bundle can carry, made hostile: shown as data wherever it is printed', () => {
  const HOSTILE = `x${ANSI}\n${FORGED}\r\n\u202eFAIL\u200b\u2028PASS  z\u0085`
  type Path = (string | number)[]

  /** The example bundle with every optional part filled (metadata, CA file, other domains, every check), as exported. */
  async function fullBundle(): Promise<Record<string, unknown> & Bundle> {
    const bundle = JSON.parse(await readFile(EXAMPLE_BUNDLE, 'utf8')) as Record<string, unknown> & Bundle
    const { setup } = bundle.profile
    const run = setup.scim.lastConnectionTest!
    setup.otherEmailDomains = ['example.org']
    setup.idp.metadata = { fileName: 'JumpCloud-metadata.xml', importedAt: '2026-12-06T19:30:00.000Z', entityId: 'JumpCloud', ssoUrl: setup.idp.ssoUrlInput, signingCertificates: [setup.idp.certificate!] }
    setup.scim.extraCa = { fileName: 'corp-ca.pem', pem: await readFile(join(__dirname, '../fixtures/real-world/isrg-root-x2-ecdsa.pem'), 'utf8') }
    setup.scim.lastLifecycleTest = run
    setup.sso.lastServicesCheck = run
    setup.sso.lastLoginCheck = { source: 'pasted', run }
    return JSON.parse(withRederived(bundle, bundle)) as Record<string, unknown> & Bundle
  }

  /** The bundle's derived parts (values, latest checks, progress and states, digest) made again, as a forger would. */
  function withRederived(edited: Bundle, original: Bundle): string {
    const certificate = edited.profile.setup.idp.certificate === null ? null : readStoredCertificate(edited.profile.setup.idp.certificate, new Date())
    edited.values = { ...edited.values, ...bundleValuesOf(edited.profile.setup, certificate) }
    edited.latestChecks = latestChecksOf(edited.profile.setup)
    return asExported(edited as unknown as Record<string, unknown>, original)
  }

  function textPaths(value: unknown, path: Path = []): Path[] {
    if (typeof value === 'string') return [path]
    if (Array.isArray(value)) return value.flatMap((item, index) => textPaths(item, [...path, index]))
    if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => textPaths(item, [...path, key]))
    return []
  }

  function madeHostile(bundle: Bundle, paths: Path[]): Bundle {
    const edited = structuredClone(bundle)
    for (const path of paths) {
      let at = edited as unknown as Record<string | number, unknown>
      for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>
      const key = path[path.length - 1]
      const before = at[key] as string
      // Addresses keep their start, so they still read as addresses.
      at[key] = /^https?:/.test(before) ? `${before}${HOSTILE}` : `${before.slice(0, 20)}${HOSTILE}`
    }
    return edited
  }

  it('each one alone is refused with a clean message or read; all those read, together, print nothing raw and no line of their own', async () => {
    const original = await fullBundle()
    const accepted: Path[] = []
    for (const path of textPaths(original.profile, ['profile'])) {
      let text: string
      try {
        text = withRederived(madeHostile(original, [path]), original)
      } catch {
        continue // A certificate or key record that no longer reads: refused on reading anyway.
      }
      const read = readBundle(text)
      if (read.kind === 'rejected') expect(hasUnsafeCharacters(read.message), path.join('.')).toBe(false)
      else accepted.push(path)
    }
    // The texts a person reads in a bundle: names, notes, values, file names, addresses, check titles and details.
    expect(accepted.length).toBeGreaterThan(60)

    const hostile = file('every-text.dialpad-sso.json')
    await writeFile(hostile, withRederived(madeHostile(original, accepted), original))
    const data = file('every-text-data')
    await writeFile(file('full.dialpad-sso.json'), withRederived(structuredClone(original), original))
    expect((await run(['bundle', 'import', file('full.dialpad-sso.json'), '--data-dir', data])).code).toBe(0)
    // Imported over the unedited profile (named), so the differences list every field.
    const overExisting = ['bundle', 'import', hostile, '--profile', original.profile.name, '--data-dir', data]
    for (const argv of [['bundle', 'validate', hostile], overExisting, ['report', '--bundle', hostile, '--out', file('every-text.html')]]) {
      const ran = await run(argv)
      expectSafe(ran)
      if (argv[0] === 'bundle') expect(ran.stdout + ran.stderr).toContain('\\u202eFAIL')
      if (argv === overExisting) expect(ran.stdout).toMatch(/Importing would change the profile “Example Inc\.”:\n( {2}.+\n){10,}/)
    }
    const json = await run(['bundle', 'validate', hostile, '--json'])
    expectSafe(json)
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\u202eFAIL')

    const html = await readFile(file('every-text.html'), 'utf8')
    expect(hasUnsafeCharacters(html, true)).toBe(false)
    expect(html).toContain('\\u202eFAIL')
    // A forged line of its own only inside the notes, which keep the admin's line breaks.
    const notes = /<p class="notes">[\s\S]*?<\/p>/.exec(html)?.[0] ?? ''
    const lines = (source: string) => source.replace(/<[^>]+>/g, '\n').split('\n').map((line) => line.trim())
    expect(lines(html).filter((line) => line.startsWith(FORGED))).toEqual(lines(notes).filter((line) => line.startsWith(FORGED)))
  })
})

describe('the HTML setup report shows hostile text as data too', () => {
  it('a bundle whose notes and IdP Entity ID carry escapes, bidi overrides and forged lines', async () => {
    const bundle = JSON.parse(await readFile(EXAMPLE_BUNDLE, 'utf8')) as { profile: { notes: string; setup: { idp: { entityIdInput: string } } }; values: { idpEntityId: string } }
    bundle.profile.notes = `line one${ANSI}\n${FORGED}\u202e`
    bundle.profile.setup.idp.entityIdInput = `Jump\u202eCloud\u200b`
    bundle.values.idpEntityId = bundle.profile.setup.idp.entityIdInput
    await writeFile(file('report.dialpad-sso.json'), asExported(bundle, JSON.parse(await readFile(EXAMPLE_BUNDLE, 'utf8')) as Bundle))
    const ran = await run(['report', '--bundle', file('report.dialpad-sso.json'), '--out', file('report.html')])
    expect(ran.code).toBe(0)
    const html = await readFile(file('report.html'), 'utf8')
    // Line breaks stay only where the report keeps them (the notes); nothing else is raw.
    expect(hasUnsafeCharacters(html, true)).toBe(false)
    expect(html).toContain(`line one\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m\n${FORGED}\\u202e`)
    expect(html).toContain('<span class="value">Jump\\u202eCloud\\u200b</span>')
    expect(html).toContain('<strong>Warning:</strong> The IdP Entity ID contains U+202E (a text-direction control character) at position 5.')
  })
})

describe('the output-safety layer', () => {
  it.each([
    ['ESC and CSI', '\u001b[2J', '\\u001b[2J'],
    ['OSC retitle with BEL', '\u001b]0;t\u0007', '\\u001b]0;t\\u0007'],
    ['C1 CSI', '\u009b31m', '\\u009b31m'],
    ['line break and carriage return', 'a\nb\rc', 'a\\u000ab\\u000dc'],
    ['NEL, line and paragraph separators', 'a\u0085b\u2028c\u2029d', 'a\\u0085b\\u2028c\\u2029d'],
    ['bidi overrides and isolates', '\u202eabc\u202c\u2066x\u2069\u200f', '\\u202eabc\\u202c\\u2066x\\u2069\\u200f'],
    ['zero-width characters and BOM', 'a\u200bb\u200cc\u200dd\u2060e\ufeff', 'a\\u200bb\\u200cc\\u200dd\\u2060e\\ufeff'],
    ['tag characters beyond the BMP', 'a\u{e0041}b', 'a\\u{e0041}b'],
    ['a lone surrogate', 'a\ud800b', 'a\\ud800b'],
    ['Hangul fillers and the combining grapheme joiner', 'a\u3164b\u115fc\u034fd', 'a\\u3164b\\u115fc\\u034fd'],
    ['ordinary text, accents, CJK and emoji unchanged', 'Café 東京 👍 “quoted” → x', 'Café 東京 👍 “quoted” → x'],
  ])('%s', (_name, input, shown) => {
    expect(displayText(input)).toBe(shown)
    expect(hasUnsafeCharacters(displayText(input))).toBe(false)
    // Showing twice changes nothing.
    expect(displayText(displayText(input))).toBe(shown)
  })

  it('keeps line breaks and tabs only where text is meant to span lines', () => {
    expect(displayText('a\r\nb\tc\u001b', { multiline: true })).toBe('a\nb\tc\\u001b')
    expect(displayText('a\rb', { multiline: true })).toBe('a\\u000db')
  })

  it('shortens without cutting an escape, a surrogate pair or a kept marker in half', () => {
    expect(oneLine('abc\u001bdef', 5)).toBe('abc…')
    expect(oneLine('ab👍cd', 3)).toBe('ab…')
    expect(displayText('xx [API key hidden] yy', { max: 6, keepWhole: ['[API key hidden]'] })).toBe('xx [API key hidden]…')
  })

  it('safeJson is exact JSON with every unsafe character escaped', () => {
    const value = { a: `x\u001b\u009b\u202e\u200b\u2028\u{e0041}\ud800`, b: ['\n'] }
    const text = safeJson(value)
    expect(JSON.parse(text)).toEqual(value)
    expect(hasUnsafeCharacters(text, true)).toBe(false)
  })
})
