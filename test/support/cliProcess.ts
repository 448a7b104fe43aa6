import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Readable } from 'node:stream'

/** The CLI as users run it (bin/dialpad-sso.cjs), in its own process. */
export const CLI_BIN = join(__dirname, '../../bin/dialpad-sso.cjs')
const PEAK_MEMORY_PRELOAD = join(__dirname, 'peakMemory.mjs')

export type ChildStdin =
  /** Bytes piped in. */
  | { bytes: Buffer }
  /** This many zero bytes piped in, 1 MiB at a time, never held whole by the test; writing stops when the CLI closes its end. */
  | { zeros: number }
  /** An open file descriptor (a file, /dev/zero) given as standard input, as a shell's `< file` does. */
  | { fd: number }

export interface ChildRun {
  code: number | null
  stdout: string
  stderr: string
  /** The CLI process's own peak resident memory, reported by the process itself at exit. */
  peakBytes: number | null
  ms: number
  /** The CLI had to be killed: it hung. */
  timedOut: boolean
  /** Bytes the CLI took from a { zeros } standard input before closing it. */
  written: number
}

/** Runs the real CLI with `args`, measuring its peak memory; kills it after `timeoutMs` (a hang). */
export async function runCliProcess(args: string[], options: { stdin?: ChildStdin; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<ChildRun> {
  const dir = await mkdtemp(join(tmpdir(), 'dpsso-cli-run-'))
  const peakFile = join(dir, 'peak')
  const stdin = options.stdin
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', PEAK_MEMORY_PRELOAD, CLI_BIN, ...args], {
    env: { ...process.env, ...options.env, PEAK_MEMORY_FILE: peakFile },
    stdio: [stdin && 'fd' in stdin ? stdin.fd : 'pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  let written = 0
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  if (child.stdin) {
    child.stdin.on('error', () => undefined) // EPIPE once the CLI stops reading: expected.
    if (stdin && 'bytes' in stdin) child.stdin.end(stdin.bytes)
    else if (stdin && 'zeros' in stdin) {
      const chunk = Buffer.alloc(1024 * 1024)
      const total = stdin.zeros
      Readable.from(
        (function* () {
          for (let sent = 0; sent < total; sent += chunk.length) {
            written += Math.min(chunk.length, total - sent)
            yield chunk.subarray(0, Math.min(chunk.length, total - sent))
          }
        })(),
      )
        .on('error', () => undefined)
        .pipe(child.stdin)
    } else child.stdin.end()
  }
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, options.timeoutMs ?? 30_000)
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearTimeout(timer)
  const ms = performance.now() - started
  const peak = await readFile(peakFile, 'utf8').then(Number, () => null)
  await rm(dir, { recursive: true, force: true })
  return { code, stdout, stderr, peakBytes: peak, ms, timedOut, written }
}
