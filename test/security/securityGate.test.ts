import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatReport, type GateReport, runSecurityGate, summaryLine } from '../../scripts/security/gate'
import { ScannerError } from '../../scripts/security/runElectronegativity'
import { useTempDirs } from '../support/tempDir'

// These tests run the real Electronegativity scanner (about 1 s per scan).
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const FIXTURE = 'test/fixtures/insecure-app'
const MAIN_JS = `${FIXTURE}/main.js`
const SCAN_TIMEOUT = 60_000

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

describe('security gate on the deliberately insecure fixture app', () => {
  const tempDir = useTempDirs()
  let report: GateReport

  beforeAll(async () => {
    const dir = await tempDir()
    const allowlistPath = join(dir, 'empty-allowlist.json')
    await writeFile(allowlistPath, JSON.stringify({ entries: [] }))
    report = await runSecurityGate({ rootDir: ROOT, targetDir: FIXTURE, allowlistPath })
  }, SCAN_TIMEOUT)

  it('fails, listing the insecure webPreferences, the missing CSP and the unchecked openExternal', () => {
    expect(report.passed).toBe(false)
    const blocking = report.blocking.map((finding) => `${finding.severity} ${finding.check} ${finding.file}:${finding.line}`)
    expect(blocking).toEqual(
      expect.arrayContaining([
        `HIGH CONTEXT_ISOLATION_JS_CHECK ${MAIN_JS}:12`,
        `MEDIUM SANDBOX_JS_CHECK ${MAIN_JS}:13`,
        `MEDIUM WEB_SECURITY_JS_CHECK ${MAIN_JS}:14`,
        `MEDIUM INSECURE_CONTENT_JS_CHECK ${MAIN_JS}:15`,
        `MEDIUM HTTP_RESOURCES_JS_CHECK ${MAIN_JS}:22`,
        `MEDIUM OPEN_EXTERNAL_JS_CHECK ${MAIN_JS}:26`,
        `MEDIUM CERTIFICATE_ERROR_EVENT_JS_CHECK ${MAIN_JS}:30`,
        `HIGH NODE_INTEGRATION_HTML_CHECK ${FIXTURE}/index.html:10`,
        'MEDIUM CSP_GLOBAL_CHECK N/A:0',
        'HIGH LIMIT_NAVIGATION_GLOBAL_CHECK N/A:0',
        'MEDIUM PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK N/A:0',
      ]),
    )
    expect(report.countsBySeverity.HIGH).toBeGreaterThanOrEqual(4)
    expect(report.filesScanned).toBe(3)
    expect(report.unparsedFiles).toEqual([])
  })

  it('prints each blocking finding with check id, severity, file:line and description, and a failing summary', () => {
    const text = formatReport(report)
    expect(text).toContain(`HIGH   CONTEXT_ISOLATION_JS_CHECK  ${MAIN_JS}:12`)
    expect(text).toContain('Review the use of the contextIsolation option')
    expect(text).toContain('> webSecurity: false,')
    expect(text).toContain('No CSP has been detected in the target application')
    const lastLine = text.trimEnd().split('\n').at(-1)
    expect(lastLine).toBe(summaryLine(report))
    expect(lastLine).toMatch(new RegExp(`^security scan: ${report.blocking.length} unallowlisted HIGH/MEDIUM findings \\(0 allowlisted, \\d+ LOW/INFO\\) - FAILED$`))
  })

  it('passes once every HIGH/MEDIUM finding is covered by a reviewed entry', async () => {
    const dir = await tempDir()
    const allowlistPath = join(dir, 'allowlist.json')
    const entries = [...new Map(report.blocking.map((f) => [`${f.check} ${f.file}`, { check: f.check, file: f.file }])).values()].map(
      (entry) => ({ ...entry, reason: 'Fixture only: stands for a reviewed, mitigated finding.' }),
    )
    await writeFile(allowlistPath, JSON.stringify({ entries }))
    const allowed = await runSecurityGate({ rootDir: ROOT, targetDir: FIXTURE, allowlistPath })
    expect(allowed.passed).toBe(true)
    expect(allowed.blocking).toEqual([])
    expect(allowed.allowlisted).toHaveLength(report.blocking.length)
    expect(summaryLine(allowed)).toBe(
      `security scan: 0 unallowlisted HIGH/MEDIUM findings (${report.blocking.length} allowlisted, ${report.minor.length} LOW/INFO)`,
    )
  }, SCAN_TIMEOUT)

  it('an allowlisted finding stops blocking, the others still fail, and a stale entry fails too', async () => {
    const dir = await tempDir()
    const allowlistPath = join(dir, 'allowlist.json')
    await writeFile(
      allowlistPath,
      JSON.stringify({
        entries: [
          { check: 'OPEN_EXTERNAL_JS_CHECK', file: MAIN_JS, snippet: 'shell.openExternal(url)', reason: 'Fixture: pretend the URL is validated.' },
          { check: 'DANGEROUS_FUNCTIONS_JS_CHECK', file: MAIN_JS, reason: 'Fixture: matches nothing, so it is stale.' },
        ],
      }),
    )
    const partial = await runSecurityGate({ rootDir: ROOT, targetDir: FIXTURE, allowlistPath })
    expect(partial.allowlisted.map(({ finding }) => `${finding.check} ${finding.file}:${finding.line}`)).toEqual([
      `OPEN_EXTERNAL_JS_CHECK ${MAIN_JS}:26`,
    ])
    expect(partial.blocking).toHaveLength(report.blocking.length - 1)
    expect(partial.stale.map((entry) => entry.check)).toEqual(['DANGEROUS_FUNCTIONS_JS_CHECK'])
    expect(partial.passed).toBe(false)
    expect(summaryLine(partial)).toMatch(/\(1 allowlisted, \d+ LOW\/INFO\), 1 stale allowlist entry - FAILED$/)
  }, SCAN_TIMEOUT)

  it('npm run security exits 1 on the fixture and prints the summary', async () => {
    const dir = await tempDir()
    const allowlistPath = join(dir, 'allowlist.json')
    await writeFile(allowlistPath, JSON.stringify({ entries: [] }))
    const { code, output } = await run(process.execPath, ['--import', 'tsx', 'scripts/security-scan.ts', FIXTURE, allowlistPath])
    expect(output).toContain(`CONTEXT_ISOLATION_JS_CHECK  ${MAIN_JS}:12`)
    expect(output).toMatch(/security scan: \d+ unallowlisted HIGH\/MEDIUM findings .* - FAILED/)
    expect(code).toBe(1)
  }, SCAN_TIMEOUT)
})

