import { EMPTY_IDP, EMPTY_PROVENANCE, EMPTY_SCIM, EMPTY_SSO } from './setupDefaults'
import type { SetupState } from './setupState'
import { WIZARD_STEPS } from './wizard/steps'

/** The setup of a new profile: nothing entered yet, on the first step. */
export function newSetup(): SetupState {
  const first = WIZARD_STEPS[0].id
  return {
    currentStepId: first,
    visitedStepIds: [first],
    domainInput: '',
    otherEmailDomains: [],
    env: 'production',
    checklist: {},
    idp: EMPTY_IDP,
    spCopiedToJumpCloud: null,
    scim: EMPTY_SCIM,
    sso: EMPTY_SSO,
    provenance: EMPTY_PROVENANCE,
  }
}
