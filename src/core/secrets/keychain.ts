import { createRequire } from 'node:module'
import type { KeyStatus } from '../../shared/keyStatus'
import { requireValidApiKey } from './apiKeyFormat'
import { KeychainUnavailableError, NoApiKeyError, classifyKeychainFailure, meansNoKeychain, type KeychainAction } from './keychainErrors'
import { rememberSecret } from './redact'

/** The keychain entries' service name; the account is the setup profile id. */
export const KEYCHAIN_SERVICE_NAME = 'Dialpad SSO Assistant'

/** The part of keytar the store uses, so tests can pass a fake. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

/**
 * Owns the Dialpad API key, one per setup profile (`account`). Callers outside core only ever see a KeyStatus;
 * the key itself is handed to code inside core through `use`.
 */
export interface SecretStore {
  /** Validates and saves the key in the OS keychain; throws KeychainUnavailableError when there is none to use. */
  set(account: string, key: string): Promise<KeyStatus>
  /** Keeps the key in this process's memory only, for when the keychain is unavailable. */
  setInMemory(account: string, key: string): Promise<KeyStatus>
  status(account: string): Promise<KeyStatus>
  delete(account: string): Promise<KeyStatus>
  /** Loads the key and passes it to `fn`; throws NoApiKeyError when none is saved. */
  use<T>(account: string, fn: (key: string) => Promise<T>): Promise<T>
}

export interface SecretStoreOptions {
  serviceName: string
  keytar?: KeytarLike
  /** How keytar is loaded when `keytar` is not given; tests replace it to simulate a module that fails to load. */
  loadKeytar?: () => Promise<KeytarLike>
  /** Chooses the platform-specific advice in error messages. */
  platform?: NodeJS.Platform
}

/**
 * keytar is a native addon: load it with require(), the way Node and Electron load addons (from app.asar.unpacked
 * in the installed app). An ES-module import of a native module has a history of failing inside asar archives.
 * createRequire keeps it a real require() in every build: the CommonJS main bundle, the ES-module CLI (whose build
 * defines __filename), tsx, vitest and Playwright.
 */
async function requireKeytar(): Promise<KeytarLike> {
  return createRequire(__filename)('keytar') as KeytarLike
}

function storedStatus(backend: 'keychain' | 'memory', key: string): KeyStatus {
  return { stored: true, last4: key.slice(-4), backend }
}

function requireAccount(account: string): void {
  if (typeof account !== 'string' || account === '') throw new TypeError('A secret store account (the setup profile id) is required.')
}

export function createSecretStore(options: SecretStoreOptions): SecretStore {
  const { serviceName, platform = process.platform } = options
  const inMemory = new Map<string, string>()
  // Cleared when the keychain reports it is not there, so status can say the key can only be kept for the session.
  let keychainUsable = true
  let keytar: Promise<KeytarLike> | undefined

  const notStored = (): KeyStatus => ({ stored: false, last4: null, backend: keychainUsable ? 'keychain' : 'none' })

  /** Runs a keytar call, turning any failure into a KeychainUnavailableError that carries none of keytar's text. */
  async function keychain<T>(action: KeychainAction, call: (keytar: KeytarLike) => Promise<T>): Promise<T> {
    let loaded: KeytarLike
    try {
      loaded = await (keytar ??= options.keytar ? Promise.resolve(options.keytar) : (options.loadKeytar ?? requireKeytar)())
    } catch {
      keychainUsable = false
      throw new KeychainUnavailableError('failed-to-load', action, platform)
    }
    try {
      return await call(loaded)
    } catch (error) {
      const wrapped = new KeychainUnavailableError(classifyKeychainFailure(error), action, platform)
      if (meansNoKeychain(wrapped.problem)) keychainUsable = false
      throw wrapped
    }
  }

  /** The key saved in the keychain, or null when there is none or the keychain cannot be read. */
  async function readKeychain(account: string): Promise<string | null> {
    const key = await keychain('read', (k) => k.getPassword(serviceName, account)).catch(() => null)
    if (key) rememberSecret(key)
    return key || null
  }

  return {
    async set(account, input) {
      requireAccount(account)
      const key = requireValidApiKey(input)
      rememberSecret(key)
      await keychain('save', (k) => k.setPassword(serviceName, account, key))
      keychainUsable = true
      inMemory.delete(account)
      return storedStatus('keychain', key)
    },

    async setInMemory(account, input) {
      requireAccount(account)
      const key = requireValidApiKey(input)
      rememberSecret(key)
      inMemory.set(account, key)
      return storedStatus('memory', key)
    },

    async status(account) {
      requireAccount(account)
      const memory = inMemory.get(account)
      if (memory !== undefined) return storedStatus('memory', memory)
      const key = await readKeychain(account)
      return key ? storedStatus('keychain', key) : notStored()
    },

    async delete(account) {
      requireAccount(account)
      inMemory.delete(account)
      try {
        await keychain('delete', (k) => k.deletePassword(serviceName, account))
      } catch (error) {
        if (!(error instanceof KeychainUnavailableError) || !meansNoKeychain(error.problem)) throw error
      }
      return notStored()
    },

    async use(account, fn) {
      requireAccount(account)
      let key = inMemory.get(account) ?? null
      if (key === null) {
        try {
          key = await keychain('read', (k) => k.getPassword(serviceName, account))
        } catch (error) {
          // With no keychain at all nothing can have been saved; a locked one may still hold the key.
          if (error instanceof KeychainUnavailableError && meansNoKeychain(error.problem)) throw new NoApiKeyError()
          throw error
        }
      }
      if (!key) throw new NoApiKeyError()
      rememberSecret(key)
      return fn(key)
    },
  }
}
