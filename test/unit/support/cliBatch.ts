/**
 * Runs several CLI command lines in one process (in-process runCli, as the bin does) and prints their results as JSON
 * on stdout. Started by tests as a child (node --import tsx), so a command that blocks (a FIFO opened for reading)
 * shows as a killed child instead of a stuck test worker.
 *   node --import tsx test/unit/support/cliBatch.ts '[["cert","/tmp/fifo"], …]'
 */
import { performance } from 'node:perf_hooks'
import { runCli } from '../../../src/cli/runCli'

export interface BatchResult {
  argv: string[]
  code: number
  stdout: string
  stderr: string
  ms: number
}

async function main(): Promise<void> {
  const commands = JSON.parse(process.argv[2] ?? '[]') as string[][]
  const results: BatchResult[] = []
  for (const argv of commands) {
    let stdout = ''
    let stderr = ''
    const started = performance.now()
    const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {} })
    results.push({ argv, code, stdout, stderr, ms: performance.now() - started })
  }
  process.stdout.write(JSON.stringify(results))
}

void main()
