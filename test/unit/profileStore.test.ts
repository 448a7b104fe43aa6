import { readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EMBEDDED_SETUP_VERSION, PROFILE_MIGRATIONS, PROFILE_SCHEMA_VERSION } from '../../src/core/profiles/profileDocument'
import { LEGACY_KEY_ACCOUNT, MOVED_SETUP_FILE, upgradeLegacySetup } from '../../src/core/profiles/legacySetup'
import { ProfileNotFoundError } from '../../src/core/profiles/profileStore'
import { UserFacingError } from '../../src/core/userFacingError'
import { newSetup } from '../../src/shared/newSetup'
import { SETUP_SCHEMA_VERSION } from '../../src/shared/setupState'
import { WIZARD_STEPS } from '../../src/shared/wizard/steps'
import { profileStoreIn, TEST_KEYCHAIN_SERVICE } from '../support/profileStores'
import { SAMPLE_SETUP } from '../support/sampleSetup'
import { useTempDirs } from '../support/tempDir'

const KEY = 'profile-test-key-0123456789-ABCD'
const STEPS = WIZARD_STEPS.length

/** A clock that moves one second per reading, so every change gets its own modification time. */
function ticking(start = Date.parse('2026-11-22T10:00:00.000Z')) {
  let t = start
  return () => new Date((t += 1000))
}

const profileFile = (dir: string, id: string) => join(dir, 'profiles', `${id}.json`)

