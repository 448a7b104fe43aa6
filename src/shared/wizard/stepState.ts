/**
 * The one place that says how far a setup is: each step's state, each verdict's freshness, the progress count and
 * the overall status. The wizard, the step list, the profile list, the report, bundles and the CLI all show what
 * this derives, so they never disagree.
 *
 * Rules (docs/verdicts.md has the reasoning):
 * - A verdict (a tick, a saved check result) is *current* while every input it depends on (verdictInputs.ts) still
 *   has the value it was made against; *out of date* once one of them changed ("was for acme-corp.com"); and
 *   *unrecorded* when it was made before the app recorded its inputs ("tick again / run again to confirm").
 *   Only current verdicts count. Changing a value back makes the verdicts made for it current again.
 * - A step is *done* when its values are there, every tick is current and its check (if any) passed for the current
 *   values; *skipped* when its skip tick is set instead; *waiting* when it only lacks someone else's answer
 *   (the jumpcloud.com secondary domain); *out of date* when something that had been done no longer counts;
 *   otherwise *in progress* once anything was entered, ticked or run, or *not started*.
 * - Progress counts done and skipped steps; the overall status names what is waiting, out of date and skipped.
 */
import { parseDomain } from '../domain'
import { formatUtc } from '../formatUtc'
import { checkIdpEntityId, checkIdpSsoUrl } from '../idpValues'
import { LIVE_CHECK_TITLES, savedRun } from '../latestChecks'
import type { LiveCheckKind } from '../liveCheck'
import { type InputName, type Provenance, type WizardFacts, currentValue, describeValue, sameValue } from '../provenance'
import type { ChecklistItem } from './checklists'
import { type StepRequirement, WIZARD_STEPS, type WizardStep } from './steps'
import { checkInputs, tickInputs } from './verdictInputs'
import { plural } from '../plural'

export type StepState = 'not-started' | 'in-progress' | 'waiting' | 'done' | 'out-of-date' | 'skipped'

/** The state in words, as the step list, the report and bundles print it. */
export const STEP_STATE_LABELS: Record<StepState, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  waiting: 'Waiting',
  done: 'Done',
  'out-of-date': 'Out of date',
  skipped: 'Skipped',
}

/** Whether a verdict that was made still holds for the current values. */
export type Freshness = 'current' | 'out-of-date' | 'unrecorded'

export interface InputChange {
  input: InputName
  /** The recorded value in words ("acme-corp.com"). */
  was: string
  now: string
}

export interface Judgement {
  freshness: Freshness
  /** The inputs whose value changed since the verdict was made (empty unless out of date). */
  changes: InputChange[]
}

/** A verdict judged against the current values. */
export function judge(provenance: Provenance | undefined, inputs: readonly InputName[], facts: WizardFacts): Judgement {
  if (inputs.length === 0) return { freshness: 'current', changes: [] }
  if (!provenance) return { freshness: 'unrecorded', changes: [] }
  const changes: InputChange[] = []
  let unrecorded = false
  for (const name of inputs) {
    if (!Object.prototype.hasOwnProperty.call(provenance.against, name)) {
      unrecorded = true
      continue
    }
    const recorded = provenance.against[name] as never
    const now = currentValue(name, facts) as never
    if (!sameValue(name, recorded, now)) changes.push({ input: name, was: describeValue(name, recorded), now: describeValue(name, now) })
  }
  // A recorded value that changed says more than a missing one: "was for acme-corp.com" is the news.
  if (changes.length > 0) return { freshness: 'out-of-date', changes }
  return { freshness: unrecorded ? 'unrecorded' : 'current', changes: [] }
}

