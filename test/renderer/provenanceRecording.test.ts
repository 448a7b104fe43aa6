import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useWizard } from '../../src/renderer/src/store/wizardStore'
import { SAMPLE_SETUP } from '../support/sampleSetup'

const initial = useWizard.getState()
const KEY_STATUS = { stored: true, last4: 'WXYZ', backend: 'keychain', storedAt: '2026-11-20T08:00:00.000Z' } as const

beforeEach(() => {
  useWizard.setState(initial, true)
  useWizard.getState().hydrate({ ...SAMPLE_SETUP, domainInput: 'Acme.com', env: 'production' })
  useWizard.getState().setKeyStatus(KEY_STATUS)
  vi.useFakeTimers({ now: new Date('2026-11-22T10:00:00.000Z') })
})

describe('the store records what each verdict is made against', () => {
  it('a tick records the values it is about, when it was set, and goes with the tick', () => {
    useWizard.getState().setChecked('configure-jumpcloud.pasted-sp-values', true)
    expect(useWizard.getState().provenance.ticks['configure-jumpcloud.pasted-sp-values']).toEqual({
      at: '2026-11-22T10:00:00.000Z',
      against: { domain: 'acme.com', env: 'production' },
    })
    useWizard.getState().setChecked('identity-management.token-key', true)
    expect(useWizard.getState().provenance.ticks['identity-management.token-key']?.against).toEqual({ apiKey: { last4: 'WXYZ', storedAt: KEY_STATUS.storedAt } })

    useWizard.getState().setChecked('configure-jumpcloud.pasted-sp-values', false)
    expect(useWizard.getState().provenance.ticks).not.toHaveProperty('configure-jumpcloud.pasted-sp-values')
    expect(useWizard.getState().checklist['configure-jumpcloud.pasted-sp-values']).toBe(false)
  })

  it('a check result is saved with what it ran against, in one change', () => {
    const run = { ok: true, checkedAt: '2026-11-22T10:00:03.000Z', steps: [] }
    const against = { at: '2026-11-22T10:00:00.000Z', against: { scimBaseUrl: 'https://dialpad.com/scim', apiKey: { last4: 'WXYZ', storedAt: KEY_STATUS.storedAt } } }
    useWizard.getState().recordCheck('scim-connection', run, against)
    expect(useWizard.getState().scim.lastConnectionTest).toBe(run)
    expect(useWizard.getState().provenance.checks['scim-connection']).toBe(against)
    useWizard.getState().recordCheck('sso-login', run, against, 'pasted')
    expect(useWizard.getState().sso.lastLoginCheck).toEqual({ source: 'pasted', run })
  })
})
