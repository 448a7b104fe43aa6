import { randomUUID } from 'node:crypto'
import { access, mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { parseDomain } from '../../shared/domain'
import { newSetup } from '../../shared/newSetup'
import type { KeyRecord } from '../../shared/keyStatus'
import { type Profile, type ProfileFileProblem, ProfileId, type ProfileList, ProfileNotes, type ProfileSummary } from '../../shared/profile'
import { SetupState } from '../../shared/setupState'
import { wizardFacts } from '../../shared/provenance'
import { deriveSetupStatus, progressOf } from '../../shared/wizard/stepState'
import type { SecretStore } from '../secrets/keychain'
import { notAFileKind, shownPath } from '../files/boundedRead'
import { redactDeep } from './redactDeep'
import { syncFolder, writeFileAtomic } from '../storage/atomicWrite'
import { UserFacingError } from '../userFacingError'
import { upgradeLegacySetup } from './legacySetup'
import { profileKeyStatus } from './profileKeys'
import { removeLeftoverTempFiles } from './leftoverTempFiles'
import { profileDocumentText } from './profileDocument'
import { PROFILE_FILE, type ProfileRead, profileFileName, readProfileFile } from './profileFile'
import { requireProfileName, sameName, uniqueName } from './profileNames'

export const PROFILES_FOLDER = 'profiles'

const NOT_FOUND = 'This profile no longer exists; it may have been deleted. Choose another profile from the list.'

export class ProfileNotFoundError extends UserFacingError {
  override name = 'ProfileNotFoundError'
  constructor(message: string) {
    super(message, { code: 'profile-not-found' })
  }
}

export interface ProfileStoreOptions {
  /** The app's data folder; profiles live in its `profiles` folder. */
  dataDir: string
  /** Each profile's API key lives under account = profile id. */
  secrets: SecretStore
  now?: () => Date
  newId?: () => string
}

/** What an admin may set when creating a profile; the rest starts empty. */
export interface NewProfile {
  name: string
  notes?: string
  setup?: SetupState
}

/** The parts of a profile an import replaces (the id, creation time and API key stay). */
export type ProfileContent = Pick<Profile, 'name' | 'notes' | 'setup'>

/**
 * Every customer's setup, one versioned JSON document per profile under `<dataDir>/profiles/<id>.json`, written
 * atomically. Work on one profile is serialised; work that depends on all names (create, rename, duplicate) is
 * serialised store-wide. A damaged file is set aside and reported, and the other profiles keep working.
 */
export class ProfileStore {
  readonly dir: string
  private readonly dataDir: string
  private readonly secrets: SecretStore
  private readonly now: () => Date
  private readonly newId: () => string
  private ready: Promise<void> | null = null
  /** What this store found wrong since it started, by file: shown with every list until the app restarts. */
  private readonly problems = new Map<string, ProfileFileProblem>()
  private readonly queues = new Map<string, Promise<unknown>>()
  private catalog: Promise<unknown> = Promise.resolve()

  constructor(options: ProfileStoreOptions) {
    this.dataDir = options.dataDir
    this.dir = join(options.dataDir, PROFILES_FOLDER)
    this.secrets = options.secrets
    this.now = options.now ?? (() => new Date())
    this.newId = options.newId ?? randomUUID
  }

  /** The summaries for the profile list, most recently modified first, with any problem found in the files. */
  async list(): Promise<ProfileList> {
    const { profiles, problems } = await this.loadAll()
    const summaries = await Promise.all(profiles.map(async (profile) => this.summaryOf(profile)))
    return { profiles: summaries, problems }
  }

  /** Every profile that loads, most recently modified first (no keychain access). */
  async loadAll(): Promise<{ profiles: Profile[]; problems: ProfileFileProblem[] }> {
    await this.init()
    return this.loadAllNow()
  }

  private async loadAllNow(): Promise<{ profiles: Profile[]; problems: ProfileFileProblem[] }> {
    const ids = (await readdir(this.dir)).flatMap((name) => PROFILE_FILE.exec(name)?.[1] ?? [])
    const reads = await Promise.all(ids.map((id) => this.serialised(id, () => this.read(id))))
    const profiles = reads.flatMap((read) => (read.kind === 'ok' ? [read.profile] : []))
    profiles.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name))
    return { profiles, problems: [...this.problems.values()] }
  }

  async summaryOf(profile: Profile): Promise<ProfileSummary> {
    const key = await profileKeyStatus({ store: this, secrets: this.secrets, now: this.now }, profile)
    const domain = parseDomain(profile.setup.domainInput)
    const status = deriveSetupStatus(wizardFacts(profile.setup, key))
    const { overview } = status
    return {
      id: profile.id,
      name: profile.name,
      domain: domain.ok ? domain.domain : null,
      env: profile.setup.env,
      modifiedAt: profile.modifiedAt,
      progress: progressOf(status),
      status: {
        kind: overview.kind,
        headline: overview.headline,
        outOfDate: overview.outOfDate.length,
        waiting: overview.waiting.length,
        skipped: overview.skipped.length,
      },
    }
  }

  async get(id: string): Promise<Profile> {
    await this.init()
    return this.serialised(id, () => this.require(id))
  }

  /** The profile with this name (letter case and surrounding spaces ignored), or null. */
  async findByName(name: string): Promise<Profile | null> {
    const { profiles } = await this.loadAll()
    return profiles.find((profile) => sameName(profile.name, name)) ?? null
  }

  /** The profile with this name, or a UserFacingError listing the names there are. */
  async requireByName(name: string): Promise<Profile> {
    const { profiles } = await this.loadAll()
    const found = profiles.find((profile) => sameName(profile.name, name))
    if (found) return found
    const names = profiles.map((profile) => `“${profile.name}”`).sort((a, b) => a.localeCompare(b)).join(', ')
    throw new ProfileNotFoundError(
      `There is no profile named “${name.trim()}” in ${this.dir}. ${names ? `The profiles there are: ${names}.` : 'There are no profiles there yet.'}`,
    )
  }

  async create(input: NewProfile): Promise<Profile> {
    const name = requireProfileName(input.name)
    const notes = requireNotes(input.notes ?? '')
    const setup = input.setup === undefined ? newSetup() : requireSetup(input.setup)
    return this.withCatalog(async () => {
      await this.requireFreeName(name)
      return this.writeNew({ name, notes, setup })
    })
  }

  /** A new profile with the content given; a name already in use gets a label ("Acme (imported)"). */
  async createWithUniqueName(content: ProfileContent, label: string): Promise<Profile> {
    const name = requireProfileName(content.name)
    const setup = requireSetup(content.setup)
    const notes = requireNotes(content.notes)
    return this.withCatalog(async () => {
      const taken = await this.names()
      const free = !taken.some((other) => sameName(other, name))
      return this.writeNew({ name: free ? name : uniqueName(name, taken, label), notes, setup })
    })
  }

  async rename(id: string, newName: string): Promise<Profile> {
    const name = requireProfileName(newName)
    return this.withCatalog(async () => {
      await this.requireFreeName(name, id)
      return this.update(id, (profile) => ({ ...profile, name }))
    })
  }

  async setNotes(id: string, notes: string): Promise<Profile> {
    const checked = requireNotes(notes)
    await this.init()
    return this.update(id, (profile) => ({ ...profile, notes: checked }))
  }

  /** The wizard's autosave. Saves run one after another, so the last state the admin produced is the one on disk. */
  async saveSetup(id: string, setup: SetupState): Promise<{ modifiedAt: string }> {
    const checked = requireSetup(setup)
    await this.init()
    const saved = await this.update(id, (profile) => ({ ...profile, setup: checked }))
    return { modifiedAt: saved.modifiedAt }
  }

  /**
   * Records (or with null, forgets) when the profile's API key was stored. Not a change the admin made to the
   * profile, so the modification time stays.
   */
  async setKeyRecord(id: string, record: KeyRecord | null): Promise<Profile> {
    await this.init()
    return this.serialised(id, async () => {
      const { apiKeyRecord: _old, ...profile } = await this.require(id)
      return this.write(record === null ? profile : { ...profile, apiKeyRecord: record })
    })
  }

  /** Replaces name, notes and setup (an import the admin confirmed); the id, and so the stored API key, stay. */
  async replaceContent(id: string, content: ProfileContent): Promise<Profile> {
    const name = requireProfileName(content.name)
    const setup = requireSetup(content.setup)
    const notes = requireNotes(content.notes)
    return this.withCatalog(async () => {
      await this.requireFreeName(name, id)
      return this.update(id, (profile) => ({ ...profile, name, notes, setup }))
    })
  }

  /** A copy of the setup and notes under a new name ("Acme (copy)" by default). The API key is not copied. */
  async duplicate(id: string, newName?: string): Promise<Profile> {
    const chosen = newName === undefined ? undefined : requireProfileName(newName)
    return this.withCatalog(async () => {
      const source = await this.get(id)
      if (chosen !== undefined) await this.requireFreeName(chosen)
      const name = chosen ?? uniqueName(source.name, await this.names(), 'copy')
      return this.writeNew({ name, notes: source.notes, setup: source.setup })
    })
  }

  /** Deletes the profile and its API key (keychain entry and any session-only copy). The key goes first, so none is left behind. */
  async delete(id: string): Promise<void> {
    await this.init()
    await this.serialised(id, async () => {
      const profile = await this.require(id)
      try {
        await this.secrets.delete(id)
      } catch (error) {
        const why = error instanceof UserFacingError ? `${error.message} ` : ''
        throw new UserFacingError(`${why}The profile “${profile.name}” was not deleted, so its API key is not left behind in the keychain. Try again.`)
      }
      try {
        await rm(this.file(id))
        await syncFolder(this.dir)
      } catch (error) {
        throw new UserFacingError(
          `The profile “${profile.name}” could not be deleted (${(error as NodeJS.ErrnoException).code ?? 'delete error'}); its API key was removed. Check that you can write to ${this.dir}.`,
        )
      }
    })
  }

  /** Why the profiles folder cannot be made: a file, pipe or device where a folder should be is named as such. */
  private async folderProblem(error: unknown): Promise<UserFacingError> {
    for (const path of [this.dataDir, this.dir]) {
      const info = await stat(path).catch(() => null)
      const kind = info === null || info.isDirectory() ? null : (notAFileKind(info) ?? 'a file')
      if (kind !== null) {
        return new UserFacingError(
          `${shownPath(path)} is ${kind}, not a folder, so the profiles cannot be kept there. Move it away, or on the command line give a folder with --data-dir.`,
        )
      }
    }
    return new UserFacingError(
      `The profiles folder could not be created (${(error as NodeJS.ErrnoException).code ?? 'write error'}). Check that you can write to ${shownPath(this.dataDir)}, then restart the app.`,
    )
  }

  private file(id: string): string {
    return join(this.dir, profileFileName(id))
  }

  /** Once per store: the profiles folder, temp files of crashed writers removed, and the pre-profile setup upgraded. */
  private init(): Promise<void> {
    this.ready ??= (async () => {
      try {
        await mkdir(this.dir, { recursive: true, mode: 0o700 })
      } catch (error) {
        throw await this.folderProblem(error)
      }
      await removeLeftoverTempFiles(this.dir)
      const upgraded = await upgradeLegacySetup({
        dataDir: this.dataDir,
        secrets: this.secrets,
        now: this.now,
        saveNewProfile: async (profile) => {
          if (!(await access(this.file(profile.id)).then(() => true, () => false))) await this.write(profile)
        },
        uniqueName: async (base) => uniqueName(base, await this.names()),
      })
      for (const problem of upgraded) this.problems.set(problem.file, problem)
    })()
    // A failed start (a folder that cannot be created) is tried again on the next call.
    this.ready.catch(() => (this.ready = null))
    return this.ready
  }

  private async read(id: string): Promise<ProfileRead> {
    const read = await readProfileFile(this.dir, id, this.now())
    if (read.kind === 'problem') this.problems.set(read.problem.file, read.problem)
    return read
  }

  private async require(id: string): Promise<Profile> {
    const read = await this.read(id)
    if (read.kind === 'ok') return read.profile
    if (read.kind === 'problem') throw new UserFacingError(read.problem.message)
    throw new ProfileNotFoundError(NOT_FOUND)
  }

  /** Runs `fn` after every earlier piece of work on the same profile. Only a real profile id ever names a file. */
  private serialised<T>(id: string, fn: () => Promise<T>): Promise<T> {
    if (!ProfileId.safeParse(id).success) return Promise.reject(new ProfileNotFoundError(NOT_FOUND))
    const next = (this.queues.get(id) ?? Promise.resolve()).then(fn, fn)
    const settled = next.catch(() => undefined)
    this.queues.set(id, settled)
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id)
    })
    return next
  }

  private async withCatalog<T>(fn: () => Promise<T>): Promise<T> {
    await this.init()
    const next = this.catalog.then(fn, fn)
    this.catalog = next.catch(() => undefined)
    return next
  }

  private update(id: string, change: (profile: Profile) => Profile): Promise<Profile> {
    return this.serialised(id, async () => this.write({ ...change(await this.require(id)), modifiedAt: this.now().toISOString() }))
  }

  private async writeNew(content: ProfileContent): Promise<Profile> {
    const at = this.now().toISOString()
    const profile: Profile = { id: this.newId(), ...content, createdAt: at, modifiedAt: at }
    return this.serialised(profile.id, () => this.write(profile))
  }

  /**
   * Writes the profile with every API key the process knows replaced (a key pasted into the wrong field, or quoted
   * in a check result, never reaches the disk) and returns what was written.
   */
  private async write(given: Profile): Promise<Profile> {
    const profile = redactDeep(given)
    try {
      await writeFileAtomic(this.file(profile.id), profileDocumentText(profile))
      return profile
    } catch (error) {
      throw new UserFacingError(
        `The profile “${profile.name}” could not be saved (${(error as NodeJS.ErrnoException).code ?? 'write error'}). Check there is free disk space and that you can write to ${this.dir}.`,
      )
    }
  }

  private async names(except?: string): Promise<string[]> {
    return (await this.loadAllNow()).profiles.filter((profile) => profile.id !== except).map((profile) => profile.name)
  }

  private async nameTaken(name: string, except?: string): Promise<boolean> {
    return (await this.names(except)).some((other) => sameName(other, name))
  }

  private async requireFreeName(name: string, except?: string): Promise<void> {
    if (await this.nameTaken(name, except)) throw new UserFacingError(`A profile named “${name}” already exists. Choose another name.`, { code: 'invalid-input' })
  }
}

function requireSetup(setup: SetupState): SetupState {
  const parsed = SetupState.safeParse(setup)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw new UserFacingError(`The setup could not be saved: it is not valid at "${issue.path.join('.')}" (${issue.message}).`, { code: 'invalid-input' })
}

function requireNotes(notes: string): string {
  const parsed = ProfileNotes.safeParse(notes)
  if (!parsed.success) throw new UserFacingError(parsed.error.issues[0].message, { code: 'invalid-input' })
  return parsed.data
}
