import { describe, expect, it } from 'vitest'
import { provenanceNow } from '../../src/shared/provenance'
import { PREREQUISITES, SKIP_LOGIN_CHECK } from '../../src/shared/wizard/checklists'
import { WIZARD_STEPS } from '../../src/shared/wizard/steps'
import { deriveSetupStatus, wizardProgress } from '../../src/shared/wizard/stepState'
import { TICK_INPUTS, checkInputs, tickInputs } from '../../src/shared/wizard/verdictInputs'
import { SAMPLE_SETUP } from '../support/sampleSetup'

const facts = { ...SAMPLE_SETUP, checklist: {}, domainInput: '', apiKey: null }
const AT = '2026-11-22T10:00:00.000Z'
const passedRun = { ok: true, checkedAt: AT, steps: [] }

/** Ticks the items as the wizard does: with what each is made against now. */
function ticked(base: typeof facts, ids: readonly string[]) {
  const checklist = { ...base.checklist, ...Object.fromEntries(ids.map((id) => [id, true])) }
  const ticks = { ...base.provenance.ticks, ...Object.fromEntries(ids.map((id) => [id, provenanceNow(tickInputs(id), base, AT)])) }
  return { ...base, checklist, provenance: { ...base.provenance, ticks } }
}

describe('the wizard step list', () => {
  it('has unique step ids and unique checklist item ids, each listed in the dependency table', () => {
    const stepIds = WIZARD_STEPS.map((s) => s.id)
    const itemIds = WIZARD_STEPS.flatMap((s) => s.checklists.flatMap((c) => c.items.map((i) => i.id)))
    expect(new Set(stepIds).size).toBe(stepIds.length)
    expect(new Set(itemIds).size).toBe(itemIds.length)
    expect(Object.keys(TICK_INPUTS).sort()).toEqual([...itemIds].sort())
  })

  it('counts nothing done on a fresh setup and counts a step once all its ticks are set', () => {
    expect(wizardProgress(facts)).toEqual({ done: 0, total: WIZARD_STEPS.length })
    const all = PREREQUISITES.items.map((i) => i.id)
    expect(wizardProgress(ticked(facts, all)).done).toBe(1)
    expect(wizardProgress(ticked(facts, all.slice(1))).done).toBe(0)
  })

  it('counts the SSO login step done by a passed login check for the current values, skipped by an explicit skip, not by a failed check', () => {
    const stateOf = (f: typeof facts) => deriveSetupStatus(f).steps.find((s) => s.id === 'sso-login')?.state
    const withRun = (run: typeof passedRun, source: 'pasted' | 'login-window') => ({
      ...facts,
      sso: { lastServicesCheck: null, lastLoginCheck: { source, run } },
      provenance: { ticks: {}, checks: { 'sso-login': provenanceNow(checkInputs('sso-login', source), facts, AT) } },
    })
    expect(stateOf(withRun({ ...passedRun, ok: false }, 'pasted'))).toBe('in-progress')
    expect(stateOf(withRun(passedRun, 'login-window'))).toBe('done')
    expect(stateOf(ticked(facts, [SKIP_LOGIN_CHECK.items[0].id]))).toBe('skipped')
    // Skipped counts as finished in the progress count; the overall status names it.
    expect(wizardProgress(ticked(facts, [SKIP_LOGIN_CHECK.items[0].id])).done).toBe(1)
  })
})