/** "acme-corp.com and Dialpad Sandbox (sandbox.dialpad.com)". */
function joinWords(parts: readonly string[]): string {
  const unique = [...new Set(parts)]
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`
}

/** "was for acme-corp.com": what an out-of-date verdict was made for. */
export function wasFor(changes: readonly InputChange[]): string {
  return `was for ${joinWords(changes.map((change) => change.was))}`
}

export interface Verdict {
  kind: 'tick' | 'check'
  /** The checklist item id, or the live check kind. */
  id: string
  label: string
  /** Ticked, or a result is saved. */
  made: boolean
  /** Checks only: whether the saved result passed. */
  ok: boolean | null
  /** When it was ticked or run, if known. */
  at: string | null
  /** Null while not made. */
  freshness: Freshness | null
  changes: InputChange[]
  /** For a verdict that no longer counts: why, and what to do. */
  note: string | null
}

export interface StepStatus {
  id: string
  title: string
  /** 1-based, as the wizard numbers steps. */
  number: number
  state: StepState
  /** One sentence about the state when it needs one ("Out of date: was for acme-corp.com."). */
  note: string | null
  /** The ticks that make the step (a skip section is not among them). */
  ticks: Verdict[]
  /** The skip ticks, for a step that can be skipped. */
  skip: Verdict[]
  /** The check that decides the step, if it has one. */
  check: Verdict | null
  /** Checks the step shows that do not decide it. */
  otherChecks: Verdict[]
  /** What is still missing, for a step that is not done or skipped. */
  missing: string | null
}

export interface StepRef {
  id: string
  number: number
  title: string
}

export type OverviewKind = 'not-started' | 'in-progress' | 'out-of-date' | 'finished' | 'verified'

/** The overall status the completion view, the report and the profile list open with. */
export interface SetupOverview {
  kind: OverviewKind
  /** One or two sentences: "Verified: all 13 steps are done for the current values." */
  headline: string
  /** Done and skipped steps (as the progress count shows it). */
  done: number
  total: number
  outOfDate: StepRef[]
  waiting: StepRef[]
  skipped: StepRef[]
  /** Steps not started or in progress. */
  open: StepRef[]
}

export interface SetupStatus {
  steps: StepStatus[]
  overview: SetupOverview
}

function tickVerdict(item: ChecklistItem, facts: WizardFacts): Verdict {
  const made = facts.checklist[item.id] === true
  const provenance = facts.provenance.ticks[item.id]
  const judged = made ? judge(provenance, tickInputs(item.id), facts) : null
  return {
    kind: 'tick',
    id: item.id,
    label: item.label,
    made,
    ok: null,
    at: made ? (provenance?.at ?? null) : null,
    freshness: judged?.freshness ?? null,
    changes: judged?.changes ?? [],
    note: judged ? verdictNote(judged, 'tick') : null,
  }
}

function checkVerdict(kind: LiveCheckKind, facts: WizardFacts): Verdict {
  const saved = savedRun(facts, kind)
  const judged = saved ? judge(facts.provenance.checks[kind], checkInputs(kind, saved.source), facts) : null
  return {
    kind: 'check',
    id: kind,
    label: LIVE_CHECK_TITLES[kind],
    made: saved !== null,
    ok: saved ? saved.run.ok : null,
    at: saved ? saved.run.checkedAt : null,
    freshness: judged?.freshness ?? null,
    changes: judged?.changes ?? [],
    note: judged ? verdictNote(judged, 'check') : null,
  }
}

function verdictNote(judged: Judgement, kind: Verdict['kind']): string | null {
  const again = kind === 'tick' ? 'tick it again' : 'run it again'
  if (judged.freshness === 'out-of-date') return `Out of date: ${wasFor(judged.changes)}. ${capitalize(again)} for the current values.`
  if (judged.freshness === 'unrecorded') return `Made before this version recorded its inputs: ${again} to confirm.`
  return null
}

/** A step's checks: the one that decides it (if any), then those it only shows. */
export function checksOf(step: Pick<StepStatus, 'check' | 'otherChecks'>): Verdict[] {
  return [...(step.check ? [step.check] : []), ...step.otherChecks]
}

/** Every saved-check verdict of a setup, step by step (what the report, bundles and check panels look up by kind). */
export function setupChecks(status: SetupStatus): Verdict[] {
  return status.steps.flatMap(checksOf)
}

/** The verdicts that decide a step: its ticks and its deciding check (what can make it out of date). */
export function decidingVerdictsOf(step: Pick<StepStatus, 'ticks' | 'check'>): Verdict[] {
  return [...step.ticks, ...(step.check ? [step.check] : [])]
}

/** Every verdict a step shows: its ticks, its skip ticks and its checks. */
function verdictsOf(step: Pick<StepStatus, 'ticks' | 'skip' | 'check' | 'otherChecks'>): Verdict[] {
  return [...step.ticks, ...step.skip, ...checksOf(step)]
}

const counts = (verdict: Verdict) => verdict.made && verdict.freshness === 'current'
/** A verdict that was a yes and no longer counts: what makes a step out of date. */
const lapsed = (verdict: Verdict) => verdict.made && verdict.freshness !== 'current' && verdict.ok !== false

function requirementMet(requirement: StepRequirement, facts: WizardFacts): boolean {
  switch (requirement) {
    case 'domain':
      return parseDomain(facts.domainInput).ok
    case 'idp-values':
      return checkIdpEntityId(facts.idp.entityIdInput).error === null && checkIdpSsoUrl(facts.idp.ssoUrlInput).error === null && facts.idp.certificate !== null
    case 'api-key':
      return facts.apiKey !== null
  }
}

function requirementStarted(requirement: StepRequirement, facts: WizardFacts): boolean {
  switch (requirement) {
    case 'domain':
      return facts.domainInput.trim() !== ''
    case 'idp-values':
      return facts.idp.entityIdInput.trim() !== '' || facts.idp.ssoUrlInput.trim() !== '' || facts.idp.certificate !== null
    case 'api-key':
      return facts.apiKey !== null
  }
}

function stepStatus(step: WizardStep, index: number, facts: WizardFacts): StepStatus {
  const ticks = step.checklists.filter((section) => section !== step.skip).flatMap((section) => section.items.map((item) => tickVerdict(item, facts)))
  const skip = step.skip ? step.skip.items.map((item) => tickVerdict(item, facts)) : []
  const check = step.check ? checkVerdict(step.check, facts) : null
  const otherChecks = (step.alsoShows ?? []).map((kind) => checkVerdict(kind, facts))
  const needs = [...(step.enters ?? []), ...(step.needs ?? [])]
  const base = { id: step.id, title: step.title, number: index + 1, ticks, skip, check, otherChecks }

  const done = needs.every((need) => requirementMet(need, facts)) && ticks.every(counts) && (check === null || (counts(check) && check.ok === true))
  if (done) return { ...base, state: 'done', note: null, missing: null }
  if (skip.length > 0 && skip.every(counts)) return { ...base, state: 'skipped', note: 'Skipped by choice.', missing: null }

  const stale = decidingVerdictsOf(base).filter(lapsed)
  if (stale.length > 0) {
    const changes = stale.flatMap((verdict) => verdict.changes)
    const ticksLapsed = stale.some((verdict) => verdict.kind === 'tick')
    const checkLapsed = stale.some((verdict) => verdict.kind === 'check')
    const again = ticksLapsed && checkLapsed ? 'tick and run again' : checkLapsed ? 'run it again' : 'tick again'
    const note =
      changes.length > 0
        ? `Out of date: ${wasFor(changes)}. ${capitalize(again)} for the current values.`
        : `Made before this version recorded its inputs: ${again} to confirm.`
    return { ...base, state: 'out-of-date', note, missing: step.incompleteHint }
  }

  const asked = step.waitingOn ? ticks.find((tick) => tick.id === step.waitingOn?.askedItem) : undefined
  if (step.waitingOn && asked && counts(asked) && ticks.every((tick) => tick === asked || counts(tick) || !tick.made)) {
    const since = asked.at ? ` on ${formatUtc(asked.at)}` : ''
    return { ...base, state: 'waiting', note: `Waiting on ${step.waitingOn.who}: requested${since}.`, missing: step.incompleteHint }
  }

  const started = (step.enters ?? []).some((value) => requirementStarted(value, facts)) || verdictsOf(base).some((verdict) => verdict.made)
  return { ...base, state: started ? 'in-progress' : 'not-started', note: null, missing: step.incompleteHint }
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const refOf = (step: StepStatus): StepRef => ({ id: step.id, number: step.number, title: step.title })

function overviewOf(steps: StepStatus[]): SetupOverview {
  const inState = (...states: StepState[]) => steps.filter((step) => states.includes(step.state)).map(refOf)
  const total = steps.length
  const doneCount = inState('done').length
  const skipped = inState('skipped')
  const outOfDate = inState('out-of-date')
  const waiting = inState('waiting')
  const open = inState('not-started', 'in-progress')
  const done = doneCount + skipped.length

  let kind: OverviewKind
  let first: string
  if (doneCount === total) {
    kind = 'verified'
    first = `Verified: all ${total} steps are done for the current values.`
  } else if (done === total) {
    kind = 'finished'
    first = `Finished: ${plural(doneCount, 'step')} done, ${skipped.length} skipped.`
  } else if (outOfDate.length > 0) {
    kind = 'out-of-date'
    first = `${plural(outOfDate.length, 'step is', 'steps are')} out of date: ${whyOutOfDate(steps.filter((step) => step.state === 'out-of-date'))}.`
  } else if (steps.every((step) => step.state === 'not-started')) {
    kind = 'not-started'
    first = 'Not started yet.'
  } else {
    kind = 'in-progress'
    first = `${done} of ${total} steps done.`
  }
  const rest = [
    kind === 'out-of-date' ? `${done} of ${total} steps done` : null,
    waiting.length > 0 ? `${plural(waiting.length, 'step')} waiting on someone else` : null,
    skipped.length > 0 && kind !== 'finished' ? `${skipped.length} skipped` : null,
    open.length > 0 && kind !== 'not-started' ? `${open.length} not done yet` : null,
  ].filter((part): part is string => part !== null)
  const headline = rest.length > 0 ? `${first} ${capitalize(rest.join(', '))}.` : first
  return { kind, headline, done, total, outOfDate, waiting, skipped, open }
}

/**
 * Why the out-of-date steps no longer count, in the overall status: a value changed since they were done, or they
 * were done before this version recorded what they were done for (a migrated setup or a 1.0 bundle, where nothing
 * needs to have changed: saying "values have changed" there would not be true).
 */
function whyOutOfDate(outOfDate: readonly StepStatus[]): string {
  const changed = outOfDate.filter((step) => decidingVerdictsOf(step).some((verdict) => lapsed(verdict) && verdict.changes.length > 0)).length
  const unrecorded = outOfDate.length - changed
  const before = 'before this version recorded what'
  if (unrecorded === 0) return `${outOfDate.length === 1 ? 'it was' : 'they were'} done for values that have changed since`
  if (changed === 0) return `${outOfDate.length === 1 ? `it was done ${before} it was` : `they were done ${before} they were`} done for`
  return `${changed} ${changed === 1 ? 'was' : 'were'} done for values that have changed since, ${unrecorded} ${before} ${unrecorded === 1 ? 'it was' : 'they were'} done for`
}

/** Every step's state and the overall status, derived from the setup and which API key is stored. */
export function deriveSetupStatus(facts: WizardFacts): SetupStatus {
  const steps = WIZARD_STEPS.map((step, index) => stepStatus(step, index, facts))
  return { steps, overview: overviewOf(steps) }
}

/** Steps done (or skipped) out of all steps, as the wizard header, the profile list, reports and bundles show it. */
export function progressOf(status: SetupStatus): { done: number; total: number } {
  const { done, total } = status.overview
  return { done, total }
}

/** progressOf, for facts not derived yet. */
export function wizardProgress(facts: WizardFacts): { done: number; total: number } {
  return progressOf(deriveSetupStatus(facts))
}

/** A verdict that counts now and would no longer count after a change: what a confirmation dialog lists. */
export interface LapsingVerdict {
  stepNumber: number
  stepTitle: string
  label: string
  kind: Verdict['kind']
}

/**
 * What a change would make out of date: the verdicts that count now and would not count with `after`. The dialogs
 * that ask before a domain, environment or certificate change show this list.
 */
export function lapsedBy(before: WizardFacts, after: WizardFacts): LapsingVerdict[] {
  const now = deriveSetupStatus(before).steps
  const then = deriveSetupStatus(after).steps
  const lapsing: LapsingVerdict[] = []
  now.forEach((step, index) => {
    const later = then[index]
    const laterById = new Map(verdictsOf(later).map((verdict) => [`${verdict.kind}:${verdict.id}`, verdict]))
    for (const verdict of verdictsOf(step)) {
      const afterwards = laterById.get(`${verdict.kind}:${verdict.id}`)
      if (counts(verdict) && verdict.ok !== false && afterwards && !counts(afterwards)) {
        lapsing.push({ stepNumber: step.number, stepTitle: step.title, label: verdict.label, kind: verdict.kind })
      }
    }
  })
  return lapsing
}
