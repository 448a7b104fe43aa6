import Module from 'node:module'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSecretStore } from '../../src/core/secrets/keychain'
import { memoryKeytar } from '../support/memoryKeytar'

type Load = (request: string, parent: unknown, isMain: boolean) => unknown
const moduleInternals = Module as unknown as { _load: Load }

afterEach(() => vi.restoreAllMocks())

describe('loading keytar', () => {
  it('requires the native module with require() (never an ES-module import), once, when the keychain is first used', async () => {
    const keychain = memoryKeytar()
    const realLoad = moduleInternals._load
    const requested: string[] = []
    vi.spyOn(moduleInternals, '_load').mockImplementation(function (this: unknown, request, parent, isMain) {
      requested.push(request)
      return request === 'keytar' ? keychain : realLoad.call(this, request, parent, isMain)
    })

    const store = createSecretStore({ serviceName: 'Dialpad SSO Assistant (test)' })
    expect(requested).not.toContain('keytar')

    await store.set('profile-1', 'dpk_require_test_0123456789')
    await store.status('profile-1')

    expect(requested.filter((request) => request === 'keytar')).toEqual(['keytar'])
    expect([...keychain.entries.values()]).toEqual(['dpk_require_test_0123456789'])
  })
})