describe('security gate never passes silently', () => {
  const tempDir = useTempDirs()

  it('fails on files the scanner cannot parse and on inline eng-disable comments', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'broken.ts'), 'const x: number = ;\nexport {\n')
    await writeFile(
      join(dir, 'links.js'),
      "const { shell } = require('electron')\nmodule.exports = (url) => shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK\n",
    )
    await writeFile(
      join(dir, 'allowlist.json'),
      JSON.stringify({
        entries: ['CSP_GLOBAL_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK'].map((check) => ({
          check,
          file: 'N/A',
          reason: 'Not what this test is about.',
        })),
      }),
    )
    const report = await runSecurityGate({ rootDir: dir, targetDir: '.', allowlistPath: 'allowlist.json' })
    expect(report.blocking).toEqual([])
    expect(report.unparsedFiles.map((error) => error.file)).toEqual(['broken.ts'])
    expect(report.inlineSuppressions).toMatchObject([{ file: 'links.js', line: 2 }])
    expect(report.passed).toBe(false)
    expect(summaryLine(report)).toMatch(/1 unparseable file, 1 inline eng-disable comment - FAILED$/)
  }, SCAN_TIMEOUT)

  it('throws when there is nothing to scan', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'allowlist.json'), JSON.stringify({ entries: [] }))
    await expect(runSecurityGate({ rootDir: dir, targetDir: 'missing', allowlistPath: 'allowlist.json' })).rejects.toThrow(ScannerError)
    await writeFile(join(dir, 'notes.txt'), 'nothing to see')
    await expect(runSecurityGate({ rootDir: dir, targetDir: '.', allowlistPath: 'allowlist.json' })).rejects.toThrow(/contains no file/)
  }, SCAN_TIMEOUT)

  it('the entry point exits 2 when the scan cannot run', async () => {
    const { code, output } = await run(process.execPath, ['--import', 'tsx', 'scripts/security-scan.ts', 'test/fixtures/does-not-exist'])
    expect(output).toContain('security scan: the gate could not run - FAILED')
    expect(code).toBe(2)
  }, SCAN_TIMEOUT)
})
