import type { StateCreator } from 'zustand'
import type { MethodInput, MethodOutput } from '../../../shared/contract'
import { provenanceNow } from '../../../shared/provenance'
import { checkInputs } from '../../../shared/wizard/verdictInputs'
import { factsOf } from './facts'
import { requestFor } from './request'
import type { WizardStore } from './wizardStore'

/**
 * The checks the admin runs in one request, outside the live-check runner: a SAML response captured in a browser
 * (paste mode), and whether one user was provisioned.
 */
export interface VerificationSlice {
  /** Checks a pasted SAML response and records the result with the values it was checked against. */
  checkPastedResponse(input: MethodInput<'sso.validateResponse'>): Promise<MethodOutput<'sso.validateResponse'>>
  /** Looks one user up in Dialpad (read-only); the answer is not saved. */
  findProvisionedUser(input: MethodInput<'scim.findUser'>): Promise<MethodOutput<'scim.findUser'>>
}

export const createVerificationSlice: StateCreator<WizardStore, [], [], VerificationSlice> = (_set, get) => {
  const request = requestFor(get)
  return {
    async checkPastedResponse(input) {
      // What this check is made against: the values now, not the ones when it ends.
      const against = provenanceNow(checkInputs('sso-login', 'pasted'), factsOf(get()), new Date())
      const checked = await request('sso.validateResponse', input)
      get().recordCheck('sso-login', checked.run, against, 'pasted')
      return checked
    },
    findProvisionedUser: (input) => request('scim.findUser', input),
  }
}
