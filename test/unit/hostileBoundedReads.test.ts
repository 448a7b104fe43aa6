import { closeSync, openSync } from 'node:fs'
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { performance } from 'node:perf_hooks'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dispatcher } from 'undici'
import { readStandardInput } from '../../src/cli/inputFile'
import { runCli } from '../../src/cli/runCli'
import { readRegularFile, readRegularFileSync } from '../../src/core/files/boundedRead'
import { readCaFile } from '../../src/core/net/trust'
import { OpenedFiles } from '../../src/core/profiles/openedFiles'
import { createHttpDispatcher } from '../../src/core/net/httpClient'
import { runConnectionTest } from '../../src/core/scim/connectionTest'
import { runLifecycleTest } from '../../src/core/scim/lifecycleTest'
import { runUserLookup } from '../../src/core/scim/userLookup'
import { runDialpadMetadataCheck, runSsoServicesCheck } from '../../src/core/sso/ssoServicesCheck'
import { deriveSpValues } from '../../src/shared/spValues'
import { MAX_BUNDLE_BYTES } from '../../src/shared/bundle'
import type { CheckRun } from '../../src/shared/checkRun'
import { runCliProcess } from '../support/cliProcess'
import { type ScimRoute, type ScimServer, startScimServer } from '../support/scimServer'
import { makeTestCa } from '../support/scimTestCa'
import { runCliCaptured } from './support/cliRun'

/**
 * Class 3 of the hostile-input issue: no input is read past its limit. Standard input stops after limit + 1 bytes,
 * files are refused by their size before a byte is read, and the message gives the real size when it is known.
 */
const MB300 = 300 * 1024 * 1024
/** The CLI process as a whole (Node, the TypeScript loader, the app) must stay under this, whatever the input. */
const PEAK_LIMIT = 200 * 1024 * 1024

let dir: string
let big: string
let bigBundle: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dpsso-bounded-'))
  // Sparse files: 300 MB to the file system, no disk or memory used to make them.
  big = join(dir, 'big.pem')
  bigBundle = join(dir, 'big.dialpad-sso.json')
  for (const file of [big, bigBundle]) {
    await writeFile(file, '')
    await truncate(file, MB300)
  }
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const run = (argv: string[]) => runCliCaptured(argv, { env: {} })

