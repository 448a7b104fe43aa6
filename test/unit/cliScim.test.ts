import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type CliIo } from '../../src/cli/io'
import { runCli } from '../../src/cli/runCli'
import { createSecretStore, KEYCHAIN_SERVICE_NAME, type KeytarLike } from '../../src/core/secrets/keychain'
import { ProfileStore } from '../../src/core/profiles/profileStore'
import { CheckRun } from '../../src/shared/checkRun'
import { startScimServer, type ScimServer } from '../support/scimServer'
import { makeTestCa } from '../support/scimTestCa'
import { useTempDirs } from '../support/tempDir'

// Characters that change when URL-encoded, so an echo in any form would show.
const TOKEN = 'dpk_live_Cli+Scim/Token=9x'
const EMAIL = 'sso-assistant-test@example.com'

let server: ScimServer
let caDir: string
const tempDir = useTempDirs()

beforeAll(async () => {
  const testCa = await makeTestCa()
  server = await startScimServer({ token: TOKEN, tls: await testCa.issue() })
  caDir = await mkdtemp(join(tmpdir(), 'dpsso-cli-scim-'))
  await writeFile(join(caDir, 'test-ca.pem'), testCa.caPem)
})
afterEach(() => {
  server.faults.clear()
  server.users.clear()
})
afterAll(async () => {
  await server.close()
  await rm(caDir, { recursive: true, force: true })
})

/** The test CA as a file, for --ca (the server is HTTPS, as Dialpad is). */
const ca = async () => join(caDir, 'test-ca.pem')

interface Ran {
  code: number
  stdout: string
  stderr: string
}

async function run(argv: string[], io: Partial<CliIo> = {}): Promise<Ran> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    env: { DIALPAD_API_KEY: TOKEN },
    ...io,
    stdout: (t) => (stdout += t),
    stderr: (t) => {
      stderr += t
      io.stderr?.(t)
    },
  })
  return { code, stdout, stderr }
}

const testArgs = async (...more: string[]) => ['scim', 'test', '--base-url', server.url, '--ca', await ca(), ...more]
const lifecycleArgs = async (...more: string[]) => ['scim', 'lifecycle', '--base-url', server.url, '--ca', await ca(), '--user-email', EMAIL, ...more]

function expectNoToken(ran: Ran): void {
  const all = ran.stdout + ran.stderr
  for (const form of [TOKEN, encodeURIComponent(TOKEN), Buffer.from(TOKEN).toString('base64'), 'Cli+Scim']) expect(all).not.toContain(form)
}

