/**
 * What hostile input costs the CLI: peak memory of the real CLI process (as the process itself reports it) when
 * 300 MB are piped into each command that reads standard input, the time to refuse a 300 MB file and a FIFO, and how
 * fast redaction runs over a large text.
 *
 *   npm run bench:hostile-input -- [--mb 300]
 */
import { execFileSync } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { redactSecrets } from '../src/core/secrets/redact'
import { runCliProcess } from '../test/support/cliProcess'

const { values } = parseArgs({ options: { mb: { type: 'string', default: '300' } } })
const bytes = Number(values.mb) * 1024 * 1024
const mib = (value: number | null) => (value === null ? 'n/a' : `${(value / (1024 * 1024)).toFixed(1)} MiB`)
const ms = (value: number) => `${Math.round(value)} ms`

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dpsso-bench-hostile-'))
  try {
    const certificate = join(__dirname, '../test/fixtures/real-world/trustlogin.crt')
    console.log(`${values.mb} MB piped into standard input (the CLI reads up to its limit, then closes the pipe):`)
    for (const args of [['cert', '-'], ['metadata', '-'], ['bundle', 'validate', '-'], ['sso', 'validate', '--response', '-', '--idp-cert', certificate, '--domain', 'example.com']]) {
      const run = await runCliProcess(args, { stdin: { zeros: bytes }, timeoutMs: 120_000 })
      console.log(`  ${args.slice(0, 2).join(' ').padEnd(18)} exit ${run.code}, peak ${mib(run.peakBytes)}, ${ms(run.ms)}, ${mib(run.written)} written before the CLI closed its end`)
    }
    const baseline = await runCliProcess(['sp', '--domain', 'example.com'])
    console.log(`  (for comparison, \`sp\` with no input at all: peak ${mib(baseline.peakBytes)}, ${ms(baseline.ms)})`)

    const big = join(dir, 'big.pem')
    await writeFile(big, '')
    await truncate(big, bytes)
    const fd = openSync(big, 'r')
    const redirected = await runCliProcess(['cert', '-'], { stdin: { fd } })
    closeSync(fd)
    console.log(`Standard input redirected from a ${values.mb} MB file: exit ${redirected.code}, peak ${mib(redirected.peakBytes)}, ${ms(redirected.ms)}`)
    const named = await runCliProcess(['bundle', 'validate', big])
    console.log(`A ${values.mb} MB file named on the command line: exit ${named.code}, peak ${mib(named.peakBytes)}, ${ms(named.ms)}`)

    const fifo = join(dir, 'fifo.pem')
    execFileSync('mkfifo', [fifo])
    const refused = await runCliProcess(['cert', fifo], { timeoutMs: 30_000 })
    console.log(`A FIFO given as the certificate: exit ${refused.code}, ${refused.timedOut ? 'HUNG (killed)' : ms(refused.ms)} including process start-up`)

    const key = 'dpk_Bench+9fQ2/xZ7wLmN4pR8sT1vB6yC3hJ5kE0aG=q'
    const text = `${'The quick brown fox jumps over the lazy dog. '.repeat(23_000)}Bearer ${key}`
    const started = performance.now()
    const rounds = 5
    for (let i = 0; i < rounds; i++) redactSecrets(text, [key])
    const perRound = (performance.now() - started) / rounds
    console.log(`Redaction of ${mib(text.length)} of text (every encoding and 8-character piece): ${ms(perRound)} (${(text.length / (1024 * 1024) / (perRound / 1000)).toFixed(1)} MiB/s)`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

void main()
