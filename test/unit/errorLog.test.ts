import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { consoleErrorLog, createFileErrorLog } from '../../src/core/log/errorLog'
import { REDACTED, rememberSecret } from '../../src/core/secrets/redact'
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

  it('never writes a remembered API key to the file, in any of its encodings', async () => {
    const key = 'dpk_live_LogLeak+Key/42'
    rememberSecret(key)
    const dir = await tempDir()
    const log = createFileErrorLog(dir)
    log.write(`request failed: Authorization: Bearer ${key}`)
    log.write(`url https://example.com/?k=${encodeURIComponent(key)} json ${JSON.stringify({ key })}`)
    log.write(`basic ${Buffer.from(key).toString('base64')}`)
    await log.flushed()
    const text = await readFile(join(dir, 'main.log'), 'utf8')
    expect(text).not.toContain('LogLeak')
    expect(text).not.toContain(Buffer.from(key).toString('base64').slice(0, 12))
    expect(text.split(REDACTED)).toHaveLength(5)
  })

  it('redacts remembered keys on the console log too', () => {
    const key = 'dpk_live_ConsoleLeak99'
    rememberSecret(key)
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      consoleErrorLog.write(`oops ${key}`)
      expect(spy).toHaveBeenCalledWith(`oops ${REDACTED}`)
    } finally {
      spy.mockRestore()
    }
  })
})
