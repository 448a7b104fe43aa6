import { closeSync, openSync } from 'node:fs'
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStandardInput } from '../../src/cli/inputFile'
import { runCli } from '../../src/cli/runCli'
import { readRegularFile, readRegularFileSync } from '../../src/core/files/boundedRead'
import { readCaFile } from '../../src/core/net/trust'
import { OpenedFiles } from '../../src/core/profiles/openedFiles'
import { MAX_BUNDLE_BYTES } from '../../src/shared/bundle'
import { runCliProcess } from '../support/cliProcess'

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

async function run(argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} })
  return { code, stdout, stderr }
}

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

  it('/dev/zero as standard input (endless): stopped at the limit', async () => {
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
