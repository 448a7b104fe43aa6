import { spawn } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../src/core/storage/atomicWrite'
import { SetupStore } from '../../src/core/setup/setupStore'
import { useTempDirs } from '../support/tempDir'

const KILLS = 12

describe('writeFileAtomic', () => {
  const tempDir = useTempDirs()

  it('replaces the content in one step and cleans up its temp file', async () => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    await writeFile(file, 'old')
    await writeFileAtomic(file, 'new')
    expect(await readFile(file, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['doc.json'])
  })

  it('leaves a loadable setup after the writer is killed mid-write, every time', async () => {
    const dir = await tempDir()
    for (let kill = 0; kill < KILLS; kill += 1) {
      const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../support/writeLoop.ts'), dir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
      await sleep(20 + ((kill * 37) % 60))
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))

      const result = await new SetupStore(dir).load()
      expect(result.notice).toBeNull()
      expect(result.state?.domainInput).toMatch(/^example\d+\.com$/)
      expect(await readdir(dir)).toEqual(['setup.json'])
    }
  }, 60_000)
})
