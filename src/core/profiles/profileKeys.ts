import type { ProfileKeyStatus } from '../../shared/keyStatus'
import type { Profile } from '../../shared/profile'
import type { SecretStore } from '../secrets/keychain'
import { type ProfileStore, ProfileNotFoundError } from './profileStore'

export interface ProfileKeyDeps {
  store: ProfileStore
  secrets: SecretStore
  now?: () => Date
}

/**
 * A profile's key status with when its key was stored. A key the profile has no record of (stored by an earlier
 * version, or moved from the setup before profiles) is recorded now, once: from then on verdicts made with it name
 * that time. If the record cannot be written, the status still answers; the next call tries again.
 */
export async function profileKeyStatus({ store, secrets, now = () => new Date() }: ProfileKeyDeps, profile: Profile): Promise<ProfileKeyStatus> {
  const status = await secrets.status(profile.id)
  if (!status.stored) return status
  let record = profile.apiKeyRecord
  if (!record || record.last4 !== status.last4) {
    record = { last4: status.last4, storedAt: now().toISOString() }
    await store.setKeyRecord(profile.id, record).catch(() => undefined)
  }
  return { ...status, storedAt: record.storedAt }
}

/** Stores the key for the profile (in the keychain, or for this session only) and records when. */
export async function storeProfileKey(
  { store, secrets, now = () => new Date() }: ProfileKeyDeps,
  id: string,
  key: string,
  where: 'keychain' | 'memory',
): Promise<ProfileKeyStatus> {
  const status = where === 'keychain' ? await secrets.set(id, key) : await secrets.setInMemory(id, key)
  if (!status.stored) return status
  const record = { last4: status.last4, storedAt: now().toISOString() }
  try {
    await store.setKeyRecord(id, record)
  } catch (error) {
    // The profile was deleted meanwhile (another window, the command line): its key must not stay behind in the keychain.
    if (error instanceof ProfileNotFoundError) await secrets.delete(id).catch(() => undefined)
    throw error
  }
  return { ...status, storedAt: record.storedAt }
}

/** Deletes the profile's key and its record. */
export async function deleteProfileKey({ store, secrets }: ProfileKeyDeps, id: string): Promise<ProfileKeyStatus> {
  const status = await secrets.delete(id)
  await store.setKeyRecord(id, null)
  return { stored: false, last4: null, backend: status.backend === 'none' ? 'none' : 'keychain' }
}
