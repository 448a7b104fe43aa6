import type { StepOutcome } from '../../shared/checkOutcome'
import { plural } from '../../shared/plural'

/** Clocks further apart than this are a frequent cause of rejected SAML assertions. */
export const CLOCK_SKEW_WARN_MS = 2 * 60_000

const UNITS: [name: string, seconds: number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
]

export type ClockService = 'Dialpad' | 'JumpCloud'

/** What one answer said about the time, next to this computer's clock when the answer arrived. */
export interface ClockReading {
  service: ClockService
  /** This computer's clock minus the server's: positive when this computer is ahead. */
  skewMs: number
}

/** Why a service gave no reading: it sent no usable Date header, or gave no answer at all. */
export interface MissingReading {
  service: ClockService
  reason: 'no-answer' | 'no-date' | 'unreadable-date'
}

export type ClockObservation = ClockReading | MissingReading

export function isReading(observation: ClockObservation): observation is ClockReading {
  return 'skewMs' in observation
}

/** Reads the server's Date header (RFC 9110 HTTP-date) against this computer's clock at the time of the answer. */
export function clockObservation(service: ClockService, headers: Record<string, string>, receivedAt: Date): ClockObservation {
  const header = headers.date
  if (header === undefined || header.trim() === '') return { service, reason: 'no-date' }
  const serverTime = Date.parse(header)
  if (!Number.isFinite(serverTime)) return { service, reason: 'unreadable-date' }
  return { service, skewMs: receivedAt.getTime() - serverTime }
}

const SET_CLOCK_FIX =
  "Set this computer's clock to update automatically (Windows: Settings > Time & language > Date & time > Set time automatically; " +
  'macOS: System Settings > General > Date & Time > Set time and date automatically), then check again.'
const WHY_IT_MATTERS = `Clocks more than ${formatDuration(CLOCK_SKEW_WARN_MS)} apart are a frequent cause of rejected SAML assertions.`

/**
 * Judges this computer's clock from the readings: pass when every service agrees within the threshold, warn
 * otherwise, naming the direction and amount. When one service agrees and the other does not, this computer's
 * clock is right and the odd answer is the suspect (a caching proxy can serve an old Date).
 */
export function judgeClockSkew(observations: ClockObservation[]): StepOutcome {
  const readings = observations.filter(isReading)
  const notes = observations.filter((o): o is MissingReading => !isReading(o)).map(describeMissing)
  const noteText = notes.length > 0 ? ` ${notes.join(' ')}` : ''
  if (readings.length === 0) {
    return { status: 'skipped', detail: `Not run: no answer carried the time to compare with.${noteText}` }
  }

  const off = readings.filter((reading) => Math.abs(reading.skewMs) > CLOCK_SKEW_WARN_MS)
  if (off.length === 0) {
    return { status: 'pass', detail: `This computer's clock is ${compare(readings)} (up to ${formatDuration(CLOCK_SKEW_WARN_MS)} apart is fine).${noteText}` }
  }
  if (off.length === readings.length) {
    return { status: 'warn', detail: `This computer's clock is ${compare(readings)}. ${WHY_IT_MATTERS}${noteText}`, fix: SET_CLOCK_FIX }
  }
  const agreeing = readings.find((reading) => !off.includes(reading))!
  const odd = off[0]
  const oddDirection = odd.skewMs > 0 ? 'behind' : 'ahead of'
  return {
    status: 'warn',
    detail:
      `This computer's clock is ${compare([agreeing])}, but ${odd.service}'s answer carried a time ` +
      `${formatDuration(Math.abs(odd.skewMs))} ${oddDirection} it. ${WHY_IT_MATTERS}${noteText}`,
    fix: `This computer's clock looks right: check again, and if ${odd.service}'s time stays off, ask your network team whether a caching proxy serves old answers, or tell ${odd.service} Support.`,
  }
}

/** "5 minutes ahead of Dialpad's and 5 minutes 2 seconds ahead of JumpCloud's". */
function compare(readings: ClockReading[]): string {
  return readings.map((reading) => `${relation(reading.skewMs)} ${reading.service}'s`).join(' and ')
}

function describeMissing(missing: MissingReading): string {
  switch (missing.reason) {
    case 'no-answer':
      return `${missing.service} gave no answer to read the time from.`
    case 'no-date':
      return `${missing.service}'s answer carried no time (no Date header).`
    case 'unreadable-date':
      return `${missing.service}'s answer carried a time that could not be read (Date header).`
  }
}

/** "3 minutes 20 seconds ahead of", "12 seconds behind", "within a second of": read before the other clock's name. */
function relation(skewMs: number): string {
  if (Math.abs(skewMs) < 1_000) return 'within a second of'
  return `${formatDuration(skewMs)} ${skewMs > 0 ? 'ahead of' : 'behind'}`
}

/** A duration in its largest unit and the next one when not zero: "2 minutes", "3 minutes 20 seconds", "1 day 4 hours". */
export function formatDuration(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1_000)
  const first = UNITS.findIndex(([, seconds]) => total >= seconds)
  if (first === -1) return '0 seconds'
  const count = (index: number, left: number) => Math.floor(left / UNITS[index][1])
  const say = (index: number, n: number) => plural(n, UNITS[index][0])
  const major = count(first, total)
  const parts = [say(first, major)]
  if (first + 1 < UNITS.length) {
    const minor = count(first + 1, total - major * UNITS[first][1])
    if (minor > 0) parts.push(say(first + 1, minor))
  }
  return parts.join(' ')
}