describe('300 MB piped into the real CLI: read up to the limit, then stopped; peak memory flat', () => {
  it.each([
    { args: ['cert', '-'], what: 'a certificate', limit: '64 KiB' },
    { args: ['bundle', 'validate', '-'], what: 'a configuration bundle', limit: '2 MiB' },
  ])('$args.0 $args.1 -: refused at $limit', async ({ args, what, limit }) => {
    const result = await runCliProcess(args, { stdin: { zeros: MB300 }, timeoutMs: 60_000 })
    expect(result.timedOut).toBe(false)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`Standard input is too large for ${what}: more than ${limit} (reading stopped there); the limit is ${limit}.`)
    expect(result.peakBytes).not.toBeNull()
    expect(result.peakBytes!).toBeLessThan(PEAK_LIMIT)
    // The writer was cut off long before 300 MB: the CLI closed its end of the pipe.
    expect(result.written).toBeLessThan(MB300)
  })

  it('sso validate --response -: 300 MB of response refused at 512 KiB, memory flat', async () => {
    // The certificate is read first: a real one, so the response is read too.
    const result = await runCliProcess(['sso', 'validate', '--response', '-', '--idp-cert', join(__dirname, '../fixtures/real-world/trustlogin.crt'), '--domain', 'example.com'], {
      stdin: { zeros: MB300 },
      timeoutMs: 60_000,
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Standard input is too large for a SAML response: more than 512 KiB (reading stopped there); the limit is 512 KiB.')
    expect(result.peakBytes!).toBeLessThan(PEAK_LIMIT)
  })

  it('standard input redirected from a 300 MB file: refused at once with its real size, nothing read', async () => {
    const fd = openSync(big, 'r')
    try {
      const result = await runCliProcess(['cert', '-'], { stdin: { fd }, timeoutMs: 60_000 })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('Standard input is too large for a certificate: 300 MiB; the limit is 64 KiB.')
      expect(result.peakBytes!).toBeLessThan(PEAK_LIMIT)
    } finally {
      closeSync(fd)
    }
  })

  it.skipIf(process.platform === 'win32')('/dev/zero as standard input (endless): stopped at the limit', async () => {
    const fd = openSync('/dev/zero', 'r')
    try {
      const result = await runCliProcess(['metadata', '-'], { stdin: { fd }, timeoutMs: 60_000 })
      expect(result.timedOut).toBe(false)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('Standard input is too large for a metadata file: more than 512 KiB (reading stopped there); the limit is 512 KiB.')
      expect(result.peakBytes!).toBeLessThan(PEAK_LIMIT)
    } finally {
      closeSync(fd)
    }
  })
})

describe('every command that reads "-": 300 MB offered on standard input, pulled only to the limit', () => {
  const IDP_CERT = join(__dirname, '../fixtures/real-world/trustlogin.crt')
  it.each([
    { argv: ['cert', '-'], what: 'a certificate', limit: '64 KiB' },
    { argv: ['metadata', '-'], what: 'a metadata file', limit: '512 KiB' },
    { argv: ['bundle', 'validate', '-'], what: 'a configuration bundle', limit: '2 MiB' },
    { argv: ['bundle', 'import', '-', '--data-dir', '<dir>'], what: 'a configuration bundle', limit: '2 MiB' },
    { argv: ['report', '--bundle', '-', '--out', '<dir>/r.html'], what: 'a configuration bundle', limit: '2 MiB' },
    { argv: ['sso', 'validate', '--response', '-', '--idp-cert', IDP_CERT, '--domain', 'example.com'], what: 'a SAML response', limit: '512 KiB' },
    { argv: ['sso', 'validate', '--response', IDP_CERT, '--idp-cert', '-', '--domain', 'example.com'], what: 'a certificate', limit: '64 KiB' },
  ].map((c) => ({ ...c, label: c.argv.filter((arg) => !arg.startsWith('<dir>')).join(' ').replace(IDP_CERT, 'idp.crt') })))('$label', async ({ argv, what, limit }) => {
    let pulled = 0
    const stream = Readable.from(
      (function* () {
        for (let i = 0; i < 300; i++) {
          pulled += 1024 * 1024
          yield Buffer.alloc(1024 * 1024, 0x41)
        }
      })(),
    )
    let stdout = ''
    let stderr = ''
    const code = await runCli(
      argv.map((arg) => arg.replace('<dir>', dir)),
      { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, readStdin: (maxBytes) => readStandardInput(maxBytes, stream, -1) },
    )
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain(`Standard input is too large for ${what}: more than ${limit} (reading stopped there); the limit is ${limit}.`)
    expect(pulled).toBeLessThanOrEqual(4 * 1024 * 1024)
    expect(stream.destroyed).toBe(true)
  })
})

describe('a 300 MB file named on the command line: refused by its size before it is read, with the real size', () => {
  const cases: { name: string; argv: () => string[]; message: RegExp }[] = [
    { name: 'cert', argv: () => ['cert', big], message: /big\.pem is too large for a certificate: 300 MiB; the limit is 64 KiB\. An IdP certificate is 1–3 KiB/ },
    { name: 'metadata', argv: () => ['metadata', big], message: /big\.pem is too large for a metadata file: 300 MiB; the limit is 512 KiB\./ },
    { name: 'bundle validate', argv: () => ['bundle', 'validate', bigBundle], message: /is too large for a configuration bundle: 300 MiB; the limit is 2 MiB\./ },
    { name: 'bundle import', argv: () => ['bundle', 'import', bigBundle, '--data-dir', dir], message: /is too large for a configuration bundle: 300 MiB; the limit is 2 MiB\./ },
    { name: 'report --bundle', argv: () => ['report', '--bundle', bigBundle, '--out', join(dir, 'r.html')], message: /is too large for a configuration bundle: 300 MiB/ },
    {
      name: 'sso validate --idp-cert',
      argv: () => ['sso', 'validate', '--response', big, '--idp-cert', big, '--domain', 'example.com'],
      message: /big\.pem is too large for a certificate: 300 MiB; the limit is 64 KiB\./,
    },
    {
      name: 'sso validate --response',
      argv: () => ['sso', 'validate', '--response', big, '--idp-cert', join(__dirname, '../fixtures/real-world/trustlogin.crt'), '--domain', 'example.com'],
      message: /big\.pem is too large for a SAML response: 300 MiB; the limit is 512 KiB\./,
    },
    {
      name: 'scim test --ca',
      argv: () => ['scim', 'test', '--base-url', 'https://dialpad.com/scim', '--ca', big],
      message: /big\.pem is too large for a CA certificate file: 300 MiB; the limit is 1 MiB\./,
    },
  ]
  it.each(cases)('$name', async ({ argv, message }) => {
    const { code, stdout, stderr } = await run(argv())
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    // Never the capped size some readers used to report ("2.0 MiB", "512.1 KiB").
    expect(stderr).not.toMatch(/512\.1 KiB|64\.1 KiB|2\.1 MiB/)
  })
})

/**
 * Within the size limits, a document can still be built to cost far more than its size: XML nested 70,000 deep or
 * made of 100,000 empty elements (hundreds of MB as a DOM, deep recursion when a signature is checked), JSON of a
 * million "[". They are refused on their text, before any parser builds them.
 */
describe('inputs within the limit but built to exhaust a parser: refused before parsing', () => {
  let server: Server
  let scimUrl: string
  const SAMLP = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"'
  const nested = (depth: number, tag = 'a') => `<${tag}>`.repeat(depth) + `</${tag}>`.repeat(depth)
  const response = (inner: string) => `<samlp:Response ${SAMLP} ID="r" Version="2.0" IssueInstant="2026-03-02T10:00:00Z">${inner}</samlp:Response>`
  const SIGNED_REFERENCE =
    '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>' +
    '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#a"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms>' +
    '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>'
  /** A signed-looking assertion whose attribute value is nested 70,000 deep: checking its digest walks all of it. */
  const deepSigned = response(
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="a" Version="2.0" IssueInstant="2026-03-02T10:00:00Z"><saml:Issuer>JumpCloud</saml:Issuer>${SIGNED_REFERENCE}` +
      `<saml:AttributeStatement><saml:Attribute Name="email"><saml:AttributeValue>${nested(70_000, 'b')}</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion>`,
  )
  let scimBody = ''

  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/scim+json' }).end(scimBody))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    scimUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim`
    await writeFile(join(dir, 'deep-response.xml'), response(nested(74_000)))
    await writeFile(join(dir, 'wide-response.xml'), response('<a/>'.repeat(130_000)))
    await writeFile(join(dir, 'deep-signed-response.xml'), deepSigned)
    await writeFile(join(dir, 'deep-metadata.xml'), `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x">${nested(36_000)}</md:EntityDescriptor>`)
    await writeFile(join(dir, 'deep-array.dialpad-sso.json'), `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`)
    await writeFile(join(dir, 'deep-object.dialpad-sso.json'), `${'{"a":'.repeat(300_000)}1${'}'.repeat(300_000)}`)
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  const IDP_CERT = join(__dirname, '../fixtures/real-world/trustlogin.crt')
  const validate = (file: string) => ['sso', 'validate', '--response', join(dir, file), '--idp-cert', IDP_CERT, '--domain', 'example.com', '--now', '2026-03-02T10:00:30Z']
  const scimDeep = `${'['.repeat(500_000)}${']'.repeat(500_000)}`
  const cases: { name: string; argv: () => string[]; body?: string; env?: NodeJS.ProcessEnv; message: RegExp }[] = [
    { name: 'sso validate: a response nested 74,000 deep', argv: () => validate('deep-response.xml'), message: /The SAML response has elements nested more than 64 levels deep/ },
    { name: 'sso validate: a response of 130,000 empty elements', argv: () => validate('wide-response.xml'), message: /The SAML response has more than 20,000 elements/ },
    { name: 'sso validate: a signed assertion nested 70,000 deep', argv: () => validate('deep-signed-response.xml'), message: /nested more than 64 levels deep/ },
    { name: 'metadata: nested 36,000 deep', argv: () => ['metadata', join(dir, 'deep-metadata.xml')], message: /The metadata file has elements nested more than 64 levels deep/ },
    { name: 'bundle validate: a million nested arrays', argv: () => ['bundle', 'validate', join(dir, 'deep-array.dialpad-sso.json')], message: /nested far deeper than a bundle can be/ },
    { name: 'bundle import: 300,000 nested objects', argv: () => ['bundle', 'import', join(dir, 'deep-object.dialpad-sso.json'), '--data-dir', join(dir, 'data')], message: /nested far deeper than a bundle can be/ },
    { name: 'report --bundle: a million nested arrays', argv: () => ['report', '--bundle', join(dir, 'deep-array.dialpad-sso.json'), '--out', join(dir, 'r.html')], message: /nested far deeper than a bundle can be/ },
    {
      name: 'scim test: a SCIM answer nested 500,000 deep',
      argv: () => ['scim', 'test', '--base-url', scimUrl],
      body: scimDeep,
      env: { DIALPAD_API_KEY: 'bounded-reads-test-key-1' },
      message: /nested far deeper than any SCIM data/,
    },
    {
      name: 'scim find-user: the same answer to the search',
      argv: () => ['scim', 'find-user', '--base-url', scimUrl, '--email', 'jane@example.com'],
      body: scimDeep,
      env: { DIALPAD_API_KEY: 'bounded-reads-test-key-1' },
      message: /nested far deeper than any SCIM data/,
    },
    {
      name: 'scim lifecycle: the same answer to the create',
      argv: () => ['scim', 'lifecycle', '--base-url', scimUrl, '--user-email', 'jane@example.com', '--yes'],
      body: scimDeep,
      env: { DIALPAD_API_KEY: 'bounded-reads-test-key-1' },
      message: /nested far deeper than any SCIM data/,
    },
  ]

  it.each(cases)('$name', async ({ argv, body, env, message }) => {
    scimBody = body ?? ''
    let out = ''
    const code = await runCli(argv(), { stdout: (t) => (out += t), stderr: (t) => (out += t), env: env ?? {} })
    expect(code).toBe(1)
    expect(out).toMatch(message)
  })

  it('the signed assertion nested 70,000 deep, in the real CLI: peak memory flat', async () => {
    const result = await runCliProcess(validate('deep-signed-response.xml'), { timeoutMs: 60_000 })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/nested more than 64 levels deep/)
    // It used to take over 400 MB (a DOM of 70,000 levels, and again while checking the digest).
    expect(result.peakBytes!).toBeLessThan(PEAK_LIMIT)
  })

  it('metadata and responses as IdPs write them are read: comments, CDATA and quoted ">" are not taken for elements', async () => {
    const { parseXmlSafely } = await import('../../src/core/xml/safeXml')
    // 60 levels and 19,900 elements: within the limits however the markup around them is counted.
    const xml = `<?xml version="1.0"?><!-- <a><a><a> ${'<b>'.repeat(100)} --><r x="a>b" y='c>d'>${'<![CDATA[<d><d><d>]]>'.repeat(100)}${'<e/>'.repeat(19_900)}<?pi <f><f>?>${nested(60)}</r>`
    expect(parseXmlSafely(xml, { maxBytes: 1024 * 1024, what: 'A test file' }).documentElement?.localName).toBe('r')
  })
})

/**
 * Slow-loris servers: an answer whose bytes keep trickling in, on each request the live SCIM checks make. Every request
 * has a deadline for its whole answer (30 s in the app, shortened here), so each check ends in bounded time, says
 * which request took too long, and the lifecycle test still cleans up.
 */
describe('a server that never finishes its answer: every live SCIM check ends within its deadlines', () => {
  const TOKEN = 'dpk_slowloris_Test9fQ2xZ7wLmN4'
  const DEADLINE_MS = 300
  let scim: ScimServer
  let dispatcher: Dispatcher

  beforeAll(async () => {
    const ca = await makeTestCa()
    scim = await startScimServer({ token: TOKEN, tls: await ca.issue() })
    dispatcher = createHttpDispatcher({ env: {}, extraCaPem: ca.caPem, timeouts: { connectMs: 2_000, headersMs: 2_000, bodyMs: 2_000 } })
  })
  afterAll(async () => {
    await dispatcher.close()
    await scim.close()
  })

  const trickle = { kind: 'trickle', intervalMs: 20 } as const
  const options = () => ({ baseUrl: scim.url, token: TOKEN, dispatcher, deadlineMs: DEADLINE_MS })
  /** `informational`: the slow request is one whose failure warns (the check still passes). */
  const cases: { name: string; slow: ScimRoute; also?: () => void; run: () => Promise<CheckRun>; step: string; requests: number; informational?: boolean }[] = [
    { name: 'scim test: listing users', slow: 'GET /Users', run: () => runConnectionTest(options()), step: 'list-users', requests: 4 },
    { name: 'scim find-user: the search', slow: 'GET /Users', run: async () => (await runUserLookup({ ...options(), email: 'jane@example.com' })).run, step: 'find-user', requests: 1 },
    ...(
      [
        ['ServiceProviderConfig', 'GET /ServiceProviderConfig', 'update-method'],
        ['the create', 'POST /Users', 'create-user'],
        ['the read by id', 'GET /Users/:id', 'read-user'],
        ['the PATCH of the name', 'PATCH /Users/:id', 'update-user'],
        ['the search by userName', 'GET /Users', 'find-user'],
        ['the DELETE', 'DELETE /Users/:id', 'delete-user'],
      ] as const
    ).map(([what, slow, step]) => ({
      name: `scim lifecycle: ${what}`,
      slow,
      informational: step === 'update-method' || step === 'read-user' || step === 'delete-user',
      run: () => runLifecycleTest({ ...options(), userEmail: 'sso-assistant-test@example.com' }),
      step,
      requests: 8,
    })),
    {
      name: 'scim lifecycle: the PUT after a refused PATCH',
      slow: 'PUT /Users/:id',
      also: () => scim.faults.set('PATCH /Users/:id', { kind: 'status', status: 405 }),
      run: () => runLifecycleTest({ ...options(), userEmail: 'sso-assistant-test@example.com' }),
      step: 'update-user',
      requests: 9,
    },
  ]

  it.each(cases)('$name', async ({ slow, also, run, step, requests, informational = false }) => {
    scim.faults.clear()
    scim.users.clear()
    scim.faults.set(slow, trickle)
    also?.()
    const started = performance.now()
    const result = await run()
    const elapsed = performance.now() - started
    expect(result.ok).toBe(informational)
    const slowStep = result.steps.find((candidate) => candidate.id === step)
    expect(slowStep?.status).toBe(informational ? 'warn' : 'fail')
    expect(slowStep?.detail).toMatch(/took too long: No complete answer within 0\.3 s\./)
    // Bounded: at most one deadline per request the check makes, plus local round trips.
    expect(elapsed).toBeLessThan(requests * DEADLINE_MS + 3_000)
    expect(JSON.stringify(result)).not.toContain(TOKEN.slice(4, 12))
  })
})

describe('a server that never finishes its answer: the live SSO checks end within their deadlines too', () => {
  const DEADLINE_MS = 300
  let trickling: Server
  let origin: string
  let dispatcher: Dispatcher

  beforeAll(async () => {
    trickling = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' })
      const timer = setInterval(() => res.write('<'), 20)
      res.on('close', () => clearInterval(timer))
    })
    await new Promise<void>((resolve) => trickling.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(trickling.address() as AddressInfo).port}`
    dispatcher = createHttpDispatcher({ env: {} })
  })
  afterAll(async () => {
    await dispatcher.close()
    trickling.closeAllConnections()
    await new Promise((resolve) => trickling.close(resolve))
  })

  const sp = deriveSpValues('example.com', 'production')
  it.each([
    { name: "sso metadata: Dialpad's SP metadata", run: () => runDialpadMetadataCheck({ sp, metadataBaseUrl: origin, dispatcher, deadlineMs: DEADLINE_MS }), step: 'sp-metadata' },
    // The IdP SSO URL is judged on its answer's status and headers; its endless body is not waited for.
    { name: 'the SSO services check: both addresses trickling', run: () => runSsoServicesCheck({ sp, metadataBaseUrl: origin, idpSsoUrl: `${origin}/saml2/dialpad`, dispatcher, deadlineMs: DEADLINE_MS }), step: 'sp-metadata' },
  ])('$name', async ({ run, step }) => {
    const started = performance.now()
    const result = await run()
    expect(performance.now() - started).toBeLessThan(2 * DEADLINE_MS + 3_000)
    expect(result.steps.find((candidate) => candidate.id === step)?.detail).toMatch(/took too long: No complete answer within 0\.3 s/)
  })
})

describe('the bounded readers themselves', () => {
  it('read a file of exactly the limit, and refuse one byte more with both sizes', async () => {
    const file = join(dir, 'edge.bin')
    await writeFile(file, Buffer.alloc(1024, 0x41))
    expect(readRegularFileSync(file, { maxBytes: 1024, what: 'a test file' })).toHaveLength(1024)
    await expect(readRegularFile(file, { maxBytes: 1024, what: 'a test file' })).resolves.toHaveLength(1024)
    expect(() => readRegularFileSync(file, { maxBytes: 1023, what: 'a test file' })).toThrow(/edge\.bin is too large for a test file: 1 KiB; the limit is 1023 bytes\./)
  })

  it('standard input: a 300 MB stream is pulled only to limit + 1 bytes', async () => {
    let pulled = 0
    const stream = Readable.from(
      (function* () {
        for (let i = 0; i < 300; i++) {
          pulled += 1024 * 1024
          yield Buffer.alloc(1024 * 1024)
        }
      })(),
    )
    const input = await readStandardInput(64 * 1024, stream, -1)
    expect(input.bytes.length).toBe(64 * 1024 + 1)
    expect(input.size).toBeNull()
    expect(pulled).toBeLessThanOrEqual(2 * 1024 * 1024)
    expect(stream.destroyed).toBe(true)
  })

  it('an "Open with" bundle of 300 MB is refused by its size', async () => {
    const opened = new OpenedFiles()
    opened.add([bigBundle])
    await expect(opened.take()).rejects.toThrow(/is too large for a configuration bundle: 300 MiB; the limit is 2 MiB\./)
  })

  it('a corporate CA file of 300 MB is refused by its size', async () => {
    await expect(readCaFile(big)).rejects.toThrow(/too large for a CA certificate file: 300 MiB/)
  })

  it('a bundle of exactly the limit is read (and judged by its content, not refused for its size)', async () => {
    const file = join(dir, 'limit.dialpad-sso.json')
    await writeFile(file, Buffer.alloc(MAX_BUNDLE_BYTES, 0x20))
    const { code, stderr } = await run(['bundle', 'validate', file])
    expect(code).toBe(1)
    expect(stderr).toContain('is empty')
  })
})
