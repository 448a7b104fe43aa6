import { isAbsolute, relative, resolve, sep } from 'node:path'

/** Electronegativity's severities, highest first. */
export const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const
export type Severity = (typeof SEVERITIES)[number]

/** The severities the gate blocks on unless a reviewed allowlist entry covers the finding. */
export const BLOCKING_SEVERITIES: ReadonlySet<Severity> = new Set<Severity>(['HIGH', 'MEDIUM'])

/** File name the scanner reports for app-wide findings (e.g. "no CSP anywhere"). Allowlist entries use it too. */
export const APP_WIDE_FILE = 'N/A'

export interface Finding {
  /** The scanner's issue id, e.g. CONTEXT_ISOLATION_JS_CHECK. */
  check: string
  severity: Severity
  confidence: string
  /** POSIX path relative to the project root, or APP_WIDE_FILE. */
  file: string
  line: number
  column: number
  /** The flagged source line (trimmed), or null when the scanner gives none. */
  sample: string | null
  description: string
  url: string
}

/** The report is missing, truncated or not in the format this parser knows. The gate must fail. */
export class FindingsFormatError extends Error {
  override name = 'FindingsFormatError'
}

/** Header line of Electronegativity 1.10's CSV report (util/file.js writeCsvHeader). */
export const CSV_COLUMNS = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'] as const

export interface PathOptions {
  /** Directory the scanner was run on; relative file names in the report are resolved against it. */
  targetDir: string
  /** Findings are reported relative to this directory (default: the current directory). */
  rootDir?: string
}

/**
 * Parses Electronegativity's CSV report into findings.
 * Throws FindingsFormatError on anything unexpected (no header, wrong column count, unknown severity...),
 * so a changed or truncated report can never read as "no findings".
 */
export function parseFindingsCsv(csv: string, paths?: PathOptions): Finding[] {
  const records = parseCsvRecords(csv)
  if (records.length === 0) throw new FindingsFormatError('the Electronegativity report is empty (not even a header)')
  const [header, ...rows] = records
  const headerNames = header.map((cell) => cell.value.trim().toLowerCase())
  if (headerNames.join(',') !== CSV_COLUMNS.join(',')) {
    throw new FindingsFormatError(`unexpected report header "${headerNames.join(', ')}" (expected "${CSV_COLUMNS.join(', ')}")`)
  }
  return rows.map((row, index) => toFinding(row, index + 2, paths))
}

function toFinding(row: CsvCell[], recordNumber: number, paths: PathOptions | undefined): Finding {
  const where = `report record ${recordNumber}`
  if (row.length !== CSV_COLUMNS.length) {
    throw new FindingsFormatError(`${where} has ${row.length} fields, expected ${CSV_COLUMNS.length}`)
  }
  const [check, severity, confidence, file, location, sample, description, url] = row.map(nullable)
  if (!check || !/^[A-Z][A-Z0-9_]*$/.test(check)) throw new FindingsFormatError(`${where}: invalid check id "${check}"`)
  if (!isSeverity(severity)) throw new FindingsFormatError(`${where} (${check}): unknown severity "${severity}"`)
  const locationMatch = /^(\d+):(\d+)$/.exec(location ?? '')
  if (!locationMatch) throw new FindingsFormatError(`${where} (${check}): invalid location "${location}"`)
  if (!file) throw new FindingsFormatError(`${where} (${check}): missing file name`)
  return {
    check,
    severity,
    confidence: confidence ?? 'N/A',
    file: paths ? normalizeFile(file, paths) : file,
    line: Number(locationMatch[1]),
    column: Number(locationMatch[2]),
    sample,
    description: description ?? '',
    url: url ?? '',
  }
}

function isSeverity(value: string | null): value is Severity {
  return (SEVERITIES as readonly (string | null)[]).includes(value)
}

/** The scanner writes a bare N/A (unquoted) for missing values; a quoted "N/A" is data (only used as file name). */
function nullable(cell: CsvCell): string | null {
  return !cell.quoted && cell.value === 'N/A' ? null : cell.value
}

function normalizeFile(file: string, { targetDir, rootDir = process.cwd() }: PathOptions): string {
  if (file === APP_WIDE_FILE) return APP_WIDE_FILE
  const absolute = isAbsolute(file) ? file : resolve(targetDir, file)
  return relative(rootDir, absolute).split(sep).join('/')
}

export interface CsvCell {
  value: string
  quoted: boolean
}

/**
 * RFC 4180 records: comma-separated, fields optionally double-quoted with "" as an escaped quote,
 * records ended by LF or CRLF (quoted fields may span lines). Blank lines are skipped.
 */
export function parseCsvRecords(text: string): CsvCell[][] {
  const records: CsvCell[][] = []
  let record: CsvCell[] = []
  let value = ''
  let quoted = false
  let inQuotes = false
  /** Something of the current field has been read (a character or an opening quote). */
  let fieldStarted = false
  /** Something of the current record has been read; false on a blank line. */
  let recordStarted = false
  const endField = () => {
    record.push({ value, quoted })
    value = ''
    quoted = false
    fieldStarted = false
  }
  const endRecord = () => {
    if (recordStarted) {
      endField()
      records.push(record)
    }
    record = []
    recordStarted = false
  }
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (inQuotes) {
      if (char !== '"') value += char
      else if (text[i + 1] === '"') {
        value += '"'
        i++
      } else {
        inQuotes = false
        const next = text[i + 1]
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new FindingsFormatError(`malformed CSV: unexpected character after a closing quote at offset ${i + 1}`)
        }
      }
    } else if (char === '"') {
      if (fieldStarted) throw new FindingsFormatError(`malformed CSV: stray quote inside an unquoted field at offset ${i}`)
      inQuotes = true
      quoted = true
      fieldStarted = true
      recordStarted = true
    } else if (char === ',') {
      endField()
      recordStarted = true
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      endRecord()
    } else {
      value += char
      fieldStarted = true
      recordStarted = true
    }
  }
  if (inQuotes) throw new FindingsFormatError('malformed CSV: the report ends inside a quoted field (truncated?)')
  endRecord()
  return records
}
