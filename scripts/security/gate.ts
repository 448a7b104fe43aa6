import { readFile, readdir } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { type Allowlist, type AllowlistEntry, entryKey, loadAllowlist } from './allowlist'
import { APP_WIDE_FILE, BLOCKING_SEVERITIES, type Finding, SEVERITIES, type Severity, parseFindingsCsv } from './parseFindings'
import { OFFLINE_EXCLUDED_CHECKS, type ScanOptions, type ScannerMessage, ScannerError, runElectronegativity } from './runElectronegativity'

export interface AllowlistedFinding {
  finding: Finding
  entry: AllowlistEntry
}

/** What the allowlist makes of the findings. Pure data: see evaluateFindings. */
export interface Evaluation {
  /** HIGH/MEDIUM findings no allowlist entry covers. Any of these fails the gate. */
  blocking: Finding[]
  /** HIGH/MEDIUM findings covered by a reviewed entry. */
  allowlisted: AllowlistedFinding[]
  /** LOW/INFORMATIONAL findings: reported, never blocking. */
  minor: Finding[]
  /** Entries that cover no HIGH/MEDIUM finding any more. They fail the gate until removed. */
  stale: AllowlistEntry[]
  countsBySeverity: Record<Severity, number>
}

export interface InlineSuppression {
  file: string
  line: number
  text: string
}

export interface GateReport extends Evaluation {
  passed: boolean
  targetDir: string
  allowlistPath: string
  filesScanned: number
  /** Files the scanner could not parse: their code was not checked. Any of these fails the gate. */
  unparsedFiles: ScannerMessage[]
  /** Parser warnings on files that were still scanned. Reported only. */
  warnings: ScannerMessage[]
  /** `eng-disable` comments: they hide findings from the report, bypassing the reviewed allowlist. They fail the gate. */
  inlineSuppressions: InlineSuppression[]
  scannerVersion: string
  electronVersion: string
  checksRun: number
  excludedChecks: readonly string[]
  durationMs: number
}

export interface GateOptions {
  /** Directory to scan (default src). */
  targetDir?: string
  /** Reviewed allowlist (default security/electronegativity-allowlist.json). */
  allowlistPath?: string
  /** Paths in the report and in the allowlist are relative to this directory (default: the current directory). */
  rootDir?: string
  electronVersion?: ScanOptions['electronVersion']
  timeoutMs?: ScanOptions['timeoutMs']
}

export const DEFAULT_TARGET_DIR = 'src'
export const DEFAULT_ALLOWLIST_PATH = 'security/electronegativity-allowlist.json'

/** Extensions Electronegativity reads (util/file.js list_files); it skips anything under node_modules. */
const SCANNED_EXTENSIONS = /\.(?:js|jsx|ts|tsx|html|htm)$/i
const INLINE_DISABLE = /eng-disable/i

function isBlocking(finding: Finding): boolean {
  return BLOCKING_SEVERITIES.has(finding.severity)
}

export function entryCovers(entry: AllowlistEntry, finding: Finding): boolean {
  return (
    entry.check === finding.check &&
    entry.file === finding.file &&
    (entry.snippet === undefined || (finding.sample ?? '').includes(entry.snippet))
  )
}

/** Splits findings into blocking / allowlisted / minor and finds stale entries. */
export function evaluateFindings(findings: readonly Finding[], allowlist: Allowlist): Evaluation {
  const countsBySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>
  const blocking: Finding[] = []
  const allowlisted: AllowlistedFinding[] = []
  const minor: Finding[] = []
  const used = new Set<AllowlistEntry>()
  for (const finding of findings) {
    countsBySeverity[finding.severity]++
    if (!isBlocking(finding)) {
      minor.push(finding)
      continue
    }
    const entry = allowlist.entries.find((candidate) => entryCovers(candidate, finding))
    if (entry) {
      used.add(entry)
      allowlisted.push({ finding, entry })
    } else {
      blocking.push(finding)
    }
  }
  const stale = allowlist.entries.filter((entry) => !used.has(entry))
  return { blocking, allowlisted, minor, stale, countsBySeverity }
}