describe('ProfileStore: create, rename, duplicate, delete, list', () => {
  const tempDir = useTempDirs()

  it('starts with no profiles and no problems', async () => {
    const { store } = profileStoreIn(await tempDir())
    expect(await store.list()).toEqual({ profiles: [], problems: [] })
  })

  it('creates a profile as a versioned document only its owner can read, and loads it back identically', async () => {
    const dir = await tempDir()
    const { store, secrets } = profileStoreIn(dir, { now: ticking() })
    const created = await store.create({ name: '  Acme Widgets ', notes: 'Ticket 4711' })
    expect(created).toMatchObject({ name: 'Acme Widgets', notes: 'Ticket 4711', setup: newSetup() })
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/)

    const document = JSON.parse(await readFile(profileFile(dir, created.id), 'utf8'))
    expect(document).toEqual({ schemaVersion: PROFILE_SCHEMA_VERSION, ...created })
    if (process.platform !== 'win32') expect((await stat(profileFile(dir, created.id))).mode & 0o777).toBe(0o600)

    const reopened = profileStoreIn(dir, { secrets })
    expect(await reopened.store.get(created.id)).toEqual(created)
    expect(await reopened.store.list()).toEqual({
      profiles: [
        {
          id: created.id,
          name: 'Acme Widgets',
          domain: null,
          env: 'production',
          modifiedAt: created.modifiedAt,
          progress: { done: 0, total: STEPS },
          status: { kind: 'not-started', headline: 'Not started yet.', outOfDate: 0, waiting: 0, skipped: 0 },
        },
      ],
      problems: [],
    })
  })

  it('loads a profile saved before other email domains and decisive steps existed (format 1, setup version 3)', async () => {
    const dir = await tempDir()
    const { store, secrets } = profileStoreIn(dir)
    const created = await store.create({ name: 'Older', setup: { ...SAMPLE_SETUP, otherEmailDomains: ['acme.example'] } })
    const document = JSON.parse(await readFile(profileFile(dir, created.id), 'utf8')) as { setup: Record<string, unknown> }
    const { otherEmailDomains: _dropped, provenance: _none, ...olderSetup } = document.setup
    const run = { ok: false, checkedAt: '2026-11-20T09:15:00.000Z', steps: [{ id: 'service-provider-config', title: 'Old', status: 'fail', durationMs: 5, detail: 'Not found (404).', fix: 'x' }] }
    const scim = { ...(olderSetup.scim as Record<string, unknown>), lastConnectionTest: run }
    await writeFile(profileFile(dir, created.id), JSON.stringify({ ...document, schemaVersion: 1, setup: { ...olderSetup, scim } }))

    const loaded = await profileStoreIn(dir, { secrets }).store.get(created.id)
    expect(loaded.setup.otherEmailDomains).toEqual([])
    // Saved runs were judged with every step deciding: they keep their verdict.
    expect(loaded.setup.scim.lastConnectionTest).toMatchObject({ ok: false, steps: [{ id: 'service-provider-config', status: 'fail', decisive: true }] })
  })

  it('refuses a second profile with the same name (letter case and spaces ignored) and names that are not one line', async () => {
    const { store } = profileStoreIn(await tempDir())
    await store.create({ name: 'Acme' })
    await expect(store.create({ name: ' ACME ' })).rejects.toThrow('A profile named “ACME” already exists. Choose another name.')
    await expect(store.create({ name: '   ' })).rejects.toThrow(/Give the profile a name/)
    await expect(store.create({ name: 'Acme\nsecond line' })).rejects.toThrow(/one line of text/)
    expect((await store.list()).profiles.map((p) => p.name)).toEqual(['Acme'])
  })

  it('renames a profile and records when', async () => {
    const { store } = profileStoreIn(await tempDir(), { now: ticking() })
    const acme = await store.create({ name: 'Acme' })
    await store.create({ name: 'Globex' })
    const renamed = await store.rename(acme.id, 'Acme Corp')
    expect(renamed.name).toBe('Acme Corp')
    expect(renamed.modifiedAt > acme.modifiedAt).toBe(true)
    await expect(store.rename(acme.id, 'globex')).rejects.toThrow(/A profile named “globex” already exists/)
    // Renaming to the same name in another case is not a clash with itself.
    expect((await store.rename(acme.id, 'ACME CORP')).name).toBe('ACME CORP')
  })

  it('duplicates the setup and notes under a new name, without the API key', async () => {
    const { store, secrets } = profileStoreIn(await tempDir())
    const acme = await store.create({ name: 'Acme', notes: 'Change 42', setup: SAMPLE_SETUP })
    await secrets.set(acme.id, KEY)
    const copy = await store.duplicate(acme.id)
    const second = await store.duplicate(acme.id)
    const named = await store.duplicate(acme.id, 'Acme sandbox')
    expect([copy.name, second.name, named.name]).toEqual(['Acme (copy)', 'Acme (copy 2)', 'Acme sandbox'])
    expect(copy).toMatchObject({ notes: 'Change 42', setup: SAMPLE_SETUP })
    expect(copy.id).not.toBe(acme.id)
    expect(await secrets.status(copy.id)).toMatchObject({ stored: false })
    expect(await secrets.status(acme.id)).toMatchObject({ stored: true, last4: 'ABCD' })
  })

  it('deletes a profile with its keychain entry and its session-only key, and leaves the others alone', async () => {
    const dir = await tempDir()
    const { store, secrets, keytar } = profileStoreIn(dir)
    const acme = await store.create({ name: 'Acme' })
    const globex = await store.create({ name: 'Globex' })
    const initech = await store.create({ name: 'Initech' })
    await secrets.set(acme.id, KEY)
    await secrets.set(globex.id, 'globex-key-0123456789-WXYZ')
    await secrets.setInMemory(initech.id, 'initech-key-0123456789-QRST')

    await store.delete(acme.id)
    await store.delete(initech.id)
    expect(await readdir(join(dir, 'profiles'))).toEqual([`${globex.id}.json`])
    expect([...keytar.entries.keys()]).toEqual([`${TEST_KEYCHAIN_SERVICE}\u0000${globex.id}`])
    expect(await secrets.status(initech.id)).toMatchObject({ stored: false })
    await expect(store.get(acme.id)).rejects.toThrow(ProfileNotFoundError)
    await expect(store.delete(acme.id)).rejects.toThrow(/no longer exists/)
  })

  it('keeps a profile whose keychain entry cannot be removed, and says why', async () => {
    const dir = await tempDir()
    const { store, secrets, keytar } = profileStoreIn(dir)
    const acme = await store.create({ name: 'Acme' })
    await secrets.set(acme.id, KEY)
    keytar.deletePassword = async () => {
      throw new Error('Cannot create an item in a locked collection')
    }
    await expect(store.delete(acme.id)).rejects.toThrow(/keychain is locked.*The profile “Acme” was not deleted, so its API key is not left behind/s)
    expect((await store.get(acme.id)).name).toBe('Acme')
  })

  it('serialises saves: of many overlapping saves the last one is on disk, with no temp files left', async () => {
    const dir = await tempDir()
    const { store } = profileStoreIn(dir)
    const acme = await store.create({ name: 'Acme' })
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.saveSetup(acme.id, { ...SAMPLE_SETUP, domainInput: `example${i}.com` })))
    expect((await profileStoreIn(dir).store.get(acme.id)).setup.domainInput).toBe('example24.com')
    expect(await readdir(join(dir, 'profiles'))).toEqual([`${acme.id}.json`])
  })

  it('refuses anything but a profile id, so no other file can be named', async () => {
    const dir = await tempDir()
    const { store } = profileStoreIn(dir)
    for (const id of ['../setup', '..', 'ABCDEF00-0000-4000-8000-000000000000', '']) {
      await expect(store.get(id)).rejects.toThrow(ProfileNotFoundError)
      await expect(store.delete(id)).rejects.toThrow(ProfileNotFoundError)
      await expect(store.saveSetup(id, SAMPLE_SETUP)).rejects.toThrow(ProfileNotFoundError)
    }
    expect(await readdir(join(dir, 'profiles'))).toEqual([])
  })

  it('never brings a deleted profile back with a save that arrives later', async () => {
    const dir = await tempDir()
    const { store } = profileStoreIn(dir)
    const acme = await store.create({ name: 'Acme' })
    await store.delete(acme.id)
    await expect(store.saveSetup(acme.id, SAMPLE_SETUP)).rejects.toThrow(ProfileNotFoundError)
    expect(await readdir(join(dir, 'profiles'))).toEqual([])
  })

  it('refuses a setup that is not valid, naming the field', async () => {
    const { store } = profileStoreIn(await tempDir())
    const acme = await store.create({ name: 'Acme' })
    await expect(store.saveSetup(acme.id, { ...SAMPLE_SETUP, env: 'staging' as 'production' })).rejects.toThrow(/not valid at "env"/)
  })

  it('lists the most recently changed first, with the normalized domain and progress counting a stored key', async () => {
    const { store, secrets } = profileStoreIn(await tempDir(), { now: ticking() })
    const acme = await store.create({ name: 'Acme', setup: { ...SAMPLE_SETUP, domainInput: ' ACME.example ' } })
    const globex = await store.create({ name: 'Globex' })
    await store.saveSetup(acme.id, { ...SAMPLE_SETUP, domainInput: 'Acme.Example', env: 'sandbox' })
    const before = (await store.list()).profiles
    expect(before.map((p) => [p.name, p.domain, p.env])).toEqual([
      ['Acme', 'acme.example', 'sandbox'],
      ['Globex', null, 'production'],
    ])
    await secrets.set(acme.id, KEY)
    const after = (await store.list()).profiles.find((p) => p.id === acme.id)
    expect(after?.progress.done).toBe((before[0].progress.done) + 1)
    expect(globex.id).not.toBe(acme.id)
  })

  it('finds a profile by name for the CLI, and lists the names there are when none matches', async () => {
    const { store } = profileStoreIn(await tempDir())
    const acme = await store.create({ name: 'Acme' })
    await store.create({ name: 'Globex' })
    expect((await store.requireByName(' acme ')).id).toBe(acme.id)
    await expect(store.requireByName('Initech')).rejects.toThrow(/There is no profile named “Initech” in .*profiles\. The profiles there are: “Acme”, “Globex”\./)
  })
})

