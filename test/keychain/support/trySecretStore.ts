/**
 * Run as a child process in a prepared environment (no D-Bus, no Secret Service, a locked keyring): tries to save
 * DPSSO_CANARY_KEY with the real keytar, falls back to memory, and prints what happened as one JSON line.
 */
import { createSecretStore, KEYCHAIN_SERVICE_NAME } from '../../../src/core/secrets/keychain'
import { KeychainUnavailableError } from '../../../src/core/secrets/keychainErrors'

const key = process.env.DPSSO_CANARY_KEY ?? ''
const account = 'keychain-test-profile'
const store = createSecretStore({ serviceName: KEYCHAIN_SERVICE_NAME, platform: 'linux' })

async function main(): Promise<void> {
  const setError = await store.set(account, key).then(
    () => null,
    (error: unknown) => error,
  )
  const result = {
    errorName: setError instanceof Error ? setError.name : null,
    isKeychainUnavailable: setError instanceof KeychainUnavailableError,
    problem: setError instanceof KeychainUnavailableError ? setError.problem : null,
    message: setError instanceof Error ? setError.message : null,
    statusAfterFailure: await store.status(account),
    memoryStatus: await store.setInMemory(account, key),
    statusAfterMemory: await store.status(account),
    usedTheKey: await store.use(account, async (loaded) => loaded === key),
  }
  console.log(JSON.stringify(result))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
