import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/runCli'
import { readBundle } from '../../src/core/bundle/bundleRead'
import { importCertificate } from '../../src/core/saml/certificateImport'
import { importIdpMetadata } from '../../src/core/saml/metadataImport'
import { diagnoseHttpStatus, readScimBody, serverMessage } from '../../src/core/scim/diagnose'
import { readSpMetadata } from '../../src/core/sso/spMetadataParse'
import { readSamlResponse } from '../../src/core/sso/response/responseInput'
import { UserFacingError } from '../../src/core/userFacingError'
import { hasUnsafeCharacters } from '../../src/shared/displayText'
import { parseDomain } from '../../src/shared/domain'
import { deriveSpValues } from '../../src/shared/spValues'
import { EXAMPLE_BUNDLE } from '../support/bundles'
import { jumpCloudMetadataXml } from '../support/idpMetadataXml'
import { makeTestIdp, signedResponse, type TestIdp } from '../support/samlTestIdp'
import { makeTestCertificate, type TestCertificate } from '../support/testCertificates'

/**
 * Item 6 of the hostile-input issue: every parser that takes outside input (certificate, metadata, SAML response
 * decoding, bundle, domain, SCIM answers, Dialpad's SP metadata), fed random and mutated input. For each:
 * no exception escapes (a refusal is a UserFacingError or a result with a message), each call finishes quickly,
 * memory does not grow without bound, and what a person reads (the real CLI's output) holds no raw control,
 * bidi or zero-width character. Run counts are kept small enough for `npm test`.
 */

/** Runs per property in `npm test`; PROPERTY_RUNS=2000 (say) searches much longer, for a deliberate hunt. */
const PROPERTY_RUNS = Number(process.env.PROPERTY_RUNS ?? 100)
/** Far above any single parse (a few ms); only a loop or a blow-up would reach it, even on a loaded machine. */
const MAX_CALL_MS = 3000
/** Heap growth over a whole property: what the parsers keep must not grow with the number of inputs. */
const MAX_HEAP_GROWTH = 256 * 1024 * 1024

/** Pieces attackers use: terminal escapes, line breaks, bidi and zero-width characters, markup, XML declarations. */
const FRAGMENTS = [
  '\u001b[2J',
  '\u001b]0;t\u0007',
  '\u009b31m',
  '\n',
  '\r',
  '\u2028',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u0000',
  '\ud800',
  'PASS  ',
  '<',
  '>',
  '&',
  '"',
  '&#10;',
  '&#x202e;',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '%2B',
  '\\u0041',
  '=',
  '/',
  '-----BEGIN CERTIFICATE-----',
  '{"a":',
  '@',
  '.',
  'xn--',
]
const hostileText = (maxLength = 40): fc.Arbitrary<string> =>
  fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...FRAGMENTS)), { maxLength }).map((parts) => parts.join(''))

/** A valid document with hostile text spliced in at a random place, replacing a random stretch. */
const mutated = (document: () => string): fc.Arbitrary<string> =>
  fc.tuple(fc.nat(), fc.nat({ max: 40 }), hostileText(8)).map(([at, length, insert]) => {
    const text = document()
    const start = at % (text.length + 1)
    return text.slice(0, start) + insert + text.slice(start + length)
  })

/** Runs `call` timed; returns what it returned or the error it threw. */
async function timed<T>(call: () => T | Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const started = performance.now()
  let outcome: { value?: T; error?: unknown }
  try {
    outcome = { value: await call() }
  } catch (error) {
    outcome = { error }
  }
  expect(performance.now() - started).toBeLessThan(MAX_CALL_MS)
  return outcome
}

/** A refusal: a UserFacingError with a message written for the admin, itself free of raw control characters. */
function expectRefusal(error: unknown): void {
  expect(error).toBeInstanceOf(UserFacingError)
  const message = (error as Error).message
  expect(message.trim()).not.toBe('')
  expect(hasUnsafeCharacters(message)).toBe(false)
}

