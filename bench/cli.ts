/**
 * How fast the installed command starts: the wall time of `dialpad-sso sp --domain example.com` (the bin, with plain
 * node, as a user runs it) against `node -e 0` on the same machine, runs interleaved so both see the same load.
 * Builds the CLI first, so it measures the current sources. Target: median ratio <= 2.0.
 *
 *   npm run bench:cli -- [--runs 15]
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { median } from './median'

const TARGET_RATIO = 2.0
const ROOT = join(__dirname, '..')
const BIN = join(ROOT, 'bin/dialpad-sso.cjs')

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } })
const runs = Number(values.runs)
if (!Number.isInteger(runs) || runs < 3) throw new Error('--runs needs a whole number of at least 3')

function wallMs(args: string[]): number {
  const started = performance.now()
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' })
  const elapsed = performance.now() - started
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`)
  return elapsed
}

wallMs([join(ROOT, 'scripts/build-cli.mjs')])
const sp = [BIN, 'sp', '--domain', 'example.com']
const baseline = ['-e', '0']
// One warm-up each: the first run pays for cold file caches, which is not what a user sees on the second command.
wallMs(sp)
wallMs(baseline)

const spTimes: number[] = []
const nodeTimes: number[] = []
for (let i = 0; i < runs; i++) {
  nodeTimes.push(wallMs(baseline))
  spTimes.push(wallMs(sp))
}

const ratio = median(spTimes) / median(nodeTimes)
const format = (times: number[]) => `median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`
console.log(`Node ${process.versions.node}, ${runs} runs each, interleaved`)
console.log(`node -e 0                        ${format(nodeTimes)}`)
console.log(`dialpad-sso sp --domain ...      ${format(spTimes)}`)
console.log(`ratio ${ratio.toFixed(2)} (target <= ${TARGET_RATIO.toFixed(1)}): ${ratio <= TARGET_RATIO ? 'within target' : 'OVER TARGET'}`)