/** The files under targetDir the scanner reads, as absolute paths. */
export async function listScannableFiles(targetDir: string): Promise<string[]> {
  const entries = await readdir(targetDir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && SCANNED_EXTENSIONS.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(targetDir, file).split(sep).includes('node_modules'))
    .sort()
}

export async function findInlineSuppressions(files: readonly string[], rootDir: string): Promise<InlineSuppression[]> {
  const found: InlineSuppression[] = []
  for (const file of files) {
    const lines = (await readFile(file, 'utf8')).split('\n')
    lines.forEach((text, index) => {
      if (INLINE_DISABLE.test(text)) found.push({ file: displayPath(file, rootDir), line: index + 1, text: text.trim() })
    })
  }
  return found
}

function toRootRelative(file: string, rootDir: string): string {
  return relative(rootDir, file).split(sep).join('/')
}

/** For messages: root-relative inside the project, absolute outside it. */
function displayPath(file: string, rootDir: string): string {
  const path = toRootRelative(file, rootDir)
  return path === '' ? '.' : path.startsWith('../') ? file : path
}

/**
 * Scans targetDir with Electronegativity and judges the findings against the allowlist.
 * Throws (AllowlistError, ScannerError, FindingsFormatError) when the gate cannot reach a verdict;
 * callers must treat that as a failure.
 */
export async function runSecurityGate(options: GateOptions = {}): Promise<GateReport> {
  const rootDir = resolve(options.rootDir ?? process.cwd())
  const targetDir = resolve(rootDir, options.targetDir ?? DEFAULT_TARGET_DIR)
  const allowlistPath = resolve(rootDir, options.allowlistPath ?? DEFAULT_ALLOWLIST_PATH)

  // Validate the allowlist first: a broken one fails fast, before the scan.
  const allowlist = await loadAllowlist(allowlistPath)
  const files = await listScannableFiles(targetDir).catch((error: Error) => {
    throw new ScannerError(`cannot list the scan target ${targetDir}: ${error.message}`)
  })
  if (files.length === 0) throw new ScannerError(`${targetDir} contains no file Electronegativity scans (.js/.jsx/.ts/.tsx/.html/.htm)`)
  const scan = await runElectronegativity({
    targetDir,
    electronVersion: options.electronVersion,
    excludeChecks: OFFLINE_EXCLUDED_CHECKS,
    timeoutMs: options.timeoutMs,
  })

  const findings = parseFindingsCsv(scan.csv, { targetDir, rootDir })
  if (findings.length !== scan.issueCount) {
    throw new ScannerError(
      `the CSV report lists ${findings.length} findings but Electronegativity found ${scan.issueCount}; the report is incomplete`,
    )
  }

  const evaluation = evaluateFindings(findings, allowlist)
  const relativeMessage = (message: ScannerMessage): ScannerMessage => ({ ...message, file: displayPath(message.file, rootDir) })
  const unparsedFiles = scan.errors.filter((error) => !error.tolerable).map(relativeMessage)
  const warnings = scan.errors.filter((error) => error.tolerable).map(relativeMessage)
  const inlineSuppressions = await findInlineSuppressions(files, rootDir)
  const passed =
    evaluation.blocking.length === 0 &&
    evaluation.stale.length === 0 &&
    unparsedFiles.length === 0 &&
    inlineSuppressions.length === 0

  return {
    ...evaluation,
    passed,
    targetDir: displayPath(targetDir, rootDir),
    allowlistPath: displayPath(allowlistPath, rootDir),
    filesScanned: files.length,
    unparsedFiles,
    warnings,
    inlineSuppressions,
    scannerVersion: scan.scannerVersion,
    electronVersion: scan.electronVersion,
    checksRun: scan.atomicChecks + scan.globalChecks,
    excludedChecks: OFFLINE_EXCLUDED_CHECKS,
    durationMs: scan.durationMs,
  }
}

const SEVERITY_LABEL: Record<Severity, string> = { HIGH: 'HIGH', MEDIUM: 'MEDIUM', LOW: 'LOW', INFORMATIONAL: 'INFO' }

function location(finding: Finding): string {
  return finding.file === APP_WIDE_FILE ? '(app-wide)' : `${finding.file}:${finding.line}`
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}