async function withBoundedHeap(property: () => Promise<void>): Promise<void> {
  global.gc?.()
  const before = process.memoryUsage().heapUsed
  await property()
  global.gc?.()
  expect(process.memoryUsage().heapUsed - before).toBeLessThan(MAX_HEAP_GROWTH)
}

/** The real CLI on bytes given as standard input: never a crash or a usage error, never raw control characters. */
async function cliOn(argv: string[], stdin: Buffer | string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  let out = ''
  const bytes = Buffer.isBuffer(stdin) ? stdin : Buffer.from(stdin, 'utf8')
  const { value: code, error } = await timed(() =>
    runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (out += t), readStdin: async () => ({ bytes, size: null }), env }),
  )
  expect(error).toBeUndefined()
  expect([0, 1]).toContain(code)
  expect(out.trim()).not.toBe('')
  expect(hasUnsafeCharacters(out, true)).toBe(false)
  expect(out).not.toContain('\t')
  return { code: code as number, out }
}

const SP = deriveSpValues('example.com', 'production')
let dir: string
let idp: TestIdp
let certificate: TestCertificate
let genuineResponse: string
let exampleBundle: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dpsso-props-'))
  idp = await makeTestIdp()
  certificate = await makeTestCertificate()
  await writeFile(join(dir, 'idp.pem'), idp.certificatePem)
  genuineResponse = signedResponse(idp, SP, { issuedAt: new Date('2026-03-02T10:00:00Z') })
  exampleBundle = await readFile(EXAMPLE_BUNDLE, 'utf8')
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('certificates', () => {
  it('any bytes or text: a certificate, a choice, or a refusal with a message', async () => {
    await withBoundedHeap(() =>
      fc.assert(
        fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ bytes })), hostileText().map((text) => ({ text })), mutated(() => certificate.pem).map((text) => ({ text }))), async (input) => {
          const { value, error } = await timed(() => importCertificate(input))
          if (error) expectRefusal(error)
          else expect(['certificate', 'choose']).toContain(value!.kind)
        }),
        { numRuns: PROPERTY_RUNS * 3 },
      ),
    )
  })

  it('the cert command prints nothing raw, whatever it is given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText(), mutated(() => certificate.pem)), async (text) => {
        await cliOn(['cert', '-'], text)
      }),
      { numRuns: Math.ceil(PROPERTY_RUNS * 0.6) },
    )
  })
})

describe('IdP metadata', () => {
  const metadataXml = () => jumpCloudMetadataXml({ certificates: [certificate.bodySingleLine] })

  it('any text: the metadata values, or a refusal with a message', async () => {
    await withBoundedHeap(() =>
      fc.assert(
        fc.asyncProperty(fc.oneof(hostileText(), mutated(metadataXml)), async (xml) => {
          const { value, error } = await timed(() => importIdpMetadata('metadata.xml', xml))
          if (error) expectRefusal(error)
          else expect(value!.certificates.length).toBeGreaterThan(0)
        }),
        { numRuns: PROPERTY_RUNS * 2 },
      ),
    )
  })

  it('the metadata command prints nothing raw, and --json stays JSON', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(metadataXml), fc.boolean(), async (xml, json) => {
        const { code, out } = await cliOn(['metadata', '-', ...(json ? ['--json'] : [])], xml)
        if (json && code === 0) expect(() => JSON.parse(out)).not.toThrow()
      }),
      { numRuns: Math.ceil(PROPERTY_RUNS * 0.6) },
    )
  })
})