describe('ProfileStore: damaged and newer files', () => {
  const tempDir = useTempDirs()

  it('sets a file that is not JSON aside, keeps its bytes, explains, and keeps the other profiles working', async () => {
    const dir = await tempDir()
    const { store, secrets } = profileStoreIn(dir)
    const acme = await store.create({ name: 'Acme' })
    const globex = await store.create({ name: 'Globex' })
    const broken = '{"schemaVersion": 1, "name": "Acme", "setup": {'
    await writeFile(profileFile(dir, acme.id), broken)

    const reopened = profileStoreIn(dir, { secrets }).store
    const { profiles, problems } = await reopened.list()
    expect(profiles.map((p) => p.id)).toEqual([globex.id])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ kind: 'set-aside', file: `${acme.id}.json` })
    expect(problems[0].message).toMatch(/could not be used because it is not valid JSON\. It was kept as .*\.damaged-.*\.json .* the other profiles work as usual/)
    expect(await readFile(join(dir, 'profiles', problems[0].keptAs as string), 'utf8')).toBe(broken)
    // The problem stays listed for the session; the other profile can still be changed.
    expect((await reopened.list()).problems).toEqual(problems)
    await reopened.rename(globex.id, 'Globex Corp')
    await expect(reopened.get(acme.id)).rejects.toThrow(ProfileNotFoundError)
  })

  it('never overwrites an earlier set-aside copy of the same profile', async () => {
    const dir = await tempDir()
    const fixedNow = () => new Date('2026-11-22T10:00:00.000Z')
    const { store } = profileStoreIn(dir, { now: fixedNow })
    const acme = await store.create({ name: 'Acme' })
    await writeFile(profileFile(dir, acme.id), 'first damage')
    await profileStoreIn(dir, { now: fixedNow }).store.list()
    await writeFile(profileFile(dir, acme.id), 'second damage')
    await profileStoreIn(dir, { now: fixedNow }).store.list()
    const kept = (await readdir(join(dir, 'profiles'))).filter((name) => name.includes('.damaged-'))
    expect(kept).toHaveLength(2)
    expect((await Promise.all(kept.map((name) => readFile(join(dir, 'profiles', name), 'utf8')))).sort()).toEqual(['first damage', 'second damage'])
  })

  it('sets aside a document whose content fails validation and says where', async () => {
    const dir = await tempDir()
    const { store } = profileStoreIn(dir)
    const acme = await store.create({ name: 'Acme' })
    const document = JSON.parse(await readFile(profileFile(dir, acme.id), 'utf8'))
    await writeFile(profileFile(dir, acme.id), JSON.stringify({ ...document, setup: { ...document.setup, env: 'staging' } }))
    const { problems } = await profileStoreIn(dir).store.list()
    expect(problems[0].message).toMatch(/its content is not valid at "setup\.env"/)
  })

  it('sets aside a document whose id is not the one its file name says (a copied file)', async () => {
    const dir = await tempDir()
    const { store } = profileStoreIn(dir)
    const acme = await store.create({ name: 'Acme' })
    const copyId = '11111111-2222-4333-8444-555555555555'
    await writeFile(profileFile(dir, copyId), await readFile(profileFile(dir, acme.id), 'utf8'))
    const { profiles, problems } = await profileStoreIn(dir).store.list()
    expect(profiles.map((p) => p.id)).toEqual([acme.id])
    expect(problems[0].message).toMatch(new RegExp(`holds the profile ${acme.id}, not ${copyId}`))
  })

  it('treats a file without a schema version, or an implausibly large one, as damaged', async () => {
    const dir = await tempDir()
    const { store } = profileStoreIn(dir)
    const a = await store.create({ name: 'A' })
    const b = await store.create({ name: 'B' })
    await writeFile(profileFile(dir, a.id), JSON.stringify({ name: 'A' }))
    await writeFile(profileFile(dir, b.id), 'x'.repeat(3 * 1024 * 1024))
    const messages = (await profileStoreIn(dir).store.list()).problems.map((p) => p.message).join('\n')
    expect(messages).toMatch(/it has no valid schema version/)
    expect(messages).toMatch(/it is 3 MiB, far larger than a profile can be/)
  })

  it('leaves a profile written by a newer app untouched and read-only', async () => {
    const dir = await tempDir()
    const { store } = profileStoreIn(dir)
    await store.create({ name: 'Acme' })
    const futureId = '99999999-8888-4777-8666-555555555555'
    const future = JSON.stringify({ schemaVersion: PROFILE_SCHEMA_VERSION + 1, id: futureId, name: 'From the future', somethingNew: true })
    await writeFile(profileFile(dir, futureId), future)

    const reopened = profileStoreIn(dir).store
    const { profiles, problems } = await reopened.list()
    expect(profiles.map((p) => p.name)).toEqual(['Acme'])
    expect(problems).toEqual([
      {
        kind: 'newer-version',
        file: `${futureId}.json`,
        keptAs: null,
        message: `The profile “From the future” (${futureId}.json) was saved by a newer version of Dialpad SSO Assistant. Update the app to open it; until then this version leaves it untouched.`,
      },
    ])
    await expect(reopened.saveSetup(futureId, SAMPLE_SETUP)).rejects.toThrow(/newer version/)
    await expect(reopened.delete(futureId)).rejects.toThrow(/newer version/)
    expect(await readFile(profileFile(dir, futureId), 'utf8')).toBe(future)
  })
})

