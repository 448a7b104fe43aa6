import { createHash } from 'node:crypto'
import { access, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { parseDomain } from '../../shared/domain'
import type { Profile, ProfileFileProblem } from '../../shared/profile'
import type { SetupState } from '../../shared/setupState'
import type { SecretStore } from '../secrets/keychain'
import { NoApiKeyError } from '../secrets/keychainErrors'
import { SetupStore } from '../setup/setupStore'
import { UserFacingError } from '../userFacingError'

export const LEGACY_SETUP_FILE = 'setup.json'
export const MOVED_SETUP_FILE = 'setup.moved-to-profiles.json'
/** The keychain account the app used before profiles (core/services DEFAULT_PROFILE_ACCOUNT). */
export const LEGACY_KEY_ACCOUNT = 'default'
export const DEFAULT_PROFILE_NAME = 'My setup'

export interface LegacyUpgradeContext {
  dataDir: string
  secrets: SecretStore
  now: () => Date
  /** Writes the profile unless a profile with its id exists already (an upgrade interrupted after that point). */
  saveNewProfile(profile: Profile): Promise<void>
  uniqueName(base: string): Promise<string>
}

const exists = (file: string) => access(file).then(() => true, () => false)

/**
 * The id of the profile a legacy setup becomes, derived from its content: an upgrade interrupted by a crash and
 * run again makes the same profile instead of a second copy. Formatted as an RFC 9562 version 8 UUID.
 */
export function legacyProfileId(setup: SetupState): string {
  const bytes = createHash('sha256').update(`legacy-setup\n${JSON.stringify(setup)}`).digest().subarray(0, 16)
  bytes[6] = (bytes[6] & 0x0f) | 0x80
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * Turns the single setup of earlier versions (`<dataDir>/setup.json`, versions 1–3) into the first profile, moves its
 * API key from the "default" keychain account to the profile's, then renames setup.json (never deletes it).
 * Each step can be repeated safely, so a crash part-way is finished on the next start. Returns what the admin
 * should be told (nothing when all went well).
 */
export async function upgradeLegacySetup(ctx: LegacyUpgradeContext): Promise<ProfileFileProblem[]> {
  try {
    return await upgrade(ctx)
  } catch (error) {
    // The profiles keep working; the upgrade is tried again on the next start.
    const why = error instanceof UserFacingError ? error.message : `(${(error as NodeJS.ErrnoException).code ?? 'error'})`
    return [
      {
        kind: 'unreadable',
        file: LEGACY_SETUP_FILE,
        keptAs: null,
        message: `Your saved setup from before profiles could not be turned into a profile yet: ${why} Check that you can write to ${ctx.dataDir}, then restart the app; it is kept as it is until then.`,
      },
    ]
  }
}

async function upgrade(ctx: LegacyUpgradeContext): Promise<ProfileFileProblem[]> {
  const legacyFile = join(ctx.dataDir, LEGACY_SETUP_FILE)
  if (!(await exists(legacyFile))) return []
  const loaded = await new SetupStore(ctx.dataDir, ctx.now).load()
  if (!loaded.state) {
    if (!loaded.notice) return []
    // The setup store has already set a damaged file aside, or left a newer one untouched; say which.
    const newer = await exists(legacyFile)
    return [{ kind: newer ? 'newer-version' : 'set-aside', file: LEGACY_SETUP_FILE, keptAs: null, message: loaded.notice }]
  }

  const setup = loaded.state
  const id = legacyProfileId(setup)
  const domain = parseDomain(setup.domainInput)
  const at = ctx.now().toISOString()
  await ctx.saveNewProfile({
    id,
    name: await ctx.uniqueName(domain.ok ? domain.domain : DEFAULT_PROFILE_NAME),
    notes: '',
    createdAt: at,
    modifiedAt: at,
    setup,
  })
  const problems = await moveLegacyKey(ctx.secrets, id)
  await rename(legacyFile, join(ctx.dataDir, await freeName(ctx.dataDir, MOVED_SETUP_FILE, at)))
  return problems
}

async function moveLegacyKey(secrets: SecretStore, id: string): Promise<ProfileFileProblem[]> {
  try {
    await secrets.use(LEGACY_KEY_ACCOUNT, (key) => secrets.set(id, key))
  } catch (error) {
    if (error instanceof NoApiKeyError) return []
    return [
      {
        kind: 'key-not-moved',
        file: LEGACY_SETUP_FILE,
        keptAs: null,
        message:
          'Your saved setup is now a profile, but its API key could not be moved to it in the system keychain. ' +
          'Open the profile and store the key again in the “Store the API key” step.',
      },
    ]
  }
  await secrets.delete(LEGACY_KEY_ACCOUNT).catch(() => undefined)
  return []
}

/** `name`, or the same with the time inserted when a file of that name is already there (never replaced). */
async function freeName(dir: string, name: string, at: string): Promise<string> {
  if (!(await exists(join(dir, name)))) return name
  return name.replace(/\.json$/, `-${at.replace(/[:.]/g, '-')}.json`)
}