describe('SAML responses', () => {
  it('any input: a parsed response, or a refusal with its detail and fix', async () => {
    await withBoundedHeap(() =>
      fc.assert(
        fc.asyncProperty(
          fc.oneof(hostileText(), mutated(() => genuineResponse), mutated(() => Buffer.from(genuineResponse).toString('base64')), fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes).toString('latin1'))),
          async (text) => {
            const { value, error } = await timed(() => readSamlResponse({ text }))
            expect(error).toBeUndefined()
            if (!value!.ok) {
              expect(value!.detail.trim()).not.toBe('')
              expect(value!.fix.trim()).not.toBe('')
              expect(hasUnsafeCharacters(value!.detail)).toBe(false)
            }
          },
        ),
        { numRuns: PROPERTY_RUNS * 3 },
      ),
    )
  })

  it('sso validate on mutated responses: every check judged, nothing raw printed', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(() => genuineResponse), async (xml) => {
        await cliOn(['sso', 'validate', '--response', '-', '--idp-cert', join(dir, 'idp.pem'), '--domain', 'example.com', '--now', '2026-03-02T10:00:30Z'], xml)
      }),
      { numRuns: Math.ceil(PROPERTY_RUNS * 0.4) },
    )
  })
})

describe('configuration bundles', () => {
  it('any bytes: valid, edited, or rejected with a problem code and a message', async () => {
    await withBoundedHeap(() =>
      fc.assert(
        fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2048 }), mutated(() => exampleBundle).map((text) => Buffer.from(text, 'utf8'))), async (bytes) => {
          const { value, error } = await timed(() => readBundle(bytes))
          expect(error).toBeUndefined()
          if (value!.kind === 'rejected') {
            expect(value!.message.trim()).not.toBe('')
            expect(hasUnsafeCharacters(value!.message)).toBe(false)
          }
        }),
        { numRuns: PROPERTY_RUNS * 2 },
      ),
    )
  })

  it('bundle validate prints nothing raw, and --json stays JSON', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(() => exampleBundle), fc.boolean(), async (text, json) => {
        const { out } = await cliOn(['bundle', 'validate', '-', ...(json ? ['--json'] : [])], text)
        if (json) expect(() => JSON.parse(out)).not.toThrow()
      }),
      { numRuns: Math.ceil(PROPERTY_RUNS * 0.6) },
    )
  })
})

describe('company domains', () => {
  it('any text: a normalized domain, or an error naming what is wrong, printable', async () => {
    await withBoundedHeap(() =>
      fc.assert(
        fc.asyncProperty(fc.oneof(hostileText(), fc.string({ unit: 'binary', maxLength: 300 }), mutated(() => 'sub.example.com')), async (text) => {
          const { value, error } = await timed(() => parseDomain(text))
          expect(error).toBeUndefined()
          if (value!.ok) expect(value!.domain).toMatch(/^[a-z0-9.-]+$/)
          else {
            expect(value!.error.trim()).not.toBe('')
            expect(hasUnsafeCharacters(value!.error)).toBe(false)
          }
        }),
        { numRuns: PROPERTY_RUNS * 4 },
      ),
    )
  })

  it('the sp command prints nothing raw for any domain argument', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(), async (domain) => {
        let out = ''
        const code = await runCli(['sp', '--domain', domain], { stdout: (t) => (out += t), stderr: (t) => (out += t) })
        expect([0, 1, 2]).toContain(code)
        expect(hasUnsafeCharacters(out, true)).toBe(false)
      }),
      { numRuns: PROPERTY_RUNS },
    )
  })
})

