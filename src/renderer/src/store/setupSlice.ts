import type { StateCreator } from 'zustand'
import type { CheckRun } from '../../../shared/checkRun'
import type { EnvironmentId } from '../../../shared/environments'
import type { LiveCheckKind } from '../../../shared/liveCheck'
import { type Provenance, provenanceNow } from '../../../shared/provenance'
import { EMPTY_IDP, EMPTY_PROVENANCE, EMPTY_SCIM, EMPTY_SSO } from '../../../shared/setupDefaults'
import type { CopiedSpValues, IdpState, LoginCheckSource, ScimState, SetupProvenance, SsoState } from '../../../shared/setupState'
import { tickInputs } from '../../../shared/wizard/verdictInputs'
import { factsOf } from './facts'
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
  /** What each tick and saved check result was made against; changed only with the tick or result it belongs to. */
  provenance: SetupProvenance
  setDomainInput(value: string): void
  setEnv(env: EnvironmentId): void
  /** Ticks (recording what the tick is made against now) or unticks an item. */
  setChecked(itemId: string, checked: boolean): void
  /** Saves a check's latest result together with what it was run against (captured when it started). */
  recordCheck(kind: LiveCheckKind, run: CheckRun, madeAgainst: Provenance, source?: LoginCheckSource): void
  /** Merges accepted IdP values; callers only call it after core accepted them. */
  updateIdp(change: Partial<IdpState>): void
  setSpCopiedToJumpCloud(values: CopiedSpValues): void
}

/** Where each check's latest result lives in the setup. */
function withRun(state: WizardStore, kind: LiveCheckKind, run: CheckRun, source: LoginCheckSource): Partial<WizardStore> {
  switch (kind) {
    case 'scim-connection':
      return { scim: { ...state.scim, lastConnectionTest: run } }
    case 'scim-lifecycle':
      return { scim: { ...state.scim, lastLifecycleTest: run } }
    case 'sso-services':
      return { sso: { ...state.sso, lastServicesCheck: run } }
    case 'sso-login':
      return { sso: { ...state.sso, lastLoginCheck: { source, run } } }
  }
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
  provenance: EMPTY_PROVENANCE,
  setDomainInput: (domainInput) => set({ domainInput }),
  setEnv: (env) => set({ env }),
  setChecked: (itemId, checked) =>
    set((state) => {
      const { [itemId]: _previous, ...ticks } = state.provenance.ticks
      if (checked) ticks[itemId] = provenanceNow(tickInputs(itemId), factsOf(state), new Date())
      return { checklist: { ...state.checklist, [itemId]: checked }, provenance: { ...state.provenance, ticks } }
    }),
  recordCheck: (kind, run, madeAgainst, source = 'login-window') =>
    set((state) => ({
      ...withRun(state, kind, run, source),
      provenance: { ...state.provenance, checks: { ...state.provenance.checks, [kind]: madeAgainst } },
    })),
  updateIdp: (change) => set((state) => ({ idp: { ...state.idp, ...change } })),
  setSpCopiedToJumpCloud: (spCopiedToJumpCloud) => set({ spCopiedToJumpCloud }),
})
