import { ASSERTION_CLOCK_SKEW_MS } from '../../../../shared/ssoResponse'
import { CAPTURE_AGAIN, clip } from '../consoles'
import type { AssertionFacts, SubjectConfirmationFacts } from '../assertionFacts'
import type { FieldCheckContext } from './context'
import { fail, type StepOutcome, pass, warn } from '../../../../shared/checkOutcome'
import { plural } from '../../../../shared/plural'

export const TIME_WINDOW_STEP = {
  id: 'time-window',
  title: `The assertion is valid now (allowing ${ASSERTION_CLOCK_SKEW_MS / 60_000} minutes of clock difference)`,
}

const XS_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/
const OLD_RESPONSE = 'If you are checking a response captured earlier, give the time it was captured.'

interface Bound {
  field: string
  raw: string
  at: number
}

/**
 * Conditions and the bearer SubjectConfirmationData give the window in which the assertion may be used; the checks
 * allow ASSERTION_CLOCK_SKEW_MS either way, for clocks that are slightly off.
 */
export function checkTimeWindow({ assertion, expect, now }: FieldCheckContext): StepOutcome {
  // SAML: the assertion may be used when any one bearer confirmation holds. Each candidate is judged, and the best
  // verdict is taken, in a fixed order, so several confirmations never make the result depend on their order.
  const bearers = assertion.subjectConfirmations.filter((confirmation) => confirmation.bearer)
  const forDialpad = bearers.filter((candidate) => candidate.recipient === expect.acsUrl)
  const candidates = (forDialpad.length > 0 ? forDialpad : bearers).slice().sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
  const outcomes = (candidates.length > 0 ? candidates : [undefined]).map((confirmation) => judgeWindow(assertion, confirmation, now))
  return outcomes.find((outcome) => outcome.status === 'pass') ?? outcomes.find((outcome) => outcome.status === 'warn') ?? outcomes[0]
}

function sortKey(confirmation: SubjectConfirmationFacts): string {
  return JSON.stringify([confirmation.notBefore, confirmation.notOnOrAfter, confirmation.recipient, confirmation.inResponseTo])
}

function judgeWindow(assertion: AssertionFacts, confirmation: SubjectConfirmationFacts | undefined, now: Date): StepOutcome {
  const fields = [
    { field: 'Conditions NotBefore', raw: assertion.conditions.notBefore, kind: 'from' },
    { field: 'SubjectConfirmationData NotBefore', raw: confirmation?.notBefore ?? null, kind: 'from' },
    { field: 'Conditions NotOnOrAfter', raw: assertion.conditions.notOnOrAfter, kind: 'until' },
    { field: 'SubjectConfirmationData NotOnOrAfter', raw: confirmation?.notOnOrAfter ?? null, kind: 'until' },
  ] as const
  const from: Bound[] = []
  const until: Bound[] = []
  for (const { field, raw, kind } of fields) {
    if (raw === null) continue
    const at = XS_DATE_TIME.test(raw.trim()) ? Date.parse(raw.trim()) : Number.NaN
    if (Number.isNaN(at)) {
      return fail(`${field} is ${clip(raw, 60)}, which is not a valid time.`, `${CAPTURE_AGAIN} straight from a JumpCloud login.`)
    }
    ;(kind === 'from' ? from : until).push({ field, raw: raw.trim(), at })
  }
  const nowMs = now.getTime()
  const nowText = now.toISOString()
  const tooEarly = from.find((bound) => nowMs + ASSERTION_CLOCK_SKEW_MS < bound.at)
  if (tooEarly) {
    return fail(
      `The assertion is not valid until ${tooEarly.raw} (${tooEarly.field}), ${duration(tooEarly.at - nowMs)} after now (${nowText}).`,
      `The clocks disagree: make sure this computer sets its clock automatically. ${OLD_RESPONSE}`,
    )
  }
  const expired = until.find((bound) => nowMs - ASSERTION_CLOCK_SKEW_MS >= bound.at)
  if (expired) {
    return fail(
      `The assertion expired at ${expired.raw} (${expired.field}), ${duration(nowMs - expired.at)} before now (${nowText}).`,
      `${CAPTURE_AGAIN}: a response is only valid for a few minutes. ${OLD_RESPONSE}`,
    )
  }
  const latestStart = from.reduce<Bound | null>((latest, bound) => (latest && latest.at >= bound.at ? latest : bound), null)
  const start = latestStart ? `from ${latestStart.raw} ` : ''
  if (until.length === 0) {
    return warn(
      `The assertion never expires: it has no NotOnOrAfter, so a copy of it could be used at any time. Now is ${nowText}.`,
      `SAML 2.0 requires one on a browser login’s bearer confirmation: ${CAPTURE_AGAIN.toLowerCase()} straight from a JumpCloud login.`,
    )
  }
  const end = until.reduce((earliest, bound) => (earliest.at <= bound.at ? earliest : bound))
  return pass(`Valid ${start}until ${end.raw}; now is ${nowText}.`)
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  if (ms < 90_000) return plural(Math.round(ms / 1000), 'second')
  if (minutes < 90) return plural(minutes, 'minute')
  const hours = Math.round(ms / 3_600_000)
  if (hours < 48) return plural(hours, 'hour')
  return plural(Math.round(ms / 86_400_000), 'day')
}
