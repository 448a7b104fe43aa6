import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CheckRun } from '../../src/shared/checkRun'
import { deriveSpValues } from '../../src/shared/spValues'
import { makeTestIdp, signedResponse, tamper, type TestIdp, toBase64 } from '../support/samlTestIdp'
import { useTempDirs } from '../support/tempDir'
import { makeTestCertificate } from '../support/testCertificates'
import { runCliCaptured, stdinOf } from './support/cliRun'

const SP = deriveSpValues('example.com', 'production')
const CAPTURED_AT = new Date('2026-03-02T10:00:00Z')

const run = (argv: string[], stdin?: Buffer) => runCliCaptured(argv, { readStdin: stdin ? stdinOf(stdin) : undefined })

describe('cli sso validate', () => {
  const tempDir = useTempDirs()
  let idp: TestIdp
  let dir: string
  let genuine: string
  const file = (name: string) => join(dir, name)
  const validate = (...extra: string[]) => [
    'sso',
    'validate',
    '--response',
    file('response.txt'),
    '--idp-cert',
    file('jumpcloud.pem'),
    '--domain',
    'example.com',
    '--idp-entity-id',
    'JumpCloud',
    ...extra,
  ]

  beforeAll(async () => {
    idp = await makeTestIdp()
    genuine = signedResponse(idp, SP, { issuedAt: CAPTURED_AT, inResponseTo: '_request-1' })
  })

  beforeEach(async () => {
    dir = await tempDir()
    // As copied from the browser's network panel: base64 in lines, URL-encoded.
    await writeFile(file('response.txt'), `${encodeURIComponent(toBase64(genuine)).replace(/(.{76})/g, '$1\n')}\n`)
    await writeFile(file('jumpcloud.pem'), idp.certificatePem)
    await writeFile(file('tampered.xml'), tamper(genuine, '>jane.doe@example.com</saml:NameID>', '>ceo@example.com</saml:NameID>'))
  })

  it('passes a genuine response at the time it was captured, listing each check and the decoded values', async () => {
    const { code, stdout } = await run(validate('--now', '2026-03-02T10:00:30Z', '--request-id', '_request-1'))
    expect(code).toBe(0)
    expect(stdout).toContain('SAML response check for example.com (Production)')
    expect(stdout).toMatch(/PASS {2}The response is signed with the imported IdP certificate/)
    expect(stdout).toMatch(/PASS {2}The response answers this login’s request/)
    expect(stdout).toContain('Passed: 13 of 14 checks passed')
    expect(stdout).toContain('Decoded response (the assertion values are the ones the signature covers):')
    expect(stdout).toMatch(/NameID\s+jane\.doe@example\.com/)
    expect(stdout).toMatch(/Audience\s+https:\/\/dialpad\.com\/api\/saml\/metadata\/custom\/example\.com/)
    expect(stdout).toContain('email = jane.doe@example.com')
  })

  it('--email-domain accepts a user of another company domain; without it the same response fails (exit 1)', async () => {
    const other = signedResponse(idp, SP, { issuedAt: CAPTURED_AT, nameId: 'jane@other.example', attributes: { email: ['jane@other.example'] } })
    await writeFile(file('other.xml'), other)
    const args = (...extra: string[]) => [...validate('--now', '2026-03-02T10:00:30Z', ...extra).map((arg) => (arg === file('response.txt') ? file('other.xml') : arg))]

    const without = await run(args())
    expect(without.code).toBe(1)
    expect(without.stdout).toMatch(/FAIL {2}The email attribute is an address in your company’s domains/)
    expect(without.stdout).toContain('jane@other.example (domain other.example); your company’s domains are example.com')

    const withFlag = await run(args('--email-domain', 'Other.Example'))
    expect(withFlag.code).toBe(0)
    expect(withFlag.stdout).toContain('SAML response check for example.com (Production); also accepting addresses in other.example')
    expect(withFlag.stdout).toMatch(/PASS {2}The email attribute is an address in your company’s domains/)
    expect(withFlag.stdout).toMatch(/PASS {2}The NameID is the user’s email address \[informational\]/)
  })

  it('--email-domain can be repeated, and any foreign email value fails whatever its place', async () => {
    for (const values of [['jane@other.example', 'jane@evil.example'], ['jane@evil.example', 'jane@third.example']]) {
      await writeFile(file('several.xml'), signedResponse(idp, SP, { issuedAt: CAPTURED_AT, attributes: { email: values } }))
      const argv = validate('--now', '2026-03-02T10:00:30Z', '--email-domain', 'other.example', '--email-domain', 'third.example', '--json').map((arg) =>
        arg === file('response.txt') ? file('several.xml') : arg,
      )
      const { code, stdout } = await run(argv)
      expect(code).toBe(1)
      const step = CheckRun.parse(JSON.parse(stdout)).steps.find((candidate) => candidate.id === 'email-attribute')
      expect(step).toMatchObject({ status: 'fail', decisive: true, detail: expect.stringContaining('jane@evil.example (domain evil.example)') })
    }
    const bad = await run(validate('--email-domain', 'https://other.example'))
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('Invalid --email-domain "https://other.example": Enter the domain only')
  })

  it('--json prints the CheckRun itself', async () => {
    const { code, stdout } = await run(validate('--now', '2026-03-02T10:00:30Z', '--json'))
    expect(code).toBe(0)
    const parsed = CheckRun.parse(JSON.parse(stdout))
    expect(parsed.ok).toBe(true)
    expect(parsed.checkedAt).toBe('2026-03-02T10:00:30.000Z')
    expect(parsed.steps.map((step) => step.id)).toEqual([
      'decode',
      'status',
      'one-assertion',
      'signature',
      'signature-algorithm',
      'issuer',
      'audience',
      'destination',
      'recipient',
      'time-window',
      'in-response-to',
      'replay',
      'name-id',
      'email-attribute',
    ])
  })

  it('judges the response at the current time without --now: an old capture has expired (exit 1)', async () => {
    const { code, stdout } = await run(validate())
    expect(code).toBe(1)
    expect(stdout).toMatch(/FAIL {2}The assertion is valid now/)
    expect(stdout).toContain('Fix: Sign in again to capture a fresh response')
  })

  it('fails a response changed after signing, with the fix, and marks the values as unverified (exit 1)', async () => {
    const { code, stdout } = await run(['sso', 'validate', '--response', file('tampered.xml'), '--idp-cert', file('jumpcloud.pem'), '--domain', 'example.com', '--now', '2026-03-02T10:00:30Z'])
    expect(code).toBe(1)
    expect(stdout).toContain('was changed after it was signed')
    expect(stdout).toContain('Fix: Do not trust this response')
    expect(stdout).toContain('NOT verified')
    expect(stdout).toMatch(/NameID\s+ceo@example\.com/)
  })

  it('checks against the certificate given, never the one in the response', async () => {
    const other = await makeTestCertificate({ commonName: 'Someone else' })
    await writeFile(file('other.pem'), other.pem)
    const { code, stdout } = await run(['sso', 'validate', '--response', file('response.txt'), '--idp-cert', file('other.pem'), '--domain', 'example.com', '--now', '2026-03-02T10:00:30Z', '--json'])
    expect(code).toBe(1)
    const signature = CheckRun.parse(JSON.parse(stdout)).steps.find((step) => step.id === 'signature')
    expect(signature).toMatchObject({ status: 'fail', detail: expect.stringContaining('signed with a different certificate') })
  })

  it('reads the response from standard input', async () => {
    const { code } = await run(['sso', 'validate', '--response', '-', '--idp-cert', file('jumpcloud.pem'), '--domain', 'example.com', '--now', '2026-03-02T10:00:30Z'], Buffer.from(genuine))
    expect(code).toBe(0)
  })

  it('refuses a private key given as the IdP certificate (exit 1, nothing of the key printed)', async () => {
    const key = await makeTestCertificate()
    await writeFile(file('key.pem'), key.privateKeyPem)
    const { code, stdout, stderr } = await run(validate('--idp-cert', file('key.pem')))
    expect(code).toBe(1)
    expect(stderr).toMatch(/private key/i)
    expect(stdout + stderr).not.toContain(key.privateKeyPem.split('\n')[1])
  })

  it.each([
    [['sso'], /sso needs a subcommand/],
    [['sso', 'frobnicate'], /Unknown sso subcommand "frobnicate"/],
    [['sso', 'validate', '--idp-cert', 'x.pem', '--domain', 'example.com'], /needs --response/],
    [['sso', 'validate', '--response', 'r.txt', '--domain', 'example.com'], /needs --idp-cert/],
    [['sso', 'validate', '--response', 'r.txt', '--idp-cert', 'x.pem'], /needs --domain/],
    [['sso', 'validate', '--response', 'r.txt', '--idp-cert', 'x.pem', '--domain', 'example.com', '--now', 'yesterday'], /--now must be an ISO 8601 time/],
    [['sso', 'validate', '--response', 'r.txt', '--idp-cert', 'x.pem', '--domain', 'example.com', '--env', 'staging'], /--env must be one of production, sandbox/],
    [['sso', 'validate', '--response', 'r.txt', '--bogus'], /Unknown option '--bogus'/],
    [['sso', 'metadata'], /sso metadata needs --domain/],
  ])('usage error for %j (exit 2)', async (argv, message) => {
    const { code, stderr } = await run(argv)
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
    expect(stderr).toContain('sso validate --response <file|->')
  })

  it('an unreadable response file is exit 1 with the reason', async () => {
    const { code, stderr } = await run(validate('--response', file('missing.txt')))
    expect(code).toBe(1)
    expect(stderr).toContain('there is no such file')
  })
})
