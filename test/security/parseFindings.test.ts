import { describe, expect, it } from 'vitest'
import { FindingsFormatError, parseCsvRecords, parseFindingsCsv } from '../../scripts/security/parseFindings'

// Verbatim lines of Electronegativity 1.10.3's CSV report (scan of test/fixtures/insecure-app and src/, absolute paths).
const HEADER = 'issue, severity, confidence, filename, location, sample, description, url'
const APP_WIDE =
  'CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"No CSP has been detected in the target application",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK'
const WEBVIEW =
  'NODE_INTEGRATION_HTML_CHECK,"HIGH","FIRM","/repo/test/fixtures/insecure-app/index.html","10:0","<webview src=""https://example.com"" nodeintegration allowpopups></webview>","Disable nodeIntegration for untrusted origins",https://github.com/doyensec/electronegativity/wiki/NODE_INTEGRATION_HTML_CHECK'
const OPEN_EXTERNAL =
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","/repo/src/main/index.ts","13:94","app.on(\'web-contents-created\', (_event, contents) => applyNavigationPolicy(contents, (url) => shell.openExternal(url)))","Review the use of openExternal",https://github.com/doyensec/electronegativity/wiki/OPEN_EXTERNAL_JS_CHECK'
const CSP_LOW =
  'CSP_GLOBAL_CHECK,"LOW","FIRM","/repo/src/renderer/index.html","5:0","default-src \'none\'; script-src \'self\'; img-src \'self\' data:","One or more CSP directives detected seems to be vulnerable",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK'
const SAMPLE = [HEADER, APP_WIDE, WEBVIEW, OPEN_EXTERNAL, CSP_LOW, ''].join('\n')

describe('parseFindingsCsv', () => {
  it('reads every field of the real report format', () => {
    const findings = parseFindingsCsv(SAMPLE)
    expect(findings).toHaveLength(4)
    expect(findings[0]).toEqual({
      check: 'CSP_GLOBAL_CHECK',
      severity: 'MEDIUM',
      confidence: 'CERTAIN',
      file: 'N/A',
      line: 0,
      column: 0,
      sample: null,
      description: 'No CSP has been detected in the target application',
      url: 'https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK',
    })
    expect(findings[1]).toMatchObject({
      check: 'NODE_INTEGRATION_HTML_CHECK',
      severity: 'HIGH',
      file: '/repo/test/fixtures/insecure-app/index.html',
      line: 10,
      sample: '<webview src="https://example.com" nodeintegration allowpopups></webview>',
    })
    expect(findings[2]).toMatchObject({ check: 'OPEN_EXTERNAL_JS_CHECK', line: 13, column: 94, confidence: 'TENTATIVE' })
    expect(findings[2].sample).toContain('(url) => shell.openExternal(url)')
    expect(findings[3]).toMatchObject({ check: 'CSP_GLOBAL_CHECK', severity: 'LOW', sample: "default-src 'none'; script-src 'self'; img-src 'self' data:" })
  })

  it('makes file names relative to the project root and keeps N/A for app-wide findings', () => {
    const findings = parseFindingsCsv(SAMPLE, { targetDir: '/repo/src', rootDir: '/repo' })
    expect(findings.map((finding) => finding.file)).toEqual([
      'N/A',
      'test/fixtures/insecure-app/index.html',
      'src/main/index.ts',
      'src/renderer/index.html',
    ])
    const relativeReport = [HEADER, 'PRELOAD_JS_CHECK,"MEDIUM","FIRM","main/window.ts","21:6","preload: preloadPath,","Review the use of preload scripts",https://x'].join('\n')
    expect(parseFindingsCsv(relativeReport, { targetDir: '/repo/src', rootDir: '/repo' })[0].file).toBe('src/main/window.ts')
  })

  it('accepts CRLF line ends and a report with no findings', () => {
    expect(parseFindingsCsv([HEADER, APP_WIDE, OPEN_EXTERNAL].join('\r\n'))).toHaveLength(2)
    expect(parseFindingsCsv(`${HEADER}\n`)).toEqual([])
  })

  it('rejects an empty or truncated report instead of reading it as "no findings"', () => {
    expect(() => parseFindingsCsv('')).toThrow(FindingsFormatError)
    expect(() => parseFindingsCsv('\n\n')).toThrow(/empty/)
    expect(() => parseFindingsCsv(`${HEADER}\n${OPEN_EXTERNAL.split(',"13:94"')[0]}`)).toThrow(/has 4 fields, expected 8/)
    expect(() => parseFindingsCsv(`${HEADER}\n${OPEN_EXTERNAL.slice(0, 120)}`)).toThrow(/ends inside a quoted field/)
  })

  it('rejects a report whose format changed', () => {
    expect(() => parseFindingsCsv(`${APP_WIDE}\n${OPEN_EXTERNAL}`)).toThrow(/unexpected report header/)
    expect(() => parseFindingsCsv(`${HEADER}\n${APP_WIDE.replace('"MEDIUM"', '"SEVERE"')}`)).toThrow(/unknown severity "SEVERE"/)
    expect(() => parseFindingsCsv(`${HEADER}\n${APP_WIDE.replace('"0:0"', '"line 0"')}`)).toThrow(/invalid location/)
    expect(() => parseFindingsCsv(`${HEADER}\n${APP_WIDE.replace('CSP_GLOBAL_CHECK,', 'CSPGlobalCheck,')}`)).toThrow(/invalid check id/)
    expect(() => parseFindingsCsv(`${HEADER}\n${APP_WIDE},extra`)).toThrow(/9 fields/)
  })
})

describe('parseCsvRecords', () => {
  it('handles escaped quotes, empty fields and newlines inside quotes', () => {
    expect(parseCsvRecords('a,"b ""c"", d",,"line1\nline2"\n')).toEqual([
      [
        { value: 'a', quoted: false },
        { value: 'b "c", d', quoted: true },
        { value: '', quoted: false },
        { value: 'line1\nline2', quoted: true },
      ],
    ])
  })

  it('rejects stray quotes', () => {
    expect(() => parseCsvRecords('a"b,c')).toThrow(FindingsFormatError)
    expect(() => parseCsvRecords('"a"b,c')).toThrow(FindingsFormatError)
  })
})