describe('SCIM answers', () => {
  const answer = fc.record({
    status: fc.constantFrom(200, 201, 204, 301, 302, 400, 401, 403, 404, 409, 429, 500, 503),
    headers: fc.record({ 'content-type': fc.oneof(fc.constant('application/scim+json'), fc.constant('application/json'), fc.constant('text/html'), hostileText(4)), location: hostileText(6), 'retry-after': hostileText(3) }),
    body: fc.oneof(
      hostileText(),
      hostileText().map((text) => JSON.stringify({ detail: text, message: text })),
      fc.jsonValue().map((value) => JSON.stringify(value)),
    ),
  })
  const ctx = { url: new URL('https://dialpad.com/scim/Users'), baseUrl: 'https://dialpad.com/scim', now: () => new Date(), secrets: ['scim-property-key-0001'] }

  it('any answer: a diagnosis with what happened and what to do, printable; never a throw', async () => {
    await withBoundedHeap(() =>
      fc.assert(
        fc.asyncProperty(answer, async (response) => {
          const { value: diagnosis, error } = await timed(() => diagnoseHttpStatus(response, ctx))
          expect(error).toBeUndefined()
          expect(diagnosis!.detail.trim()).not.toBe('')
          expect(diagnosis!.fix.trim()).not.toBe('')
          const { error: bodyError } = await timed(() => readScimBody(response, ctx))
          expect(bodyError).toBeUndefined()
          const said = serverMessage(response, ctx.secrets)
          if (said !== undefined) expect(hasUnsafeCharacters(said)).toBe(false)
        }),
        { numRuns: PROPERTY_RUNS * 3 },
      ),
    )
  })

  describe('the scim command against a server answering anything', () => {
    let server: Server
    let baseUrl: string
    let current = { status: 200, type: 'application/scim+json', body: '{}' }

    beforeAll(async () => {
      server = createServer((_req, res) => {
        try {
          res.writeHead(current.status, { 'content-type': current.type })
        } catch {
          res.writeHead(current.status)
        }
        res.end(current.status === 204 ? undefined : current.body)
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim`
    })

    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve))
    })

    /** What a server that plays along answers: a user, or a list of users, with outside text in every field. */
    const userAnswer = fc
      .record({
        id: hostileText(8),
        userName: fc.oneof(fc.constant('jane@example.com'), hostileText(6)),
        active: fc.boolean(),
        familyName: hostileText(6),
        list: fc.boolean(),
        status: fc.constantFrom(200, 201, 405, 501),
      })
      .map(({ id, userName, active, familyName, list, status }) => {
        const user = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: id || 'x', userName, active, name: { familyName } }
        const body = list ? { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 1, Resources: [user] } : user
        return { status, headers: { 'content-type': 'application/scim+json' }, body: JSON.stringify(body) }
      })
    const commands: Record<string, string[]> = {
      test: [],
      'find-user': ['--email', 'jane@example.com'],
      lifecycle: ['--user-email', 'jane@example.com', '--yes'],
    }

    it('prints a verdict for every answer, nothing raw, and --json stays JSON (test, find-user and lifecycle)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(answer, userAnswer), fc.constantFrom(...Object.keys(commands)), fc.boolean(), async (response, command, json) => {
          current = { status: response.status, type: response.headers['content-type'], body: response.body }
          let out = ''
          const code = await runCli(['scim', command, '--base-url', baseUrl, ...commands[command], ...(json ? ['--json'] : [])], {
            stdout: (t) => (out += t),
            stderr: (t) => (out += t),
            env: { DIALPAD_API_KEY: 'scim-property-key-0001' },
          })
          expect([0, 1]).toContain(code)
          expect(hasUnsafeCharacters(out, true)).toBe(false)
          if (json) expect(() => JSON.parse(out)).not.toThrow()
        }),
        { numRuns: Math.ceil(PROPERTY_RUNS * 0.4) },
      )
    })
  })
})

describe("Dialpad's SP metadata, as answered by any server", () => {
  it('any text: the metadata or a refusal with its detail, printable; never a throw', async () => {
    const genuine = `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${SP.spEntityId}"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${SP.acsUrl}" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>`
    await withBoundedHeap(() =>
      fc.assert(
        fc.asyncProperty(fc.oneof(hostileText(), mutated(() => genuine)), async (xml) => {
          const { value, error } = await timed(() => readSpMetadata(xml))
          expect(error).toBeUndefined()
          if (!value!.ok) expect(hasUnsafeCharacters(value!.detail)).toBe(false)
        }),
        { numRuns: PROPERTY_RUNS * 2 },
      ),
    )
  })
})
