import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { KeyStatus } from '../../src/shared/keyStatus'
import { InvalidApiKeyError } from '../../src/core/secrets/apiKeyFormat'
import { createSecretStore, type KeytarLike } from '../../src/core/secrets/keychain'
import { KeychainUnavailableError, NoApiKeyError, classifyKeychainFailure, type KeychainProblem } from '../../src/core/secrets/keychainErrors'
import { REDACTED, redactKnownSecrets } from '../../src/core/secrets/redact'
import { UserFacingError } from '../../src/core/userFacingError'

const SERVICE = 'Dialpad SSO Assistant (test)'
const KEY = 'unit-canary-key-0123456789-WXYZ'

/** keytar's behaviour over a Map; `failWith` makes every call reject like a broken keychain would. */
function fakeKeytar() {
  const entries = new Map<string, string>()
  const calls: string[] = []
  const fake = {
    entries,
    calls,
    failWith: null as Error | null,
    async getPassword(service: string, account: string) {
      calls.push(`get ${account}`)
      if (fake.failWith) throw fake.failWith
      return entries.get(`${service}/${account}`) ?? null
    },
    async setPassword(service: string, account: string, password: string) {
      calls.push(`set ${account}`)
      if (fake.failWith) throw fake.failWith
      entries.set(`${service}/${account}`, password)
    },
    async deletePassword(service: string, account: string) {
      calls.push(`delete ${account}`)
      if (fake.failWith) throw fake.failWith
      return entries.delete(`${service}/${account}`)
    },
  } satisfies KeytarLike & Record<string, unknown>
  return fake
}

function storeWith(keytar: KeytarLike, platform: NodeJS.Platform = 'linux') {
  return createSecretStore({ serviceName: SERVICE, keytar, platform })
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error,
  )
}

/** Every way the error could reach a log, a report or the screen. */
function everythingShownOf(error: unknown): string {
  const e = error as Error
  return [String(error), e.message, e.stack, inspect(error, { depth: 5 }), JSON.stringify(error)].join('\n')
}

const UNAVAILABLE_ERRORS = [
  ['no-session-bus', 'Cannot autolaunch D-Bus without X11 $DISPLAY'],
  ['no-session-bus', 'Could not connect: No such file or directory'],
  ['no-secret-service', 'The name org.freedesktop.secrets was not provided by any .service files'],
  ['no-secret-service', 'Object does not exist at path “/org/freedesktop/secrets/collection/login”'],
  ['locked', 'Cannot create an item in a locked collection'],
] as const

describe('createSecretStore with a working keychain', () => {
  it('stores a key and reports it by its last four characters only', async () => {
    const keytar = fakeKeytar()
    const store = storeWith(keytar)
    expect(await store.status('profile-1')).toEqual({ stored: false, last4: null, backend: 'keychain' })
    const saved = await store.set('profile-1', `  ${KEY}\n`)
    expect(saved).toEqual({ stored: true, last4: 'WXYZ', backend: 'keychain' })
    expect(KeyStatus.parse(saved)).toEqual(saved)
    expect(keytar.entries.get(`${SERVICE}/profile-1`)).toBe(KEY)
    expect(await store.status('profile-1')).toEqual(saved)
    expect(await store.status('profile-2')).toEqual({ stored: false, last4: null, backend: 'keychain' })
  })

  it('hands the key to a function inside core and returns its result', async () => {
    const store = storeWith(fakeKeytar())
    await store.set('profile-1', KEY)
    expect(await store.use('profile-1', async (key) => `used ${key.length} characters`)).toBe(`used ${KEY.length} characters`)
  })

  it('deletes the key', async () => {
    const keytar = fakeKeytar()
    const store = storeWith(keytar)
    await store.set('profile-1', KEY)
    expect(await store.delete('profile-1')).toEqual({ stored: false, last4: null, backend: 'keychain' })
    expect(keytar.entries.size).toBe(0)
    expect(await store.status('profile-1')).toEqual({ stored: false, last4: null, backend: 'keychain' })
    expect(await store.delete('profile-1')).toEqual({ stored: false, last4: null, backend: 'keychain' })
  })

  it('says where to enter the key when none is saved', async () => {
    const store = storeWith(fakeKeytar())
    const error = await rejectionOf(store.use('profile-1', async () => 'never'))
    expect(error).toBeInstanceOf(NoApiKeyError)
    expect(error).toBeInstanceOf(UserFacingError)
    expect((error as Error).message).toMatch(/Store it in the “Store the API key” step/)
  })

  it('refuses a malformed key before touching the keychain', async () => {
    const keytar = fakeKeytar()
    const store = storeWith(keytar)
    await expect(store.set('profile-1', 'two words and more text')).rejects.toThrow(InvalidApiKeyError)
    await expect(store.setInMemory('profile-1', '')).rejects.toThrow(InvalidApiKeyError)
    expect(keytar.calls).toEqual([])
  })

  it('requires an account', async () => {
    await expect(storeWith(fakeKeytar()).status('')).rejects.toThrow(TypeError)
  })

  it('remembers saved and loaded keys for redaction', async () => {
    const savedKey = 'saved-for-redaction-0001'
    const loadedKey = 'loaded-for-redaction-0002'
    const keytar = fakeKeytar()
    keytar.entries.set(`${SERVICE}/other`, loadedKey)
    const store = storeWith(keytar)
    await store.set('profile-1', savedKey)
    await store.status('other')
    expect(redactKnownSecrets(`${savedKey} ${loadedKey}`)).toBe(`${REDACTED} ${REDACTED}`)
  })
})

