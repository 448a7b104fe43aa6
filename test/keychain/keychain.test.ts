/**
 * The secret store against a real GNOME Keyring. Run through scripts/keychain-tests.sh (npm run test:keychain),
 * which starts a private D-Bus session whose keyring lives in a throwaway folder (DPSSO_KEYCHAIN_SANDBOX).
 */
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSecretStore, KEYCHAIN_SERVICE_NAME } from '../../src/core/secrets/keychain'
import { NoApiKeyError } from '../../src/core/secrets/keychainErrors'

const run = promisify(execFile)
const sandbox = process.env.DPSSO_KEYCHAIN_SANDBOX ?? ''
const CHILD = resolve(__dirname, 'support/trySecretStore.ts')

beforeAll(() => {
  // Refuse to run against the user's own keyring.
  if (!sandbox || !process.env.HOME?.startsWith(sandbox) || !process.env.XDG_DATA_HOME?.startsWith(sandbox)) {
    throw new Error('Run these tests with `npm run test:keychain`, which provides a throwaway keyring.')
  }
})

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

/** Files holding the canary readably: as UTF-8, UTF-16 or base64. */
async function filesRevealing(dir: string, canary: string): Promise<string[]> {
  const needles = [Buffer.from(canary, 'utf8'), Buffer.from(canary, 'utf16le'), Buffer.from(Buffer.from(canary).toString('base64'))]
  const revealing: string[] = []
  for (const file of await filesUnder(dir)) {
    const bytes = await readFile(file).catch(() => Buffer.alloc(0))
    if (needles.some((needle) => bytes.includes(needle))) revealing.push(file)
  }
  return revealing
}

async function keyringFiles(): Promise<Map<string, string>> {
  const files = (await filesUnder(join(sandbox, 'data', 'keyrings'))).filter((file) => file.endsWith('.keyring'))
  const versions = await Promise.all(files.map(async (file) => [file, `${(await stat(file)).mtimeMs}:${(await readFile(file)).toString('base64')}`] as const))
  return new Map(versions)
}

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await condition()) return
    await new Promise((done) => setTimeout(done, 100))
  }
  throw new Error(`Timed out waiting until ${what}`)
}

describe('the secret store on a real GNOME Keyring', () => {
  it('stores the key encrypted in the keyring, hands it to core code, and deletes it', async () => {
    const canary = `dpsso-canary-${randomUUID()}`
    const account = `profile-${randomUUID()}`
    const store = createSecretStore({ serviceName: KEYCHAIN_SERVICE_NAME, platform: 'linux' })
    expect(await store.status(account)).toEqual({ stored: false, last4: null, backend: 'keychain' })

    const before = await keyringFiles()
    const last4 = canary.slice(-4)
    expect(await store.set(account, canary)).toEqual({ stored: true, last4, backend: 'keychain' })
    expect(await store.status(account)).toEqual({ stored: true, last4, backend: 'keychain' })
    // A second store has no memory of its own: it can only find the key in the keyring.
    const fresh = createSecretStore({ serviceName: KEYCHAIN_SERVICE_NAME, platform: 'linux' })
    expect(await fresh.status(account)).toEqual({ stored: true, last4, backend: 'keychain' })
    expect(await fresh.use(account, async (key) => key === canary)).toBe(true)

    const { stdout: found } = await run('gdbus', [
      'call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets',
      '--method', 'org.freedesktop.Secret.Service.SearchItems', `{'service': '${KEYCHAIN_SERVICE_NAME}', 'account': '${account}'}`,
    ])
    expect(found).toMatch(/\[objectpath '\/org\/freedesktop\/secrets\/collection\/login\/\d+'\]/)

    // The keyring file on disk changed (so the search below covers the write) but never holds the key readably.
    await waitFor(async () => {
      const after = await keyringFiles()
      return [...after].some(([file, version]) => before.get(file) !== version)
    }, 'the keyring file is written')
    expect(await filesRevealing(sandbox, canary)).toEqual([])

    expect(await store.delete(account)).toEqual({ stored: false, last4: null, backend: 'keychain' })
    expect(await store.status(account)).toEqual({ stored: false, last4: null, backend: 'keychain' })
    expect(await fresh.status(account)).toEqual({ stored: false, last4: null, backend: 'keychain' })
    await expect(store.use(account, async () => 'never')).rejects.toThrow(NoApiKeyError)
    expect(await filesRevealing(sandbox, canary)).toEqual([])
  })
})

