import { ProfileStore } from '../../src/core/profiles/profileStore'
import { type SecretStore, createSecretStore } from '../../src/core/secrets/keychain'
import { memoryKeytar } from './memoryKeytar'

export const TEST_KEYCHAIN_SERVICE = 'Dialpad SSO Assistant (profile tests)'

/** A profile store over a keychain that lives in memory (the real keychain is tested under test/keychain). */
export function profileStoreIn(dataDir: string, options: { now?: () => Date; keytar?: ReturnType<typeof memoryKeytar>; secrets?: SecretStore } = {}) {
  const keytar = options.keytar ?? memoryKeytar()
  const secrets = options.secrets ?? createSecretStore({ serviceName: TEST_KEYCHAIN_SERVICE, keytar })
  return { store: new ProfileStore({ dataDir, secrets, now: options.now }), secrets, keytar }
}
