import { describe, expect, it } from 'vitest'
import { restoreSetup } from '../../src/renderer/src/store/restore'
import { SAMPLE_SETUP } from '../support/sampleSetup'

const STEP_IDS = ['prerequisites', 'enable-saml', 'configure-jumpcloud']

describe('restoreSetup', () => {
  it('starts a new setup on the first step', () => {
    expect(restoreSetup(null, STEP_IDS)).toEqual({ currentStepId: 'prerequisites', visitedStepIds: ['prerequisites'] })
  })

  it('lands on the saved step with everything the admin entered', () => {
    expect(restoreSetup(SAMPLE_SETUP, STEP_IDS)).toEqual(SAMPLE_SETUP)
  })

  it('falls back to the first step when the saved one no longer exists, and forgets removed steps', () => {
    const saved = { ...SAMPLE_SETUP, currentStepId: 'renamed-step', visitedStepIds: ['prerequisites', 'renamed-step', 'enable-saml'] }
    expect(restoreSetup(saved, STEP_IDS)).toMatchObject({
      currentStepId: 'prerequisites',
      visitedStepIds: ['prerequisites', 'enable-saml'],
      domainInput: SAMPLE_SETUP.domainInput,
    })
  })

  it('counts the current step as reached', () => {
    const saved = { ...SAMPLE_SETUP, currentStepId: 'enable-saml', visitedStepIds: [] }
    expect(restoreSetup(saved, STEP_IDS).visitedStepIds).toEqual(['enable-saml'])
  })
})