interface ChildResult {
  isKeychainUnavailable: boolean
  problem: string | null
  message: string | null
  statusAfterFailure: unknown
  memoryStatus: unknown
  statusAfterMemory: unknown
  usedTheKey: boolean
}

/** A bus with no services at all, so nothing can provide org.freedesktop.secrets. */
function emptyBusConfig(dir: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=${dir}</listen>
  <auth>EXTERNAL</auth>
  <servicedir>${join(dir, 'no-services')}</servicedir>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>
`
}

const node = [process.execPath, '--import', 'tsx', CHILD]
const LOCK_LOGIN_KEYRING = `gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets \
  --method org.freedesktop.Secret.Service.Lock "[objectpath '/org/freedesktop/secrets/collection/login']" >/dev/null`

const NO_KEYCHAIN_CASES = [
  {
    name: 'no D-Bus session bus',
    problem: 'no-session-bus',
    because: /because this session has no D-Bus connection, which the keychain needs/,
    fix: /Install and unlock GNOME Keyring or KWallet \(any Secret Service provider\), sign out and in again/,
    backendAfterFailure: 'none',
    command: async () => node,
  },
  {
    name: 'a session bus without any Secret Service provider',
    problem: 'no-secret-service',
    because: /because no keychain service is running on this computer/,
    fix: /Install and unlock GNOME Keyring or KWallet \(any Secret Service provider\), sign out and in again/,
    backendAfterFailure: 'none',
    command: async (dir: string) => {
      await mkdir(join(dir, 'no-services'))
      await writeFile(join(dir, 'bus.conf'), emptyBusConfig(dir))
      return ['dbus-run-session', `--config-file=${join(dir, 'bus.conf')}`, '--', ...node]
    },
  },
  {
    name: 'a locked keyring',
    problem: 'locked',
    because: /because the keychain is locked/,
    fix: /Unlock your keyring \(GNOME Keyring or KWallet; signing out and in again usually unlocks it\)/,
    // A locked keyring may still hold the key once unlocked, so the keychain stays the place to save it.
    backendAfterFailure: 'keychain',
    command: async () => [
      'dbus-run-session', '--', 'bash', '-c',
      `printf %s "$DPSSO_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && ${LOCK_LOGIN_KEYRING} && exec "$@"`,
      'bash', ...node,
    ],
  },
] as const

describe('the secret store where no keychain can be used', () => {
  it.each(NO_KEYCHAIN_CASES)('$name: refuses with a plain explanation and keeps the key for the session', async (scenario) => {
    const dir = await mkdtemp(join(sandbox, 'scenario-'))
    const runtime = join(dir, 'runtime')
    await mkdir(runtime, { mode: 0o700 })
    const canary = `dpsso-canary-${randomUUID()}`
    const [command, ...args] = await scenario.command(dir)
    const { stdout, stderr } = await run(command, args, {
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        XDG_DATA_HOME: join(dir, 'data'),
        XDG_CONFIG_HOME: join(dir, 'config'),
        XDG_CACHE_HOME: join(dir, 'cache'),
        XDG_RUNTIME_DIR: runtime,
        DPSSO_KEYRING_PASSWORD: process.env.DPSSO_KEYRING_PASSWORD,
        DPSSO_CANARY_KEY: canary,
      },
    })
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ChildResult
    const last4 = canary.slice(-4)

    expect(result.isKeychainUnavailable, stderr).toBe(true)
    expect(result.problem, result.message ?? '').toBe(scenario.problem)
    expect(result.message).toMatch(/^The API key could not be saved in the system keychain /)
    expect(result.message).toMatch(scenario.because)
    expect(result.message).toMatch(scenario.fix)
    expect(result.message).toMatch(/keep the key for this session only: it stays in memory and is forgotten when the app closes\.$/)
    expect(`${stdout}\n${stderr}`).not.toContain(canary)

    expect(result.statusAfterFailure).toEqual({ stored: false, last4: null, backend: scenario.backendAfterFailure })
    expect(result.memoryStatus).toEqual({ stored: true, last4, backend: 'memory' })
    expect(result.statusAfterMemory).toEqual({ stored: true, last4, backend: 'memory' })
    expect(result.usedTheKey).toBe(true)
    expect(await filesRevealing(dir, canary)).toEqual([])
  })
})
