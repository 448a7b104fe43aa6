import type { StateCreator } from 'zustand'
import type { EnvironmentId } from '../../../shared/environments'
import { EMPTY_IDP, EMPTY_SCIM, EMPTY_SSO } from '../../../shared/setupDefaults'
import type { CopiedSpValues, IdpState, ScimState, SsoState } from '../../../shared/setupState'
import type { WizardStore } from './wizardStore'

export interface SetupSlice {
  domainInput: string
  /** The company's other email domains, normalized (the company domain step adds and removes them). */
  otherEmailDomains: string[]
  setOtherEmailDomains(domains: string[]): void
  env: EnvironmentId
  checklist: Record<string, boolean>
  idp: IdpState
  spCopiedToJumpCloud: CopiedSpValues | null
  scim: ScimState
  updateScim(change: Partial<ScimState>): void
  sso: SsoState
  updateSso(change: Partial<SsoState>): void
  setDomainInput(value: string): void
  setEnv(env: EnvironmentId): void
  setChecked(itemId: string, checked: boolean): void
  /** Merges accepted IdP values; callers only call it after core accepted them. */
  updateIdp(change: Partial<IdpState>): void
  setSpCopiedToJumpCloud(values: CopiedSpValues): void
}

export const createSetupSlice: StateCreator<WizardStore, [], [], SetupSlice> = (set) => ({
  domainInput: '',
  otherEmailDomains: [],
  setOtherEmailDomains: (otherEmailDomains) => set({ otherEmailDomains }),
  env: 'production',
  checklist: {},
  idp: EMPTY_IDP,
  spCopiedToJumpCloud: null,
  scim: EMPTY_SCIM,
  updateScim: (change) => set((state) => ({ scim: { ...state.scim, ...change } })),
  sso: EMPTY_SSO,
  updateSso: (change) => set((state) => ({ sso: { ...state.sso, ...change } })),
  setDomainInput: (domainInput) => set({ domainInput }),
  setEnv: (env) => set({ env }),
  setChecked: (itemId, checked) => set((state) => ({ checklist: { ...state.checklist, [itemId]: checked } })),
  updateIdp: (change) => set((state) => ({ idp: { ...state.idp, ...change } })),
  setSpCopiedToJumpCloud: (spCopiedToJumpCloud) => set({ spCopiedToJumpCloud }),
})
