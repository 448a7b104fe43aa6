import { createHash } from 'node:crypto'
import type { CheckStatus } from '../../shared/checkRun'
import { displayText } from '../../shared/displayText'
import { otherEmailDomainsText, type ReportCertificate, type ReportCheck, type ReportConsole, type ReportItemState, type ReportOverview, type ReportStep, type ReportStepRef, type SetupReport } from '../../shared/setupReport'
import type { StepState } from '../../shared/wizard/stepState'
import { formatInstant } from './formatInstant'
import { reportStyles } from './reportStyles'
import { daysToExpiryText } from '../../shared/plural'

const STATUS_LABEL: Record<CheckStatus, string> = { pass: 'Pass', warn: 'Warning', fail: 'Fail', skipped: 'Skipped' }

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** Any text in the report, which may quote outside values: on one line, invisible characters shown (displayText), escaped. */
const e = (text: string): string => escapeHtml(displayText(text))
/** Text whose line breaks are kept (the notes, the certificate body), otherwise shown the same way. */
const eLines = (text: string): string => escapeHtml(displayText(text, { multiline: true }))

/**
 * One self-contained, printable HTML document: inline styles allowed by their hash in a strict Content Security
 * Policy, no scripts, no external resources, every value escaped. Prints on A4 or Letter.
 */
export function renderSetupReportHtml(report: SetupReport): string {
  const css = reportStyles()
  const styleHash = createHash('sha256').update(css, 'utf8').digest('base64')
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(report.title)}</title>
<style>${css}</style>
</head>
<body>
<main>
${header(report)}
${overviewSection(report.overview)}
${report.warnings.map((warning) => `<p class="alert" role="alert"><strong>Warning:</strong> ${e(warning)}</p>`).join('\n')}
${report.notes.trim() ? `<section><h2>Notes</h2><p class="notes">${eLines(report.notes)}</p></section>` : ''}
${report.consoles.map(consoleSection).join('\n')}
${certificateSection(report.certificate)}
${checklistSection(report.steps)}
${checksSection(report.checks)}
${timelineSection(report)}
<footer><p>Secrets are redacted: the Dialpad API key never appears in this report (at most its last 4 characters). Made by Dialpad SSO Assistant ${e(report.appVersion)} on ${e(formatInstant(report.generatedAt))}.</p></footer>
</main>
</body>
</html>
`
}

function header(report: SetupReport): string {
  const rows: [string, string][] = [
    ['Profile', report.profileName],
    ['Company domain', report.domain ?? 'Not entered yet'],
    ['Other email domains', otherEmailDomainsText(report)],
    ['Dialpad environment', report.environment],
    ['Progress', `${report.progress.done} of ${report.progress.total} steps done`],
    ['API key', report.apiKey],
    ['Source', report.source],
    ['Report made', formatInstant(report.generatedAt)],
  ]
  const percent = Math.round((100 * report.progress.done) / report.progress.total)
  return `<header>
<h1>${e(report.title)}</h1>
<div class="progress" role="img" aria-label="${report.progress.done} of ${report.progress.total} steps done"><div class="bar w${Math.round(percent / 5) * 5}"></div></div>
<dl class="facts">${rows.map(([term, value]) => `<dt>${e(term)}</dt><dd>${e(value)}</dd>`).join('')}</dl>
</header>`
}

function consoleSection(console: ReportConsole): string {
  const rows = console.values
    .map((value) => {
      const shown = value.value === null ? `<span class="missing">Not known yet. ${e(value.missing ?? '')}</span>` : value.block ? `<pre class="block">${eLines(value.value)}</pre>` : `<span class="value">${e(value.value)}</span>`
      const notes = [
        ...(value.error ? [`<div class="value-error"><strong>Problem:</strong> ${e(value.error)}</div>`] : []),
        ...(value.warnings ?? []).map((warning) => `<div class="value-warning"><strong>Warning:</strong> ${e(warning)}</div>`),
      ].join('')
      return `<tr><th scope="row">${e(value.label)}</th><td>${shown}${notes}<div class="where">${e(value.where)}</div></td></tr>`
    })
    .join('\n')
  return `<section class="console">
<h2>${e(console.heading)}</h2>
<table class="values"><tbody>
${rows}
</tbody></table>
</section>`
}

function certificateSection(certificate: ReportCertificate | null): string {
  if (certificate === null) return '<section><h2>IdP certificate</h2><p class="missing">No IdP certificate imported yet.</p></section>'
  if (!certificate.readable) return `<section><h2>IdP certificate</h2><p class="missing">${e(certificate.problem)}</p></section>`
  const rows: [string, string][] = [
    ['Subject', certificate.subject],
    ['Issuer', `${certificate.issuer}${certificate.selfSigned ? ' (self-signed)' : ''}`],
    ['Valid from', formatInstant(certificate.notBefore)],
    ['Valid until', `${formatInstant(certificate.notAfter)} (${daysToExpiryText(certificate.daysToExpiry, 'left')})`],
    ['Key', certificate.key],
    ['Signature', certificate.signatureAlgorithm],
    ['SHA-256', certificate.sha256],
    ['SHA-1', certificate.sha1],
    ['Serial number', certificate.serialNumber],
  ]
  return `<section class="card">
