import { execFileSync, spawn } from 'node:child_process'
import { lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/runCli'
import { InputFileError, readRegularFile } from '../../src/core/files/boundedRead'
import { readCaFile } from '../../src/core/net/trust'
import { OpenedFiles } from '../../src/core/profiles/openedFiles'
import type { BatchResult } from './support/cliBatch'

/**
 * Class 4 of the hostile-input issue: only regular files are opened. A FIFO would block open(2) until a writer
 * appears, so every command is given one (and a socket, a device, a folder, links to them) and must refuse it at
 * once. The CLI commands run in a child process: one that blocked would be killed, and the table fails.
 */
/** FIFOs, Unix sockets and /dev exist only on Linux and macOS: on Windows (the release workflow) this file is skipped. */
const POSIX = process.platform !== 'win32'
let dir: string
let socketServer: Server
const path = (name: string) => join(dir, name)
const TRUSTED_CERT = join(__dirname, '../fixtures/real-world/trustlogin.crt')

beforeAll(async () => {
  if (!POSIX) return
  dir = await mkdtemp(join(tmpdir(), 'dpsso-special-'))
  await mkdir(path('data/profiles'), { recursive: true })
  execFileSync('mkfifo', [path('fifo.pem'), path('fifo.dialpad-sso.json'), path('data/profiles/00000000-0000-4000-8000-000000000000.json'), path('data/setup.json')])
  await mkdir(path('folder.xml'))
  await symlink(path('fifo.pem'), path('link-to-fifo.pem'))
  await symlink(path('folder.xml'), path('link-to-folder.dialpad-sso.json'))
  socketServer = createServer()
  await new Promise<void>((resolve) => socketServer.listen(path('socket.pem'), resolve))
  await writeFile(path('ok.txt'), 'x')
  // Where the CLI writes (--out) or keeps profiles (--data-dir): special files must be refused, never replaced.
  execFileSync('mkfifo', [path('out-fifo.html'), path('data-fifo')])
  await symlink('/dev/null', path('link-to-dev-null.html'))
  await writeFile(path('data-file'), 'x')
  await writeFile(path('real-report.html'), 'old')
  await symlink(path('real-report.html'), path('link-to-report.html'))
})

afterAll(async () => {
  if (!POSIX) return
  await new Promise((resolve) => socketServer.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

const FIFO = /is a named pipe \(FIFO\), not a file\. The app reads only ordinary files/
const SOCKET = /is a socket, not a file/
const DEVICE = /is a device, not a file/
const FOLDER = /is a folder, not a file/

interface Case {
  name: string
  argv: () => string[]
  refusal: RegExp
  /** What the refusal goes on to say; by default, how to give the content instead. */
  then?: RegExp
}

const OUT_FIFO = /out-fifo\.html is a named pipe \(FIFO\), not a file\./
const NOT_WRITTEN_INTO = /is written as an ordinary file, never into a device, a pipe or a folder: give the name of a new file/
const NO_PROFILES_THERE = /not a folder, so the profiles cannot be kept there\. Move it away, or on the command line give a folder with --data-dir\./
const BUNDLE = join(__dirname, '../../examples/example.dialpad-sso.json')
const SCIM = ['--base-url', 'https://dialpad.com/scim']

const CASES: Case[] = [
  { name: 'cert <FIFO>', argv: () => ['cert', path('fifo.pem')], refusal: FIFO },
  { name: 'metadata <FIFO>', argv: () => ['metadata', path('fifo.pem')], refusal: FIFO },
  { name: 'bundle validate <FIFO>', argv: () => ['bundle', 'validate', path('fifo.dialpad-sso.json')], refusal: FIFO },
  { name: 'bundle import <FIFO>', argv: () => ['bundle', 'import', path('fifo.dialpad-sso.json'), '--data-dir', path('data')], refusal: FIFO },
  { name: 'report --bundle <FIFO>', argv: () => ['report', '--bundle', path('fifo.dialpad-sso.json'), '--out', path('report.html')], refusal: FIFO },
  { name: 'sso validate --idp-cert <FIFO>', argv: () => ['sso', 'validate', '--response', path('ok.txt'), '--idp-cert', path('fifo.pem'), '--domain', 'example.com'], refusal: FIFO },
  { name: 'sso validate --response <FIFO>', argv: () => ['sso', 'validate', '--response', path('fifo.pem'), '--idp-cert', TRUSTED_CERT, '--domain', 'example.com'], refusal: FIFO },
  { name: 'scim test --ca <FIFO>', argv: () => ['scim', 'test', '--base-url', 'https://dialpad.com/scim', '--ca', path('fifo.pem')], refusal: FIFO },
  { name: 'sso metadata --ca <FIFO>', argv: () => ['sso', 'metadata', '--domain', 'example.com', '--ca', path('fifo.pem')], refusal: FIFO },
  { name: 'cert <symlink to a FIFO>', argv: () => ['cert', path('link-to-fifo.pem')], refusal: FIFO },
  { name: 'cert <unix socket>', argv: () => ['cert', path('socket.pem')], refusal: SOCKET },
  { name: 'cert /dev/zero (endless device)', argv: () => ['cert', '/dev/zero'], refusal: DEVICE },
  { name: 'bundle validate /dev/null', argv: () => ['bundle', 'validate', '/dev/null'], refusal: DEVICE },
  { name: 'metadata <folder>', argv: () => ['metadata', path('folder.xml')], refusal: FOLDER },
  { name: 'bundle validate <symlink to a folder>', argv: () => ['bundle', 'validate', path('link-to-folder.dialpad-sso.json')], refusal: FOLDER },
  { name: 'scim find-user --ca <FIFO>', argv: () => ['scim', 'find-user', ...SCIM, '--email', 'jane@example.com', '--ca', path('fifo.pem')], refusal: FIFO },
  { name: 'scim lifecycle --ca /dev/zero', argv: () => ['scim', 'lifecycle', ...SCIM, '--user-email', 'a@example.com', '--yes', '--ca', '/dev/zero'], refusal: DEVICE },
  { name: 'report --out <FIFO>', argv: () => ['report', '--bundle', BUNDLE, '--out', path('out-fifo.html')], refusal: OUT_FIFO, then: NOT_WRITTEN_INTO },
  { name: 'report --out <symlink to /dev/null>', argv: () => ['report', '--bundle', BUNDLE, '--out', path('link-to-dev-null.html')], refusal: /link-to-dev-null\.html is a device, not a file\./, then: NOT_WRITTEN_INTO },
  { name: 'report --out <folder>', argv: () => ['report', '--bundle', BUNDLE, '--out', path('folder.xml')], refusal: /folder\.xml is a folder, not a file\./, then: NOT_WRITTEN_INTO },
  { name: 'report --out <unix socket>', argv: () => ['report', '--bundle', BUNDLE, '--out', path('socket.pem')], refusal: /socket\.pem is a socket, not a file\./, then: NOT_WRITTEN_INTO },
  { name: 'bundle export --out <FIFO>', argv: () => ['bundle', 'export', '--profile', 'Example Inc.', '--out', path('out-fifo.html'), '--data-dir', path('exporting')], refusal: OUT_FIFO, then: NOT_WRITTEN_INTO },
  { name: 'bundle import --data-dir <FIFO>', argv: () => ['bundle', 'import', BUNDLE, '--data-dir', path('data-fifo')], refusal: /data-fifo is a named pipe \(FIFO\), not a folder/, then: NO_PROFILES_THERE },
  { name: 'bundle import --data-dir <file>', argv: () => ['bundle', 'import', BUNDLE, '--data-dir', path('data-file')], refusal: /data-file is a file, not a folder/, then: NO_PROFILES_THERE },
  { name: 'report --profile --data-dir /dev/null', argv: () => ['report', '--profile', 'x', '--data-dir', '/dev/null', '--out', path('r.html')], refusal: /\/dev\/null is a device, not a folder/, then: NO_PROFILES_THERE },
  { name: 'scim test --profile --data-dir <socket>', argv: () => ['scim', 'test', ...SCIM, '--profile', 'x', '--data-dir', path('socket.pem')], refusal: /socket\.pem is a socket, not a folder/, then: NO_PROFILES_THERE },
]

describe.runIf(POSIX)('the CLI refuses non-regular files at once, without blocking', () => {
  let results: BatchResult[] = []
  let killed = false

  beforeAll(async () => {
    // bundle export needs a profile to export before it writes.
    expect((await runCli(['bundle', 'import', BUNDLE, '--data-dir', path('exporting')], { stdout: () => undefined, stderr: () => undefined, env: {} }))).toBe(0)
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'support/cliBatch.ts'), JSON.stringify(CASES.map((c) => c.argv()))], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk))
    const timer = setTimeout(() => {
      killed = true
      child.kill('SIGKILL')
    }, 30_000)
    await new Promise((resolve) => child.on('close', resolve))
    clearTimeout(timer)
    results = killed ? [] : (JSON.parse(out) as BatchResult[])
  }, 40_000)

  it('no command blocked (the batch finished)', () => {
    expect(killed).toBe(false)
    expect(results).toHaveLength(CASES.length)
  })

  it.each(CASES.map((c, index) => ({ ...c, index })))('$name', ({ index, refusal, then }) => {
    const result = results[index]
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(refusal)
    if (then) expect(result.stderr).toMatch(then)
    else {
      expect(result.stderr).toMatch(/save the content to a file and give that file instead/)
      if (refusal !== FOLDER) expect(result.stderr).toContain('reads standard input when given - as the file name')
    }
    // "At once": no waiting on a pipe or a device.
    expect(result.ms).toBeLessThan(2000)
  })

  it('left every special file it was given as it was (a rename would have replaced it)', async () => {
    expect((await lstat(path('out-fifo.html'))).isFIFO()).toBe(true)
    expect((await lstat(path('link-to-dev-null.html'))).isSymbolicLink()).toBe(true)
    expect((await lstat(path('socket.pem'))).isSocket()).toBe(true)
    expect((await lstat(path('data-fifo'))).isFIFO()).toBe(true)
  })
})

