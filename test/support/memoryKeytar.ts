import type { KeytarLike } from '../../src/core/secrets/keychain'

/** A keychain that lives in memory, for end-to-end tests (the real one is tested under test/keychain). */
export function memoryKeytar(): KeytarLike & { entries: Map<string, string> } {
  const entries = new Map<string, string>()
  const id = (service: string, account: string) => `${service}\u0000${account}`
  return {
    entries,
    getPassword: async (service, account) => entries.get(id(service, account)) ?? null,
    setPassword: async (service, account, password) => {
      entries.set(id(service, account), password)
    },
    deletePassword: async (service, account) => entries.delete(id(service, account)),
  }
}
