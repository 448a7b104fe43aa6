import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** Checks left out because they need the network (this one downloads Electron's release list). */
export const OFFLINE_EXCLUDED_CHECKS: readonly string[] = ['AvailableSecurityFixesGlobalCheck']

const WORKER_PATH = fileURLToPath(new URL('./electronegativityWorker.mjs', import.meta.url))
const DEFAULT_TIMEOUT_MS = 120_000

/** The scanner could not run, crashed, or left output the gate cannot trust. The gate must fail. */
export class ScannerError extends Error {
  override name = 'ScannerError'
}

export interface ScannerMessage {
  file: string
  message: string
  /** false: the file could not be parsed at all, so none of its code was scanned. */
  tolerable: boolean
}

export interface RawScan {
  /** Electronegativity's own CSV report, verbatim. */
  csv: string
  /** How many issues the scanner says it wrote to the CSV (cross-checked by the gate). */
  issueCount: number
  atomicChecks: number
  globalChecks: number
  errors: ScannerMessage[]
  scannerVersion: string
  electronVersion: string
  durationMs: number
}

export interface ScanOptions {
  targetDir: string
  /** Defaults to the version of the `electron` package installed next to this script. */
  electronVersion?: string
  excludeChecks?: readonly string[]
  timeoutMs?: number
}

const WorkerMeta = z.object({
  atomicChecks: z.number().int(),
  globalChecks: z.number().int(),
  issueCount: z.number().int().nonnegative(),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
})

/** Version of the installed @doyensec/electronegativity, for the report. */
export function scannerVersion(): string {
  const require = createRequire(import.meta.url)
  try {
    return String((require('@doyensec/electronegativity/package.json') as { version?: unknown }).version)
  } catch {
    return 'unknown'
  }
}

/** The Electron version the app is built with; the scanner's defaults for unset webPreferences depend on it. */
export function installedElectronVersion(): string {
  const require = createRequire(import.meta.url)
  let version: unknown
  try {
    version = (require('electron/package.json') as { version?: unknown }).version
  } catch (error) {
    throw new ScannerError(`cannot read the installed Electron version (node_modules/electron/package.json): ${String(error)}`)
  }
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version)) {
    throw new ScannerError(`node_modules/electron/package.json has no usable version (${String(version)})`)
  }
  return version
}

/** Runs Electronegativity over targetDir in a child process and returns its CSV report, unparsed. */
export async function runElectronegativity(options: ScanOptions): Promise<RawScan> {
  const targetDir = resolve(options.targetDir)
  const targetStat = await stat(targetDir).catch(() => null)
  if (!targetStat?.isDirectory()) throw new ScannerError(`scan target ${targetDir} is not a directory`)

  const electronVersion = options.electronVersion ?? installedElectronVersion()
  const workDir = await mkdtemp(join(tmpdir(), 'electronegativity-'))
  const csvPath = join(workDir, 'report.csv')
  const metaPath = join(workDir, 'meta.json')
  const started = performance.now()
  try {
    const request = {
      input: targetDir,
      csvPath,
      metaPath,
      electronVersion,
      excludeChecks: [...(options.excludeChecks ?? OFFLINE_EXCLUDED_CHECKS)],
    }
    await runWorker(JSON.stringify(request), options.timeoutMs ?? DEFAULT_TIMEOUT_MS)

    const csv = await readFile(csvPath, 'utf8').catch(() => {
      throw new ScannerError('Electronegativity exited without writing its CSV report')
    })
    const metaText = await readFile(metaPath, 'utf8').catch(() => {
      throw new ScannerError('Electronegativity exited without finishing its scan (no summary written)')
    })
    let meta: z.infer<typeof WorkerMeta>
    try {
      meta = WorkerMeta.parse(JSON.parse(metaText))
    } catch (error) {
      throw new ScannerError(`unreadable scan summary from the Electronegativity worker: ${String(error)}`)
    }
    if (meta.atomicChecks <= 0) throw new ScannerError('Electronegativity loaded no checks')
    return { csv, ...meta, scannerVersion: scannerVersion(), electronVersion, durationMs: performance.now() - started }
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

function runWorker(requestJson: string, timeoutMs: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [WORKER_PATH, requestJson], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // One libuv thread: the scanner's header and rows writes then land in order (see the worker).
        UV_THREADPOOL_SIZE: '1',
        // Bundled English texts, no colour codes in messages.
        LANG: 'en-US',
        FORCE_COLOR: '0',
        NODE_OPTIONS: '',
      },
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    })
    let output = ''
    const collect = (chunk: Buffer) => {
      if (output.length < 20_000) output += chunk.toString('utf8')
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('error', (error) => reject(new ScannerError(`could not start Electronegativity: ${error.message}`)))
    child.on('close', (code, signal) => {
      if (code === 0) return resolvePromise()
      const why = signal ? `was killed by ${signal}${signal === 'SIGKILL' ? ` (time limit ${timeoutMs} ms)` : ''}` : `exited with code ${code}`
      reject(new ScannerError(`Electronegativity ${why}:\n${output.trim() || '(no output)'}`))
    })
  })
}
