import type { CheckRun, CheckStatus, CheckStep } from '../shared/checkRun'
import { oneLine } from '../shared/displayText'
import { plural } from '../shared/plural'

const LABEL: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' }
const INDENT = '      '

/** "HTTP 401, 120 ms", or whichever of the two is known. */
function facts(step: CheckStep): string {
  const parts = [step.httpStatus === undefined ? '' : `HTTP ${step.httpStatus}`, step.durationMs === null ? '' : `${step.durationMs} ms`].filter(Boolean)
  return parts.length > 0 ? `  (${parts.join(', ')})` : ''
}

const INFORMATIONAL = ' [informational]'

/** An informational step that could not be done is a note, not a skipped check. */
function label(step: CheckStep): string {
  return (step.decisive || step.status !== 'skipped' ? LABEL[step.status] : 'NOTE').padEnd(INDENT.length)
}

/**
 * A CheckRun as the readable list the CLI prints: status, title, detail and, on a problem, the fix. Titles, details
 * and fixes quote outside text (a server's message, a value from a response), so each is kept on its own one line:
 * only the app starts a line with PASS or FAIL.
 */
export function checkRunText(heading: string, run: CheckRun, answer?: string): string {
  const lines = [heading, '']
  for (const step of run.steps) {
    lines.push(`${label(step)}${oneLine(step.title)}${step.decisive ? '' : INFORMATIONAL}${facts(step)}`)
    lines.push(`${INDENT}${oneLine(step.detail)}`)
    if (step.fix) lines.push(`${INDENT}Fix: ${oneLine(step.fix)}`)
  }
  const count = (status: CheckStatus) => run.steps.filter((step) => step.status === status).length
  const warnings = count('warn') > 0 ? ` (${count('warn')} with a warning worth reading)` : ''
  // Informational steps that could not be done (a 404 from a discovery endpoint) are notes, not checks that failed.
  const notes = run.steps.filter((step) => !step.decisive && step.status === 'skipped').length
  const noted = notes > 0 ? `; ${plural(notes, 'informational note')}` : ''
  const informational = run.steps.some((step) => !step.decisive) ? ['Checks marked [informational] can warn but never fail the result.'] : []
  lines.push(
    '',
    // The command's own answer first when it has one beyond pass or fail ("Found, but suspended").
    ...(answer ? [`${answer}.`] : []),
    run.ok
      ? `Passed: ${count('pass') + count('warn')} of ${run.steps.length} checks passed${warnings}${noted}.`
      : `Failed: ${count('fail')} of ${run.steps.length} checks failed; see "Fix" above.`,
    ...informational,
    '',
  )
  return lines.join('\n')
}

/** One progress line for stderr, as a step starts or finishes. */
export function progressLine(step: CheckStep, phase: 'started' | 'finished'): string {
  if (phase === 'started') return `...   ${oneLine(step.title)}\n`
  return `${label(step)}${oneLine(step.title)}${step.decisive ? '' : INFORMATIONAL}${facts(step)}\n`
}