<h2>IdP certificate</h2>
<dl class="facts mono-values">${rows.map(([term, value]) => `<dt>${e(term)}</dt><dd>${e(value)}</dd>`).join('')}</dl>
${certificate.warnings.length ? `<ul class="warnings">${certificate.warnings.map((warning) => `<li><strong>Warning:</strong> ${e(warning)}</li>`).join('')}</ul>` : '<p class="ok-note">No warnings.</p>'}
</section>`
}

/** Badge classes by step state: done reads as pass, out of date as a failure to act on, the rest as open. */
const STEP_BADGE: Record<StepState, string> = { done: 'pass', skipped: 'skipped', waiting: 'warn', 'out-of-date': 'fail', 'in-progress': 'open', 'not-started': 'open' }
const ITEM_MARK: Record<ReportItemState, string> = { done: '☑', 'not-done': '☐', failed: '☒', 'out-of-date': '⚠', unrecorded: '?' }
const ITEM_LABEL: Record<ReportItemState, string> = { done: 'done', 'not-done': 'not done', failed: 'failed', 'out-of-date': 'out of date', unrecorded: 'not confirmed' }

function overviewSection(overview: ReportOverview): string {
  const list = (title: string, refs: ReportStepRef[]) =>
    refs.length === 0 ? '' : `<h3>${e(title)}</h3><ul>${refs.map((ref) => `<li>${ref.number}. ${e(ref.title)}${ref.note ? ` <span class="quiet">${e(ref.note)}</span>` : ''}</li>`).join('')}</ul>`
  return `<section class="card overview"><h2>Overall status</h2>
<p class="headline">${e(overview.headline)}</p>
${list('Out of date', overview.outOfDate)}${list('Waiting', overview.waiting)}${list('Skipped', overview.skipped)}${list('Not done yet', overview.open)}
</section>`
}

function checklistSection(steps: ReportStep[]): string {
  const items = steps
    .map((step) => {
      const ticks = step.items
        .map((item) => `<li class="${item.state}"><span class="tick">${ITEM_MARK[item.state]}</span> ${e(item.label)} <span class="state">(${ITEM_LABEL[item.state]})</span>${item.note ? `<div class="quiet">${e(item.note)}</div>` : ''}</li>`)
        .join('')
      return `<li class="step"><h3>${step.number}. ${e(step.title)} <span class="badge ${STEP_BADGE[step.state]}">${e(step.stateLabel)}</span></h3>${step.note ? `<p class="quiet">${e(step.note)}</p>` : ''}${ticks ? `<ul class="ticks">${ticks}</ul>` : '<p class="quiet">No checklist: done by the values and checks in the app.</p>'}</li>`
    })
    .join('\n')
  return `<section><h2>Wizard steps</h2><ol class="steps">
${items}
</ol></section>`
}

function checksSection(checks: ReportCheck[]): string {
  const blocks = checks
    .map((check) => {
      const rows = check.steps
        .map(
          (step) =>
            `<tr class="${step.status}"><td><span class="badge ${step.status}">${STATUS_LABEL[step.status]}</span></td><td><strong>${e(step.title)}</strong>${step.decisive ? '' : ' <span class="quiet">(informational)</span>'}<div>${e(step.detail)}</div>${step.fix ? `<div class="fix"><strong>Fix:</strong> ${e(step.fix)}</div>` : ''}</td><td class="num">${step.httpStatus === undefined ? '' : `HTTP ${step.httpStatus}<br>`}${step.durationMs === null ? '' : `${step.durationMs} ms`}</td></tr>`,
        )
        .join('\n')
      return `<div class="check">
<h3>${e(check.title)} <span class="badge ${check.ok ? 'pass' : 'fail'}">${check.ok ? 'Passed' : 'Failed'}</span>${check.freshness === 'current' ? '' : ` <span class="badge fail">${check.freshness === 'out-of-date' ? 'Out of date' : 'Not confirmed'}</span>`}</h3>
${check.freshnessNote ? `<p class="stale">${e(check.freshnessNote)}</p>` : ''}<p class="quiet">${e(formatInstant(check.checkedAt))}${check.note ? `. ${e(check.note)}` : ''}</p>
${check.steps.some((step) => !step.decisive) ? '<p class="quiet">Steps marked informational can warn but never make the check fail.</p>' : ''}
<table class="steps-table"><thead><tr><th scope="col">Result</th><th scope="col">Check, detail and fix</th><th scope="col">Time</th></tr></thead><tbody>
${rows}
</tbody></table>
</div>`
    })
    .join('\n')
  const neverRun = checks.every((check) => check.kind === 'offline') ? '<p class="quiet">No live check has been run yet.</p>' : ''
  return `<section><h2>Checks</h2>
${blocks}
${neverRun}
</section>`
}

function timelineSection(report: SetupReport): string {
  return `<section><h2>Timeline</h2><ol class="timeline">
${report.timeline.map((event) => `<li><time datetime="${e(event.at)}">${e(formatInstant(event.at))}</time> ${e(event.event)}</li>`).join('\n')}
</ol></section>`
}
