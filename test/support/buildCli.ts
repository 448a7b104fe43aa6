import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

/**
 * vitest globalSetup: compiles the CLI (out/cli) once before any test file runs, so the tests that run the
 * dialpad-sso bin run the current sources, and never while another test file is rebuilding it.
 */
export default function buildCli(): void {
  execFileSync(process.execPath, [join(__dirname, '../../scripts/build-cli.mjs')], { stdio: 'inherit' })
}
