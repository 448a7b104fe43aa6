import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runSsoMetadata, SSO_METADATA_USAGE } from '../../src/cli/commands/ssoMetadata'
import { type CliIo, UsageError } from '../../src/cli/io'
import { UserFacingError } from '../../src/core/userFacingError'
import { CheckRun } from '../../src/shared/checkRun'
import { startDialpadMetadataServer, type DialpadMetadataServer } from '../support/dialpadMetadataServer'
import { makeTestCa } from '../support/scimTestCa'
import { useTempDirs } from '../support/tempDir'

let server: DialpadMetadataServer
const tempDir = useTempDirs()

beforeAll(async () => {
  const ca = await makeTestCa()
  server = await startDialpadMetadataServer({ tls: await ca.issue(), savedDomains: ['example.com'] })
})
afterEach(() => {
  server.faults.clear()
  server.clocks.clear()
})
afterAll(() => server.close())

interface Ran {
  code: number
  stdout: string
  stderr: string
}

async function caFile(): Promise<string> {
  const path = join(await tempDir(), 'test-ca.pem')
  await writeFile(path, server.caPem)
  return path
}

async function run(args: string[], io: Partial<CliIo> = {}): Promise<Ran> {
  let stdout = ''
  let stderr = ''
  const code = await runSsoMetadata(args, {
    env: {},
    ...io,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  })
  return { code, stdout, stderr }
}

const checkArgs = async (domain = 'example.com', ...more: string[]) => ['--domain', domain, '--base-url', server.origin, '--ca', await caFile(), ...more]

describe('dialpad-sso sso metadata', () => {
  it('passes when Dialpad publishes the SP values: a readable list on stdout, progress on stderr, exit 0', async () => {
    const ran = await run(await checkArgs())
    expect(ran.code).toBe(0)
    expect(ran.stdout).toContain(`Dialpad SAML metadata check: example.com (Production), ${server.origin}/api/saml/metadata/custom/example.com\n`)
    expect(ran.stdout).toMatch(/^PASS {2}Dialpad has SAML saved with the Custom provider {2}\(HTTP 200, \d+ ms\)\n {6}Dialpad publishes SAML metadata for example\.com with the SP Entity ID \(https:\/\/dialpad\.com\/api\/saml\/metadata\/custom\/example\.com\)/m)
    expect(ran.stdout).toMatch(/^PASS {2}This computer's clock agrees with Dialpad's \[informational\]/m)
    expect(ran.stdout).toContain('Passed: 2 of 2 checks passed.')
    expect(ran.stderr).toContain('...   Dialpad has SAML saved with the Custom provider\n')
  })

  it('prints the CheckRun as JSON with --json, and nothing on stderr', async () => {
    const ran = await run(await checkArgs('example.com', '--json'))
    expect(ran.code).toBe(0)
    const parsed = CheckRun.parse(JSON.parse(ran.stdout))
    expect(parsed.steps.map((s) => [s.id, s.status])).toEqual([
      ['sp-metadata', 'pass'],
      ['clock', 'pass'],
    ])
    expect(ran.stderr).toBe('')
  })

  it('fails with exit 1 and the fix when SAML with the Custom provider is not saved for the domain', async () => {
    const ran = await run(await checkArgs('other.example'))
    expect(ran.code).toBe(1)
    expect(ran.stdout).toMatch(/^FAIL {2}Dialpad has SAML saved with the Custom provider {2}\(HTTP 404, \d+ ms\)$/m)
    expect(ran.stdout).toContain('answered HTTP 404, text/html, a web page titled "Dialpad | Page Not Found".')
    expect(ran.stdout).toContain('      Fix: If SAML with the Custom provider is not saved for other.example in Dialpad: in Dialpad, go to Admin Settings > My Company > Authentication > SAML')
    expect(ran.stdout).toContain('Failed: 1 of 2 checks failed; see "Fix" above.')
  })

  it('compares with the --env values: production metadata does not match the sandbox values', async () => {
    const ran = await run(await checkArgs('example.com', '--env', 'sandbox', '--json'))
    expect(ran.code).toBe(1)
    const metadata = CheckRun.parse(JSON.parse(ran.stdout)).steps[0]
    expect(metadata.detail).toContain('where the assistant showed "https://sandbox.dialpad.com/api/saml/metadata/custom/example.com"')
    expect(metadata.fix).toContain('not saved for example.com in Dialpad Sandbox (sandbox.dialpad.com)')
  })

  it('warns about a skewed clock but still exits 0', async () => {
    server.clocks.set('metadata', { offsetMs: 10 * 60_000 })
    const ran = await run(await checkArgs())
    expect(ran.code).toBe(0)
    expect(ran.stdout).toMatch(/^WARN {2}This computer's clock agrees with Dialpad's \[informational\] {2}\(\d+ ms\)\n {6}This computer's clock is (9 minutes 59 seconds|10 minutes) behind Dialpad's\./m)
    expect(ran.stdout).toContain("Fix: Set this computer's clock to update automatically")
  })

  it('explains an untrusted certificate when the corporate CA is not given', async () => {
    const ran = await run(['--domain', 'example.com', '--base-url', server.origin])
    expect(ran.code).toBe(1)
    expect(ran.stdout).toContain('is not trusted by this computer')
    expect(ran.stdout).toContain('NOTE  This computer\'s clock agrees with Dialpad\'s [informational]\n      Not run: no answer carried the time to compare with. Dialpad gave no answer to read the time from.')
  })

  it('cancels on Ctrl-C', async () => {
    server.faults.set('metadata', { kind: 'delay', ms: 5_000 })
    const ran = await run(await checkArgs(), {
      onInterrupt: (listener) => {
        const timer = setTimeout(listener, 100)
        return () => clearTimeout(timer)
      },
    })
    expect(ran.code).toBe(1)
    expect(ran.stderr).toContain('\nCancelling...\n')
    expect(ran.stdout).toContain('Cancelled before the answer arrived.')
  })

  it('reports a command line it cannot use as a usage error, and a bad domain or CA file as invalid input', async () => {
    expect(SSO_METADATA_USAGE).toBe('sso metadata --domain <d> [--env production|sandbox | --base-url <url>] [--ca FILE] [--json]')
    await expect(run([])).rejects.toThrow(UsageError)
    await expect(run(['--domain', 'example.com', '--env', 'staging'])).rejects.toThrow('--env must be one of production, sandbox (got "staging").')
    await expect(run(['--domain', 'example.com', '--verbose'])).rejects.toMatchObject({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' })

    const badDomain = await run(['--domain', 'https://example.com'])
    expect(badDomain).toMatchObject({ code: 1, stdout: '' })
    expect(badDomain.stderr).toContain('Invalid domain "https://example.com": Enter the domain only')

    const before = server.requests.length
    await expect(run(['--domain', 'example.com', '--base-url', server.origin, '--ca', join(await tempDir(), 'missing.pem')])).rejects.toThrow(UserFacingError)
    expect(server.requests).toHaveLength(before)
  })
})
