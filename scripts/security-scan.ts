/**
 * Electron security gate (`npm run security`): scans a folder with Doyensec Electronegativity, offline,
 * and fails on any HIGH/MEDIUM finding that security/electronegativity-allowlist.json does not cover
 * with a reviewed reason, on stale allowlist entries, and on anything that keeps the scan from being trusted.
 *
 *   tsx scripts/security-scan.ts [targetDir] [allowlistPath]
 *
 * Exit codes: 0 passed, 1 gate failed, 2 the gate could not run (scanner crash, unreadable report, invalid allowlist).
 * The logic lives in scripts/security/ so tests can drive it directly.
 */
import { parseArgs } from 'node:util'
import { DEFAULT_ALLOWLIST_PATH, DEFAULT_TARGET_DIR, formatReport, runSecurityGate } from './security/gate'

const USAGE = `usage: tsx scripts/security-scan.ts [targetDir=${DEFAULT_TARGET_DIR}] [allowlistPath=${DEFAULT_ALLOWLIST_PATH}]`

async function main(argv: string[]): Promise<number> {
  let positionals: string[]
  try {
    const parsed = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } })
    if (parsed.values.help) {
      console.log(USAGE)
      return 0
    }
    positionals = parsed.positionals
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  if (positionals.length > 2) {
    console.error(USAGE)
    return 2
  }
  const [targetDir = DEFAULT_TARGET_DIR, allowlistPath = DEFAULT_ALLOWLIST_PATH] = positionals

  try {
    const report = await runSecurityGate({ targetDir, allowlistPath })
    console.log(formatReport(report))
    return report.passed ? 0 : 1
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) }
    console.error(`${name}: ${message}`)
    console.error('security scan: the gate could not run - FAILED')
    return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 2
  },
)