/** The one line that says how the gate went. */
export function summaryLine(report: Pick<GateReport, 'blocking' | 'allowlisted' | 'minor' | 'stale' | 'unparsedFiles' | 'inlineSuppressions' | 'passed'>): string {
  const base = `security scan: ${plural(report.blocking.length, 'unallowlisted HIGH/MEDIUM finding')} (${report.allowlisted.length} allowlisted, ${report.minor.length} LOW/INFO)`
  const problems: string[] = []
  if (report.stale.length > 0) problems.push(plural(report.stale.length, 'stale allowlist entry', 'stale allowlist entries'))
  if (report.unparsedFiles.length > 0) problems.push(plural(report.unparsedFiles.length, 'unparseable file'))
  if (report.inlineSuppressions.length > 0) problems.push(plural(report.inlineSuppressions.length, 'inline eng-disable comment'))
  return `${base}${problems.map((problem) => `, ${problem}`).join('')}${report.passed ? '' : ' - FAILED'}`
}

/** A readable report for the terminal; the last line is summaryLine. */
export function formatReport(report: GateReport): string {
  const out: string[] = []
  const seconds = (report.durationMs / 1000).toFixed(1)
  out.push(
    `Electronegativity ${report.scannerVersion} (Electron ${report.electronVersion}, ${report.checksRun} checks, offline: ${report.excludedChecks.join(', ')} excluded)`,
    `scanned ${plural(report.filesScanned, 'file')} in ${report.targetDir} in ${seconds}s; allowlist ${report.allowlistPath}`,
    `findings by severity: ${SEVERITIES.map((severity) => `${SEVERITY_LABEL[severity]} ${report.countsBySeverity[severity]}`).join(', ')}`,
  )

  if (report.blocking.length > 0) {
    out.push('', `Unallowlisted HIGH/MEDIUM findings: fix them, or review them and add an entry with a reason to ${report.allowlistPath}:`)
    for (const finding of report.blocking) {
      out.push(`  ${SEVERITY_LABEL[finding.severity].padEnd(6)} ${finding.check}  ${location(finding)}  [confidence ${finding.confidence}]`)
      out.push(`         ${finding.description}`)
      if (finding.sample) out.push(`         > ${finding.sample}`)
      if (finding.url) out.push(`         ${finding.url}`)
    }
  }
  if (report.unparsedFiles.length > 0) {
    out.push('', 'Files the scanner could not parse (their code was NOT checked):')
    for (const error of report.unparsedFiles) out.push(`  ${error.file}: ${error.message}`)
  }
  if (report.inlineSuppressions.length > 0) {
    out.push('', `Inline eng-disable comments hide findings from the scan; remove them and use ${report.allowlistPath} instead:`)
    for (const suppression of report.inlineSuppressions) out.push(`  ${suppression.file}:${suppression.line}  ${suppression.text}`)
  }
  if (report.stale.length > 0) {
    out.push('', `Stale allowlist entries (they match no HIGH/MEDIUM finding any more; remove them from ${report.allowlistPath}):`)
    for (const entry of report.stale) out.push(`  ${entryKey(entry)}`)
  }
  if (report.allowlisted.length > 0) {
    out.push('', 'Allowlisted (reviewed) findings:')
    for (const { finding, entry } of report.allowlisted) {
      out.push(`  ${SEVERITY_LABEL[finding.severity].padEnd(6)} ${finding.check}  ${location(finding)}`)
      out.push(`         reason: ${entry.reason}`)
    }
  }
  if (report.minor.length > 0) {
    out.push('', 'LOW/INFO findings (not blocking):')
    for (const finding of report.minor) {
      out.push(`  ${SEVERITY_LABEL[finding.severity].padEnd(6)} ${finding.check}  ${location(finding)}  ${finding.description}`)
    }
  }
  if (report.warnings.length > 0) {
    out.push('', 'Scanner warnings (files were still scanned):')
    for (const warning of report.warnings) out.push(`  ${warning.file}: ${warning.message}`)
  }
  out.push('', summaryLine(report))
  return out.join('\n')
}
