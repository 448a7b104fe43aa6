import { describe, expect, it } from 'vitest'
import { PREREQUISITES, SKIP_LOGIN_CHECK } from '../../src/shared/wizard/checklists'
import { WIZARD_STEPS, wizardProgress } from '../../src/shared/wizard/steps'
import { SAMPLE_SETUP } from '../support/sampleSetup'

const facts = { ...SAMPLE_SETUP, checklist: {}, domainInput: '', apiKeyStored: false }
const passedRun = { ok: true, checkedAt: '2026-11-22T10:00:00.000Z', steps: [] }

describe('the wizard step list', () => {
  it('has unique step ids and unique checklist item ids', () => {
    const stepIds = WIZARD_STEPS.map((s) => s.id)
    const itemIds = WIZARD_STEPS.flatMap((s) => s.checklists.flatMap((c) => c.items.map((i) => i.id)))
    expect(new Set(stepIds).size).toBe(stepIds.length)
    expect(new Set(itemIds).size).toBe(itemIds.length)
  })

  it('counts nothing done on a fresh setup and counts a step once all its ticks are set', () => {
    expect(wizardProgress(facts)).toEqual({ done: 0, total: WIZARD_STEPS.length })
    const ticked = Object.fromEntries(PREREQUISITES.items.map((i) => [i.id, true]))
    expect(wizardProgress({ ...facts, checklist: ticked }).done).toBe(1)
    const oneMissing = { ...ticked, [PREREQUISITES.items[0].id]: false }
    expect(wizardProgress({ ...facts, checklist: oneMissing }).done).toBe(0)
  })

  it('counts the SSO login step done by a passed login check or an explicit skip, not by a failed check', () => {
    const step = WIZARD_STEPS.find((s) => s.id === 'sso-login')!
    const failed = { ...passedRun, ok: false }
    expect(step.isComplete({ ...facts, sso: { lastServicesCheck: null, lastLoginCheck: { source: 'pasted', run: failed } } })).toBe(false)
    expect(step.isComplete({ ...facts, sso: { lastServicesCheck: null, lastLoginCheck: { source: 'login-window', run: passedRun } } })).toBe(true)
    expect(step.isComplete({ ...facts, checklist: { [SKIP_LOGIN_CHECK.items[0].id]: true } })).toBe(true)
  })
})