describe('createSecretStore when keytar fails', () => {
  it('never lets keytar’s message, which may quote its input, into the error', async () => {
    const keytar = fakeKeytar()
    keytar.failWith = new Error(`Cannot create an item in a locked collection: ${KEY}`)
    const store = storeWith(keytar)
    for (const attempt of [store.set('profile-1', KEY), store.use('profile-1', async () => 'never'), store.delete('profile-1')]) {
      const error = await rejectionOf(attempt)
      expect(error).toBeInstanceOf(KeychainUnavailableError)
      expect(everythingShownOf(error)).not.toContain(KEY)
      expect(everythingShownOf(error)).not.toContain('WXYZ')
      expect((error as Error & { cause?: unknown }).cause).toBeUndefined()
    }
  })

  it.each(UNAVAILABLE_ERRORS)('%s (“%s”): set throws a plain explanation and the key can be kept for the session', async (problem, message) => {
    const keytar = fakeKeytar()
    keytar.failWith = new Error(message)
    const store = storeWith(keytar)

    const error = await rejectionOf(store.set('profile-1', KEY))
    expect(error).toBeInstanceOf(KeychainUnavailableError)
    expect(error).toBeInstanceOf(UserFacingError)
    expect((error as KeychainUnavailableError).problem).toBe(problem)
    const text = (error as Error).message
    expect(text).toMatch(/^The API key could not be saved in the system keychain because /)
    expect(text).toMatch(problem === 'locked' ? /Unlock your keyring \(GNOME Keyring or KWallet/ : /Install and unlock GNOME Keyring or KWallet/)
    expect(text).toMatch(/keep the key for this session only/)
    expect(text).not.toContain(message)

    expect(await store.setInMemory('profile-1', KEY)).toEqual({ stored: true, last4: 'WXYZ', backend: 'memory' })
    expect(await store.status('profile-1')).toEqual({ stored: true, last4: 'WXYZ', backend: 'memory' })
    expect(await store.use('profile-1', async (key) => key === KEY)).toBe(true)
    expect(await store.delete('profile-1').catch((e: unknown) => e)).toEqual(
      problem === 'locked' ? expect.any(KeychainUnavailableError) : { stored: false, last4: null, backend: 'none' },
    )
    expect((await store.status('profile-1')).stored).toBe(false)
    expect(keytar.entries.size).toBe(0)
  })

  it('reports "none" once the keychain turned out to be missing, and "keychain" again after it works', async () => {
    const keytar = fakeKeytar()
    keytar.failWith = new Error('The name org.freedesktop.secrets was not provided by any .service files')
    const store = storeWith(keytar)
    expect(await store.status('profile-1')).toEqual({ stored: false, last4: null, backend: 'none' })
    await expect(store.use('profile-1', async () => 'never')).rejects.toThrow(NoApiKeyError)
    keytar.failWith = null
    expect(await store.set('profile-1', KEY)).toEqual({ stored: true, last4: 'WXYZ', backend: 'keychain' })
    expect(await store.delete('profile-1')).toEqual({ stored: false, last4: null, backend: 'keychain' })
  })

  it('a key saved in the keychain replaces the session-only one', async () => {
    const keytar = fakeKeytar()
    const store = storeWith(keytar)
    await store.setInMemory('profile-1', 'session-only-key-00001')
    expect(await store.set('profile-1', KEY)).toEqual({ stored: true, last4: 'WXYZ', backend: 'keychain' })
    expect(await store.status('profile-1')).toEqual({ stored: true, last4: 'WXYZ', backend: 'keychain' })
  })

  it('a locked keychain on read is reported as such, since it may still hold the key', async () => {
    const keytar = fakeKeytar()
    keytar.failWith = new Error('Cannot create an item in a locked collection')
    const error = await rejectionOf(storeWith(keytar).use('profile-1', async () => 'never'))
    expect(error).toBeInstanceOf(KeychainUnavailableError)
    expect((error as Error).message).toMatch(/^The saved API key could not be read from the system keychain because the keychain is locked/)
  })

  it('explains a keychain module that fails to load, and still offers the session', async () => {
    const store = createSecretStore({
      serviceName: SERVICE,
      platform: 'linux',
      loadKeytar: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')),
    })
    const error = await rejectionOf(store.set('profile-1', KEY))
    expect(error).toBeInstanceOf(KeychainUnavailableError)
    expect((error as KeychainUnavailableError).problem).toBe('failed-to-load')
    expect((error as Error).message).toMatch(/keychain component could not be loaded\. Make sure libsecret is installed/)
    expect(await store.status('profile-1')).toEqual({ stored: false, last4: null, backend: 'none' })
    expect(await store.setInMemory('profile-1', KEY)).toEqual({ stored: true, last4: 'WXYZ', backend: 'memory' })
  })

  it('gives macOS and Windows advice on those systems', async () => {
    for (const [platform, advice] of [
      ['darwin', /macOS Keychain automatically/],
      ['win32', /Windows Credential Manager automatically/],
    ] as const) {
      const keytar = fakeKeytar()
      keytar.failWith = new Error('User interaction is not allowed.')
      const error = await rejectionOf(storeWith(keytar, platform).set('profile-1', KEY))
      expect((error as Error).message).toMatch(advice)
    }
  })
})

describe('classifyKeychainFailure', () => {
  const cases: Array<[string, KeychainProblem]> = [
    ...UNAVAILABLE_ERRORS.map(([problem, message]): [string, KeychainProblem] => [message, problem]),
    ['User canceled the operation.', 'locked'],
    ['Something unexpected', 'refused'],
  ]
  it.each(cases)('“%s” is %s', (message, problem) => {
    expect(classifyKeychainFailure(new Error(message))).toBe(problem)
  })
})
