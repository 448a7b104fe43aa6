import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileErrorLog } from '../../src/core/log/errorLog'
import { useTempDirs } from '../support/tempDir'

describe('createFileErrorLog', () => {
  const tempDir = useTempDirs()

  it('appends timestamped entries in order and names its file', async () => {
    const dir = join(await tempDir(), 'logs')
    const log = createFileErrorLog(dir, () => new Date('2026-11-22T10:00:00.000Z'))
    log.write('first')
    log.write('second')
    await log.flushed()
    expect(log.location).toBe(join(dir, 'main.log'))
    expect(await readFile(join(dir, 'main.log'), 'utf8')).toBe('2026-11-22T10:00:00.000Z first\n2026-11-22T10:00:00.000Z second\n')
  })

  it('keeps one previous file once the log passes 1 MiB', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'main.log'), 'x'.repeat(1024 * 1024 + 1))
    const log = createFileErrorLog(dir)
    log.write('after rotation')
    await log.flushed()
    expect((await readdir(dir)).sort()).toEqual(['main.1.log', 'main.log'])
    expect(await readFile(join(dir, 'main.log'), 'utf8')).toMatch(/after rotation\n$/)
  })

  it('never throws when the log cannot be written', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'main.log'))
    const log = createFileErrorLog(dir)
    expect(() => log.write('lost')).not.toThrow()
    await expect(log.flushed()).resolves.toBeUndefined()
  })
})
