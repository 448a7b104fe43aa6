import type { CheckRun, CheckStatus, CheckStep } from '../shared/checkRun'
import { oneLine } from '../shared/displayText'

const LABEL: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' }
const INDENT = '      '

/** "HTTP 401, 120 ms", or whichever of the two is known. */
function facts(step: CheckStep): string {
  const parts = [step.httpStatus === undefined ? '' : `HTTP ${step.httpStatus}`, step.durationMs === null ? '' : `${step.durationMs} ms`].filter(Boolean)
  return parts.length > 0 ? `  (${parts.join(', ')})` : ''
}

/**
 * A CheckRun as the readable list the CLI prints: status, title, detail and, on a problem, the fix. Titles, details
 * and fixes quote outside text (a server's message, a value from a response), so each is kept on its own one line:
 * only the app starts a line with PASS or FAIL.
 */
export function checkRunText(heading: string, run: CheckRun): string {
  const lines = [heading, '']
  for (const step of run.steps) {
    lines.push(`${LABEL[step.status].padEnd(INDENT.length)}${oneLine(step.title)}${facts(step)}`)
    lines.push(`${INDENT}${oneLine(step.detail)}`)
    if (step.fix) lines.push(`${INDENT}Fix: ${oneLine(step.fix)}`)
  }
  const count = (status: CheckStatus) => run.steps.filter((step) => step.status === status).length
  const warnings = count('warn') > 0 ? ` (${count('warn')} with a warning worth reading)` : ''
  lines.push(
    '',
    run.ok
      ? `Passed: ${count('pass') + count('warn')} of ${run.steps.length} checks passed${warnings}.`
      : `Failed: ${count('fail')} of ${run.steps.length} checks failed; see "Fix" above.`,
    '',
  )
  return lines.join('\n')
}

/** One progress line for stderr, as a step starts or finishes. */
export function progressLine(step: CheckStep, phase: 'started' | 'finished'): string {
  if (phase === 'started') return `...   ${oneLine(step.title)}\n`
  return `${LABEL[step.status].padEnd(INDENT.length)}${oneLine(step.title)}${facts(step)}\n`
}