describe('dialpad-sso scim test', () => {
  it('passes against a working server: a readable list on stdout, progress on stderr, exit 0', async () => {
    const ran = await run(await testArgs())
    expect(ran.code).toBe(0)
    expect(ran.stdout).toContain(`SCIM connection test: ${server.url}`)
    expect(ran.stdout).toMatch(/^PASS {2}Dialpad describes its SCIM service \(ServiceProviderConfig\) \[informational\] {2}\(HTTP 200, \d+ ms\)$/m)
    expect(ran.stdout).toMatch(/^PASS {2}Dialpad accepts the API key {2}\(HTTP 200, \d+ ms\)\n {6}Dialpad accepted the API key and listed users/m)
    expect(ran.stdout).toContain('Passed: 5 of 5 checks passed.\nChecks marked [informational] can warn but never fail the result.')
    expect(ran.stderr).toContain('...   Dialpad accepts the API key\n')
    expect(ran.stderr).toMatch(/^PASS {2}Dialpad accepts the API key {2}\(HTTP 200, \d+ ms\)$/m)
    expectNoToken(ran)
  })

  it('passes with notes when Dialpad serves no discovery endpoints: the notes are counted as notes, not as checks that did not pass', async () => {
    for (const route of ['GET /ServiceProviderConfig', 'GET /Schemas', 'GET /ResourceTypes'] as const) server.faults.set(route, { kind: 'status', status: 404 })
    const ran = await run(await testArgs())
    expect(ran.code).toBe(0)
    expect(ran.stdout).toMatch(/^NOTE {2}Dialpad describes its SCIM service \(ServiceProviderConfig\) \[informational\] {2}\(HTTP 404, \d+ ms\)$/m)
    expect(ran.stdout).toContain('Passed: 2 of 5 checks passed; 3 informational notes.\nChecks marked [informational] can warn but never fail the result.')
  })

  it('--json prints the CheckRun with each step\'s HTTP status, and nothing on stderr', async () => {
    const ran = await run(await testArgs('--json'))
    expect(ran.code).toBe(0)
    expect(ran.stderr).toBe('')
    const json = CheckRun.parse(JSON.parse(ran.stdout))
    expect(json.ok).toBe(true)
    expect(json.steps.map((s) => [s.id, s.status, s.httpStatus, s.decisive])).toEqual([
      ['inputs', 'pass', undefined, true],
      ['list-users', 'pass', 200, true],
      ['service-provider-config', 'pass', 200, false],
      ['schemas', 'pass', 200, false],
      ['resource-types', 'pass', 200, false],
    ])
    for (const step of json.steps) expect(step.durationMs).toEqual(expect.any(Number))
  })

  it('exits 1 with the diagnosis and fix when Dialpad rejects the key', async () => {
    const ran = await run([...(await testArgs('--token-env', 'OTHER_KEY'))], { env: { OTHER_KEY: 'dpk_live_not_the_right_one' } })
    expect(ran.code).toBe(1)
    expect(ran.stdout).toMatch(/^FAIL {2}Dialpad accepts the API key {2}\(HTTP 401, \d+ ms\)\n {6}Dialpad rejected the API key \(401\)/m)
    expect(ran.stdout).toContain('Fix: Create a new key in Admin Settings > My Company > Authentication > API Keys.')
    expect(ran.stdout).toContain('Failed: 1 of 5 checks failed')
    expect(ran.stdout).toMatch(/^WARN {2}Dialpad describes its SCIM service \(ServiceProviderConfig\) \[informational\] {2}\(HTTP 401/m)
  })

  it('never prints the token, even when the server echoes it back in its answer', async () => {
    server.faults.set('*', { kind: 'echoToken', status: 401 })
    const readable = await run(await testArgs())
    expect(readable.code).toBe(1)
    expect(readable.stdout).toContain('Token [API key hidden] is not allowed here')
    expectNoToken(readable)
    const json = await run(await testArgs('--json'))
    expect(JSON.parse(json.stdout).steps[1]).toMatchObject({ id: 'list-users', status: 'fail', httpStatus: 401 })
    expectNoToken(json)
    expect(server.requests.at(-1)?.authorization).toBe(`Bearer ${TOKEN}`)
  })

  it('exits 2 naming the variable when there is no token, before any request', async () => {
    const before = server.requests.length
    const missing = await run(await testArgs(), { env: {} })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('the environment variable DIALPAD_API_KEY is not set')
    const blank = await run(await testArgs('--token-env', 'MY_SCIM_KEY'), { env: { MY_SCIM_KEY: '  ', DIALPAD_API_KEY: TOKEN } })
    expect(blank.code).toBe(2)
    expect(blank.stderr).toContain('the environment variable MY_SCIM_KEY is not set')
    expect(blank.stderr).not.toContain(TOKEN)
    expect(server.requests).toHaveLength(before)
  })

  it('--profile reads the key the app saved in the keychain for that profile', async () => {
    const saved = new Map<string, string>()
    const keytar: KeytarLike = {
      getPassword: async (service, account) => saved.get(`${service}/${account}`) ?? null,
      setPassword: async (service, account, password) => void saved.set(`${service}/${account}`, password),
      deletePassword: async () => false,
    }
    const secretStore = createSecretStore({ serviceName: KEYCHAIN_SERVICE_NAME, keytar })
    const dataDir = await tempDir()
    const profiles = new ProfileStore({ dataDir, secrets: secretStore })
    const acme = await profiles.create({ name: 'Acme' })
    await profiles.create({ name: 'Globex' })
    await secretStore.set(acme.id, TOKEN)

    const ran = await run(await testArgs('--profile', 'acme', '--data-dir', dataDir, '--json'), { env: {}, secretStore })
    expect(ran.code).toBe(0)
    expectNoToken(ran)
    const none = await run(await testArgs('--profile', 'Globex', '--data-dir', dataDir), { env: {}, secretStore })
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('No API key is saved in the system keychain for the profile "Globex"')
    const unknown = await run(await testArgs('--profile', 'Initech', '--data-dir', dataDir), { env: {}, secretStore })
    expect(unknown.code).toBe(1)
    const both = await run(await testArgs('--profile', 'Acme', '--token-env', 'X'), { secretStore })
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('either --token-env or --profile')
  })

  it('exits 1 for an unusable base URL or CA file, and 2 for a malformed command line', async () => {
    const badUrl = await run(['scim', 'test', '--base-url', 'http://dialpad.com/scim'])
    expect(badUrl.code).toBe(1)
    expect(badUrl.stdout).toMatch(/^FAIL {2}The base URL and API key are usable/m)
    const noCa = await run(['scim', 'test', '--base-url', server.url, '--ca', join(await tempDir(), 'missing.pem')])
    expect(noCa.code).toBe(1)
    expect(noCa.stderr).toMatch(/Cannot read .*missing\.pem: there is no such file\./)
    for (const argv of [['scim'], ['scim', 'frobnicate'], ['scim', 'test'], ['scim', 'test', '--base-url', server.url, '--user-email', EMAIL]]) {
      const usage = await run(argv)
      expect(usage.code, argv.join(' ')).toBe(2)
      expect(usage.stderr).toContain('Usage: dialpad-sso')
    }
  })
})

describe('dialpad-sso scim lifecycle', () => {
  it('refuses to run without --yes, explaining that it creates a real user', async () => {
    const before = server.requests.length
    const ran = await run(await lifecycleArgs())
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain(`creates a real user (${EMAIL})`)
    expect(ran.stderr).toContain('paid license and a phone number')
    expect(ran.stderr).toContain('https://sandbox.dialpad.com/scim')
    expect(ran.stderr).toContain('Add --yes to confirm.')
    expect(server.requests).toHaveLength(before)
    expect((await run(['scim', 'lifecycle', '--base-url', server.url, '--yes'])).code).toBe(2)
  })

  it('with --yes creates, reads, updates, finds, deactivates and deletes the test user; --json gives each HTTP status', async () => {
    const ran = await run(await lifecycleArgs('--yes', '--json'))
    expect(ran.code).toBe(0)
    const json = CheckRun.parse(JSON.parse(ran.stdout))
    expect(json.steps.map((s) => [s.id, s.status, s.httpStatus])).toEqual([
      ['inputs', 'pass', undefined],
      ['update-method', 'pass', 200],
      ['create-user', 'pass', 201],
      ['read-user', 'pass', 200],
      ['update-user', 'pass', 200],
      ['find-user', 'pass', 200],
      ['deactivate-user', 'pass', 200],
      ['delete-user', 'pass', 204],
    ])
    expect(server.users.size).toBe(0)
  })

  it('never prints the token when a server echoes it, and still deletes the user', async () => {
    server.faults.set('PATCH /Users/:id', { kind: 'echoToken', status: 400 })
    const ran = await run(await lifecycleArgs('--yes'))
    expect(ran.code).toBe(1)
    expect(ran.stdout).toMatch(/^FAIL {2}Update the test user’s name {2}\(HTTP 400/m)
    expect(ran.stdout).toMatch(/^PASS {2}Delete the test user/m)
    expectNoToken(ran)
    expect(server.users.size).toBe(0)
  })

  it('Ctrl-C cancels the running step and the test user is still deleted', async () => {
    server.faults.set('GET /Users/:id', { kind: 'delay', ms: 5_000 })
    let interrupt: (() => void) | undefined
    let stoppedWatching = false
    const started = Date.now()
    const ran = await run(await lifecycleArgs('--yes'), {
      onInterrupt: (listener) => {
        interrupt = listener
        return () => (stoppedWatching = true)
      },
      stderr: (text) => {
        if (text.startsWith('...   Read the test user back')) setTimeout(() => interrupt?.(), 50)
      },
    })
    expect(Date.now() - started).toBeLessThan(4_000)
    expect(ran.code).toBe(1)
    expect(ran.stderr).toContain('Cancelling: the test user, if created, is deleted first.')
    expect(ran.stdout).toMatch(/^WARN {2}Read the test user back \[informational\].*\n {6}Cancelled before the answer arrived\./m)
    expect(ran.stdout).toMatch(/^SKIP {2}Deactivate the test user \(active: false\).*\n {6}Not run: the test was cancelled\./m)
    expect(ran.stdout).toMatch(/^PASS {2}Delete the test user/m)
    expect(server.users.size).toBe(0)
    expect(stoppedWatching).toBe(true)
  })

  it('a real SIGINT to the dialpad-sso bin cancels and cleans up', async () => {
    server.faults.set('GET /Users', { kind: 'delay', ms: 8_000 })
    const env: NodeJS.ProcessEnv = { ...process.env, DIALPAD_API_KEY: TOKEN }
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) delete env[name]
    const child = spawn(process.execPath, [join(__dirname, '../../bin/dialpad-sso.cjs'), ...(await lifecycleArgs('--yes'))], { env })
    let stdout = ''
    let stderr = ''
    let interrupted = false
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
      if (!interrupted && stderr.includes('...   Find the test user by userName')) interrupted = child.kill('SIGINT')
    })
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toContain('Cancelling')
    expect(code).toBe(1)
    expect(stdout).toMatch(/^PASS {2}Delete the test user/m)
    expect(stdout + stderr).not.toContain(TOKEN)
    expect(server.users.size).toBe(0)
  })
})

