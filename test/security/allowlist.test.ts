import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { AllowlistError, loadAllowlist, parseAllowlist } from '../../scripts/security/allowlist'
import { evaluateFindings, runSecurityGate } from '../../scripts/security/gate'
import type { Finding } from '../../scripts/security/parseFindings'
import { useTempDirs } from '../support/tempDir'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

function finding(overrides: Partial<Finding>): Finding {
  return {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    severity: 'MEDIUM',
    confidence: 'TENTATIVE',
    file: 'src/main/index.ts',
    line: 13,
    column: 4,
    sample: 'shell.openExternal(url)',
    description: 'Review the use of openExternal',
    url: 'https://github.com/doyensec/electronegativity/wiki/OPEN_EXTERNAL_JS_CHECK',
    ...overrides,
  }
}

const REASON = 'Only called after isAllowedExternalUrl accepts the URL (src/main/externalLinks.ts).'

describe('allowlist schema', () => {
  it('rejects an entry without a reason, or with a blank one', () => {
    expect(() => parseAllowlist({ entries: [{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'src/main/index.ts' }] })).toThrow(
      /entries\.0\.reason: reason is required/,
    )
    expect(() =>
      parseAllowlist({ entries: [{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'src/main/index.ts', reason: '   ' }] }),
    ).toThrow(/reason must not be empty/)
  })

  it('rejects class names for check ids, absolute or escaping paths, unknown keys and duplicates', () => {
    const entry = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'src/main/index.ts', reason: REASON }
    expect(() => parseAllowlist({ entries: [{ ...entry, check: 'OpenExternalJSCheck' }] })).toThrow(/scanner issue id/)
    expect(() => parseAllowlist({ entries: [{ ...entry, file: '/work/main/src/main/index.ts' }] })).toThrow(/relative/)
    expect(() => parseAllowlist({ entries: [{ ...entry, file: '../src/main/index.ts' }] })).toThrow(/relative/)
    expect(() => parseAllowlist({ entries: [{ ...entry, reasn: REASON }] })).toThrow(AllowlistError)
    expect(() => parseAllowlist({ entries: [entry, entry] })).toThrow(/duplicate entry/)
    expect(() => parseAllowlist([entry])).toThrow(AllowlistError)
  })

  it('accepts app-wide entries and optional snippets', () => {
    const allowlist = parseAllowlist({
      entries: [
        { check: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: 'The CSP is sent as a header by src/main/appProtocol.ts.' },
        { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'src/main/index.ts', snippet: 'shell.openExternal(url)', reason: REASON },
      ],
    })
    expect(allowlist.entries).toHaveLength(2)
  })

  it('the committed allowlist is valid and every entry explains itself', async () => {
    const allowlist = await loadAllowlist(join(ROOT, 'security/electronegativity-allowlist.json'))
    for (const entry of allowlist.entries) expect(entry.reason.length).toBeGreaterThan(40)
  })

  describe('in the gate', () => {
    const tempDir = useTempDirs()

    it('an allowlist entry without a reason stops the gate before it scans', async () => {
      const dir = await tempDir()
      const allowlistPath = join(dir, 'allowlist.json')
      await writeFile(allowlistPath, JSON.stringify({ entries: [{ check: 'PRELOAD_JS_CHECK', file: 'src/main/window.ts' }] }))
      await expect(runSecurityGate({ rootDir: ROOT, targetDir: 'src', allowlistPath })).rejects.toThrow(/reason is required/)
    })

    it('a missing or malformed allowlist file is an error, not an empty allowlist', async () => {
      const dir = await tempDir()
      await expect(loadAllowlist(join(dir, 'missing.json'))).rejects.toThrow(/cannot read the allowlist/)
      await writeFile(join(dir, 'bad.json'), '{ "entries": [ }')
      await expect(loadAllowlist(join(dir, 'bad.json'))).rejects.toThrow(/not valid JSON/)
    })
  })
})

describe('evaluateFindings', () => {
  const allowlist = parseAllowlist({
    entries: [{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'src/main/index.ts', snippet: 'shell.openExternal(url)', reason: REASON }],
  })

  it('moves a covered HIGH/MEDIUM finding to allowlisted and keeps the rest blocking', () => {
    const covered = finding({})
    const otherFile = finding({ file: 'src/main/window.ts' })
    const otherCallSite = finding({ line: 40, sample: 'shell.openExternal(event.url)' })
    const evaluation = evaluateFindings([covered, otherFile, otherCallSite], allowlist)
    expect(evaluation.allowlisted).toEqual([{ finding: covered, entry: allowlist.entries[0] }])
    expect(evaluation.blocking).toEqual([otherFile, otherCallSite])
    expect(evaluation.stale).toEqual([])
  })

  it('never blocks on LOW/INFORMATIONAL findings and counts every severity', () => {
    const evaluation = evaluateFindings(
      [finding({}), finding({ check: 'CSP_GLOBAL_CHECK', severity: 'LOW' }), finding({ check: 'NODE_INTEGRATION_JS_CHECK', severity: 'INFORMATIONAL' })],
      allowlist,
    )
    expect(evaluation.blocking).toEqual([])
    expect(evaluation.minor.map((f) => f.check)).toEqual(['CSP_GLOBAL_CHECK', 'NODE_INTEGRATION_JS_CHECK'])
    expect(evaluation.countsBySeverity).toEqual({ HIGH: 0, MEDIUM: 1, LOW: 1, INFORMATIONAL: 1 })
  })

  it('reports entries that match no HIGH/MEDIUM finding as stale', () => {
    const onlyLow = evaluateFindings([finding({ severity: 'LOW' })], allowlist)
    expect(onlyLow.stale).toEqual(allowlist.entries)
    expect(evaluateFindings([], allowlist).stale).toEqual(allowlist.entries)
  })
})
