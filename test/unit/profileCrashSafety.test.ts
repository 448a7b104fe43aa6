import { spawn } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { profileStoreIn } from '../support/profileStores'
import { useTempDirs } from '../support/tempDir'

const KILLS = 30

describe('profile writes killed mid-write', () => {
  const tempDir = useTempDirs()

  it('leave every profile loadable, old or new content, never corrupt, and no temp files after the next start', async () => {
    const dir = await tempDir()
    const { store } = profileStoreIn(dir)
    const names = ['Acme', 'Globex', 'Initech']
    const ids: string[] = []
    for (const name of names) ids.push((await store.create({ name })).id)
    let killedWithATempFile = 0

    for (let kill = 0; kill < KILLS; kill += 1) {
      const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../support/profileWriteLoop.ts'), dir, ids.join(',')], {
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
      await sleep(5 + Math.floor(Math.random() * 80))
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
      if ((await readdir(join(dir, 'profiles'))).some((name) => name.endsWith('.tmp'))) killedWithATempFile += 1

      const next = profileStoreIn(dir).store
      const { profiles, problems } = await next.loadAll()
      expect(problems).toEqual([])
      expect(profiles.map((p) => p.name).sort()).toEqual(names)
      for (const profile of profiles) expect(profile.setup.domainInput).toMatch(/^$|^example\d+\.com$/)
      expect((await readdir(join(dir, 'profiles'))).sort()).toEqual(ids.map((id) => `${id}.json`).sort())
    }
    // The kills did land in the middle of writes (a temp file was still there), not only between them.
    expect(killedWithATempFile).toBeGreaterThan(0)
  }, 120_000)
})
