import { readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SetupStore } from '../../src/core/setup/setupStore'
import { SAMPLE_SETUP } from '../support/sampleSetup'
import { useTempDirs } from '../support/tempDir'

const FIXED_NOW = new Date('2026-11-22T10:00:00.000Z')

describe('SetupStore', () => {
  const tempDir = useTempDirs()

  it('starts empty when nothing was saved', async () => {
    const store = new SetupStore(await tempDir())
    expect(await store.load()).toEqual({ state: null, notice: null })
  })

  it('restores exactly what was saved, as a versioned document readable only by the user', async () => {
    const dir = await tempDir()
    await new SetupStore(dir, () => FIXED_NOW).save(SAMPLE_SETUP)
    expect(await new SetupStore(dir).load()).toEqual({ state: SAMPLE_SETUP, notice: null })

    const document = JSON.parse(await readFile(join(dir, 'setup.json'), 'utf8'))
    expect(document).toEqual({ schemaVersion: 4, savedAt: FIXED_NOW.toISOString(), setup: SAMPLE_SETUP })
    if (process.platform !== 'win32') expect((await stat(join(dir, 'setup.json'))).mode & 0o777).toBe(0o600)
  })

  it('upgrades a version 1 setup (before the IdP values existed) and keeps everything it had', async () => {
    const dir = await tempDir()
    const { idp: _idp, spCopiedToJumpCloud: _copied, scim: _scim, sso: _sso, provenance: _provenance, ...version1Setup } = SAMPLE_SETUP
    await writeFile(join(dir, 'setup.json'), JSON.stringify({ schemaVersion: 1, savedAt: FIXED_NOW.toISOString(), setup: version1Setup }))
    const result = await new SetupStore(dir).load()
    expect(result).toEqual({
      state: { ...version1Setup, idp: { entityIdInput: '', ssoUrlInput: '', certificate: null, metadata: null }, spCopiedToJumpCloud: null, scim: SAMPLE_SETUP.scim, sso: SAMPLE_SETUP.sso, provenance: { ticks: {}, checks: {} } },
      notice: null,
    })
  })

  it('upgrades a version 2 setup (before the live SSO checks) and keeps its SCIM results', async () => {
    const dir = await tempDir()
    const { sso: _sso, provenance: _provenance, ...version2Setup } = SAMPLE_SETUP
    await writeFile(join(dir, 'setup.json'), JSON.stringify({ schemaVersion: 2, savedAt: FIXED_NOW.toISOString(), setup: version2Setup }))
    expect(await new SetupStore(dir).load()).toEqual({
      state: { ...version2Setup, sso: { lastServicesCheck: null, lastLoginCheck: null }, provenance: { ticks: {}, checks: {} } },
      notice: null,
    })
  })

  it('upgrades a version 3 setup (before provenance): nothing recorded, so nothing is trusted that depends on a value', async () => {
    const dir = await tempDir()
    const { provenance: _provenance, ...version3Setup } = SAMPLE_SETUP
    await writeFile(join(dir, 'setup.json'), JSON.stringify({ schemaVersion: 3, savedAt: FIXED_NOW.toISOString(), setup: version3Setup }))
    expect(await new SetupStore(dir).load()).toEqual({ state: { ...version3Setup, provenance: { ticks: {}, checks: {} } }, notice: null })
  })

  it('creates the data folder on first save', async () => {
    const dir = join(await tempDir(), 'nested', 'data')
    await new SetupStore(dir).save(SAMPLE_SETUP)
    expect((await new SetupStore(dir).load()).state).toEqual(SAMPLE_SETUP)
  })

  it('keeps the last of many overlapping saves and leaves no temp files', async () => {
    const dir = await tempDir()
    const store = new SetupStore(dir)
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => store.save({ ...SAMPLE_SETUP, domainInput: `example${i}.com` })),
    )
    expect((await store.load()).state?.domainInput).toBe('example24.com')
    expect(await readdir(dir)).toEqual(['setup.json'])
  })

  it('sets a file that is not JSON aside, keeps its bytes and explains', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'setup.json'), '{"schemaVersion": 1, "setup": {')
    const result = await new SetupStore(dir, () => FIXED_NOW).load()
    expect(result.state).toBeNull()
    expect(result.notice).toContain('it is not valid JSON')
    expect(result.notice).toContain('setup.damaged-2026-11-22T10-00-00-000Z.json')
    expect(await readFile(join(dir, 'setup.damaged-2026-11-22T10-00-00-000Z.json'), 'utf8')).toBe(
      '{"schemaVersion": 1, "setup": {',
    )
    expect(await readdir(dir)).not.toContain('setup.json')
  })

  it('sets aside a document whose content fails validation and says where', async () => {
    const dir = await tempDir()
    const bad = { schemaVersion: 3, savedAt: FIXED_NOW.toISOString(), setup: { ...SAMPLE_SETUP, env: 'staging' } }
    await writeFile(join(dir, 'setup.json'), JSON.stringify(bad))
    const result = await new SetupStore(dir, () => FIXED_NOW).load()
    expect(result.state).toBeNull()
    expect(result.notice).toMatch(/not valid at "setup\.env"/)
  })

  it('never touches or overwrites a file written by a newer version of the app', async () => {
    const dir = await tempDir()
    const newer = JSON.stringify({ schemaVersion: 99, whatever: true })
    await writeFile(join(dir, 'setup.json'), newer)
    const store = new SetupStore(dir, () => FIXED_NOW)
    const result = await store.load()
    expect(result.state).toBeNull()
    expect(result.notice).toMatch(/newer version of Dialpad SSO Assistant\. Update the app to continue it/)
    await expect(store.save(SAMPLE_SETUP)).rejects.toThrow(/Not saved: .* Update the app/)
    expect(await readdir(dir)).toEqual(['setup.json'])
    expect(await readFile(join(dir, 'setup.json'), 'utf8')).toBe(newer)
  })

  it('sets aside a document without a schema version', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'setup.json'), JSON.stringify({ setup: SAMPLE_SETUP }))
    const result = await new SetupStore(dir, () => FIXED_NOW).load()
    expect(result.notice).toMatch(/because it has no valid schema version/)
  })

  it('treats an implausibly large file as damaged without reading it into the app', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'setup.json'), 'x'.repeat(2 * 1024 * 1024))
    const result = await new SetupStore(dir).load()
    expect(result.state).toBeNull()
    expect(result.notice).toMatch(/it is 2 MiB, far larger than a setup can be/)
  })

  it('explains a failed save with the folder to check', async () => {
    const dir = await tempDir()
    const file = join(dir, 'not-a-folder')
    await writeFile(file, '')
    await expect(new SetupStore(file).save(SAMPLE_SETUP)).rejects.toThrow(/Your progress could not be saved \(E\w+\)/)
  })
})