describe('ProfileStore: versions and the upgrade from a single setup', () => {
  const tempDir = useTempDirs()

  it('embeds the current setup schema (a SetupState change must come with a profile migration)', () => {
    expect(EMBEDDED_SETUP_VERSION).toBe(SETUP_SCHEMA_VERSION)
    for (let version = 1; version < PROFILE_SCHEMA_VERSION; version += 1) expect(PROFILE_MIGRATIONS[version]).toBeTypeOf('function')
  })

  it('turns setup.json and the "default" key into the first profile, and keeps setup.json under a new name', async () => {
    const dir = await tempDir()
    const saved = JSON.stringify({ schemaVersion: 3, savedAt: '2026-11-01T08:00:00.000Z', setup: SAMPLE_SETUP })
    await writeFile(join(dir, 'setup.json'), saved)
    const { store, secrets, keytar } = profileStoreIn(dir)
    await secrets.set(LEGACY_KEY_ACCOUNT, KEY)

    const { profiles, problems } = await store.list()
    expect(problems).toEqual([])
    expect(profiles).toHaveLength(1)
    expect(profiles[0]).toMatchObject({ name: 'example.com', domain: 'example.com', env: 'sandbox' })
    expect((await store.get(profiles[0].id)).setup).toEqual(SAMPLE_SETUP)
    expect(await secrets.status(profiles[0].id)).toMatchObject({ stored: true, last4: 'ABCD' })
    expect([...keytar.entries.keys()]).toEqual([`${TEST_KEYCHAIN_SERVICE}\u0000${profiles[0].id}`])
    expect(await readFile(join(dir, MOVED_SETUP_FILE), 'utf8')).toBe(saved)
    expect(await readdir(dir)).not.toContain('setup.json')

    // Later starts find nothing more to upgrade.
    expect((await profileStoreIn(dir, { keytar }).store.list()).profiles).toHaveLength(1)
  })

  it('upgrades a version 1 setup through the setup migrations, named "My setup" without a valid domain', async () => {
    const dir = await tempDir()
    const { idp: _idp, spCopiedToJumpCloud: _copied, scim: _scim, sso: _sso, ...version1 } = SAMPLE_SETUP
    await writeFile(join(dir, 'setup.json'), JSON.stringify({ schemaVersion: 1, savedAt: '2026-11-01T08:00:00.000Z', setup: { ...version1, domainInput: 'not a domain' } }))
    const { store } = profileStoreIn(dir)
    const [summary] = (await store.list()).profiles
    expect(summary.name).toBe('My setup')
    const profile = await store.get(summary.id)
    expect(profile.setup).toEqual({ ...SAMPLE_SETUP, domainInput: 'not a domain', idp: { entityIdInput: '', ssoUrlInput: '', certificate: null, metadata: null }, spCopiedToJumpCloud: null })
  })

  it('finishes an upgrade interrupted before setup.json was renamed without making a second profile', async () => {
    const dir = await tempDir()
    const saved = JSON.stringify({ schemaVersion: 3, savedAt: '2026-11-01T08:00:00.000Z', setup: SAMPLE_SETUP })
    await writeFile(join(dir, 'setup.json'), saved)
    const keytar = profileStoreIn(dir).keytar
    const first = await profileStoreIn(dir, { keytar }).store.list()
    // As if the process had died right after writing the profile: setup.json is back.
    await writeFile(join(dir, 'setup.json'), saved)
    const second = await profileStoreIn(dir, { keytar }).store.list()
    expect(second.profiles.map((p) => p.id)).toEqual(first.profiles.map((p) => p.id))
    expect((await readdir(dir)).filter((name) => name.startsWith('setup.moved-to-profiles'))).toHaveLength(2)
  })

  it('reports a damaged setup.json (set aside by the setup store) and a newer one (left untouched)', async () => {
    const damagedDir = await tempDir()
    await writeFile(join(damagedDir, 'setup.json'), '{ nope')
    const damaged = await profileStoreIn(damagedDir).store.list()
    expect(damaged.profiles).toEqual([])
    expect(damaged.problems).toEqual([expect.objectContaining({ kind: 'set-aside', file: 'setup.json', message: expect.stringMatching(/not valid JSON/) })])

    const newerDir = await tempDir()
    const newer = JSON.stringify({ schemaVersion: 99 })
    await writeFile(join(newerDir, 'setup.json'), newer)
    const result = await profileStoreIn(newerDir).store.list()
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'newer-version', file: 'setup.json' })])
    expect(await readFile(join(newerDir, 'setup.json'), 'utf8')).toBe(newer)
  })

  it('leaves setup.json in place and explains when the upgrade cannot finish, to try again on the next start', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'setup.json'), JSON.stringify({ schemaVersion: 3, savedAt: '2026-11-01T08:00:00.000Z', setup: SAMPLE_SETUP }))
    const { secrets } = profileStoreIn(dir)
    const problems = await upgradeLegacySetup({
      dataDir: dir,
      secrets,
      now: () => new Date(),
      uniqueName: async (base) => base,
      saveNewProfile: async () => {
        throw new UserFacingError('The profile “example.com” could not be saved (ENOSPC).')
      },
    })
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'unreadable', file: 'setup.json', message: expect.stringMatching(/could not be turned into a profile yet: The profile “example\.com” could not be saved \(ENOSPC\)\./) }),
    ])
    expect(await readdir(dir)).toEqual(['setup.json'])
  })

  it('says so when the old API key cannot be moved, and still upgrades the setup', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'setup.json'), JSON.stringify({ schemaVersion: 3, savedAt: '2026-11-01T08:00:00.000Z', setup: SAMPLE_SETUP }))
    const { store, secrets, keytar } = profileStoreIn(dir)
    await secrets.set(LEGACY_KEY_ACCOUNT, KEY)
    keytar.setPassword = async () => {
      throw new Error('Cannot create an item in a locked collection')
    }
    const { profiles, problems } = await store.list()
    expect(profiles).toHaveLength(1)
    expect(problems).toEqual([expect.objectContaining({ kind: 'key-not-moved', message: expect.stringMatching(/store the key again in the “Store the API key” step/) })])
  })
})
