import { describe, expect, it } from 'vitest'
import { deleteProfileKey, profileKeyStatus, storeProfileKey } from '../../src/core/profiles/profileKeys'
import { profileStoreIn } from '../support/profileStores'
import { useTempDirs } from '../support/tempDir'

const KEY = 'dpk_profile_keys_0123456789_ABCD'
const OTHER_KEY = 'dpk_profile_keys_9876543210_WXYZ'

/** A clock that moves one minute per call, so each store has its own time. */
function ticking(start = Date.parse('2026-11-22T10:00:00.000Z')) {
  let minutes = 0
  return () => new Date(start + 60_000 * minutes++)
}

describe('when a profile’s API key was stored (what tells one key from the next in provenance)', () => {
  const tempDir = useTempDirs()

  it('is recorded when the key is stored, kept until it is replaced, and forgotten with the key', async () => {
    const made = profileStoreIn(await tempDir())
    const deps = { ...made, now: ticking() }
    const profile = await made.store.create({ name: 'Acme' })
    const stored = await storeProfileKey(deps, profile.id, KEY, 'keychain')
    expect(stored).toEqual({ stored: true, last4: 'ABCD', backend: 'keychain', storedAt: '2026-11-22T10:00:00.000Z' })
    // Asking again does not move the time: the same key is the same key.
    expect(await profileKeyStatus(deps, await made.store.get(profile.id))).toEqual(stored)
    // The record changes nothing the admin did: the profile keeps its modification time.
    expect((await made.store.get(profile.id)).modifiedAt).toBe(profile.modifiedAt)

    const replaced = await storeProfileKey(deps, profile.id, OTHER_KEY, 'memory')
    expect(replaced).toMatchObject({ stored: true, last4: 'WXYZ', backend: 'memory' })
    expect(replaced.stored && replaced.storedAt).not.toBe(stored.stored && stored.storedAt)

    expect(await deleteProfileKey(deps, profile.id)).toEqual({ stored: false, last4: null, backend: 'keychain' })
    expect((await made.store.get(profile.id)).apiKeyRecord).toBeUndefined()
  })

  it('is recorded once for a key stored by an earlier version, which had no record', async () => {
    const made = profileStoreIn(await tempDir())
    const deps = { ...made, now: ticking() }
    const profile = await made.store.create({ name: 'Acme' })
    await made.secrets.set(profile.id, KEY)
    const first = await profileKeyStatus(deps, profile)
    expect(first).toMatchObject({ stored: true, last4: 'ABCD', storedAt: '2026-11-22T10:00:00.000Z' })
    expect(await profileKeyStatus(deps, await made.store.get(profile.id))).toEqual(first)
  })

  it('is not copied with a duplicate (the key is not either)', async () => {
    const made = profileStoreIn(await tempDir())
    const profile = await made.store.create({ name: 'Acme' })
    await storeProfileKey(made, profile.id, KEY, 'keychain')
    const copy = await made.store.duplicate(profile.id)
    expect(copy.apiKeyRecord).toBeUndefined()
    expect(await profileKeyStatus(made, copy)).toEqual({ stored: false, last4: null, backend: 'keychain' })
  })
})