describe.runIf(POSIX)('--out naming a link to an ordinary file', () => {
  it('replaces the file it points to and keeps the link', async () => {
    const ran = await runCli(['report', '--bundle', BUNDLE, '--out', path('link-to-report.html')], { stdout: () => undefined, stderr: () => undefined, env: {} })
    expect(ran).toBe(0)
    expect((await lstat(path('link-to-report.html'))).isSymbolicLink()).toBe(true)
    expect(await readFile(path('real-report.html'), 'utf8')).toContain('<!doctype html>')
  })
})

describe.runIf(POSIX)('a data folder (--data-dir) holding FIFOs where profiles and the old setup file go', () => {
  it('lists the profiles without waiting on them, and says what is wrong', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'support/cliBatch.ts'), JSON.stringify([['bundle', 'export', '--profile', 'Acme', '--out', path('acme.json'), '--data-dir', path('data')]])],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    const code = await new Promise((resolve) => child.on('close', resolve))
    clearTimeout(timer)
    expect(code).toBe(0)
    const [result] = JSON.parse(out) as BatchResult[]
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/There is no profile named “Acme”/)
  }, 40_000)
})

describe.runIf(POSIX)('main and core refuse non-regular files too', () => {
  it('an "Open with" FIFO named like a bundle is refused, not waited on', async () => {
    const opened = new OpenedFiles()
    opened.add([path('fifo.dialpad-sso.json')])
    await expect(opened.take()).rejects.toThrow(FIFO)
  })

  it('a corporate CA "file" that is a socket is refused', async () => {
    await expect(readCaFile(path('socket.pem'))).rejects.toThrow(SOCKET)
  })

  it('the reader names the problem for callers', async () => {
    const error = await readRegularFile(path('fifo.pem'), { maxBytes: 10, what: 'a test file' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputFileError)
    expect((error as InputFileError).problem).toBe('not-a-file')
  })
})