describe('dialpad-sso scim find-user', () => {
  const findArgs = async (email: string, ...more: string[]) => ['scim', 'find-user', '--base-url', server.url, '--ca', await ca(), '--email', email, ...more]

  it('says found and active (exit 0), suspended or not found (exit 1), with what to do, and never writes', async () => {
    server.users.set('u1', { id: 'u1', userName: 'jane@example.com', active: true, created: '' })
    server.users.set('u2', { id: 'u2', userName: 'sam@example.com', active: false, created: '' })
    const before = server.requests.length

    const active = await run(await findArgs('jane@example.com'))
    expect(active.code).toBe(0)
    expect(active.stdout).toContain('Is jane@example.com provisioned in Dialpad? (read only)')
    expect(active.stdout).toMatch(/^PASS {2}Dialpad has the user {2}\(HTTP 200, \d+ ms\)\n {6}Dialpad has jane@example\.com \(user id u1\) and it is active/m)

    expect(active.stdout).toContain('Found and active: jane@example.com.\nPassed: 2 of 2 checks passed.')
    // Exit 1 although no step failed: the answer says why first.
    const suspendedText = await run(await findArgs('sam@example.com'))
    expect(suspendedText.code).toBe(1)
    expect(suspendedText.stdout).toContain('Found, but suspended: sam@example.com.\nPassed: 2 of 2 checks passed (1 with a warning worth reading).')
    const suspended = await run(await findArgs('sam@example.com', '--json'))
    expect(suspended.code).toBe(1)
    const json = JSON.parse(suspended.stdout) as { state: string; run: unknown }
    expect(json.state).toBe('suspended')
    expect(CheckRun.parse(json.run).steps.at(-1)).toMatchObject({ status: 'warn', detail: expect.stringContaining('shows as suspended in Dialpad') })

    const missing = await run(await findArgs('nobody@example.com'))
    expect(missing.code).toBe(1)
    expect(missing.stdout).toMatch(/^FAIL {2}Dialpad has the user/m)
    expect(missing.stdout).toContain('Not found: nobody@example.com.\nFailed: 1 of 2 checks failed')
    expect(missing.stdout).toContain('Fix: In JumpCloud, check that (1) the user is a member of the user group for Dialpad')

    expect(server.requests.slice(before).every((r) => r.method === 'GET' && r.path === '/Users')).toBe(true)
    expectNoToken(missing)
  })

  it('needs --email (exit 2)', async () => {
    const ran = await run(['scim', 'find-user', '--base-url', server.url])
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain('scim find-user needs --email')
  })
})
