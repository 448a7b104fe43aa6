import { create } from 'zustand'
import { type BundleSlice, createBundleSlice } from './bundleSlice'
import { type LiveRunSlice, createLiveRunSlice } from './liveRunSlice'
import { type NavigationSlice, createNavigationSlice } from './navigationSlice'
import { type PersistenceSlice, createPersistenceSlice } from './persistenceSlice'
import { type ProfileListSlice, createProfileListSlice } from './profileListSlice'
import { type ProfileSessionSlice, createProfileSessionSlice } from './profileSessionSlice'
import { type ReportSlice, createReportSlice } from './reportSlice'
import { type ScreenSlice, createScreenSlice } from './screenSlice'
import { type SecretsSlice, createSecretsSlice } from './secretsSlice'
import { type SetupSlice, createSetupSlice } from './setupSlice'
import { type ValuesSlice, createValuesSlice } from './valuesSlice'
import { type VerificationSlice, createVerificationSlice } from './verificationSlice'

/**
 * The window's memory and everything it does: one slice per concern, each with the actions the admin takes there.
 * Components read state and call actions; only actions call main (through request.ts).
 */
export type WizardStore = NavigationSlice &
  SetupSlice &
  PersistenceSlice &
  SecretsSlice &
  ScreenSlice &
  ProfileListSlice &
  ProfileSessionSlice &
  BundleSlice &
  ValuesSlice &
  VerificationSlice &
  ReportSlice &
  LiveRunSlice

export const useWizard = create<WizardStore>()((...args) => ({
  ...createNavigationSlice(...args),
  ...createSetupSlice(...args),
  ...createPersistenceSlice(...args),
  ...createSecretsSlice(...args),
  ...createScreenSlice(...args),
  ...createProfileListSlice(...args),
  ...createProfileSessionSlice(...args),
  ...createBundleSlice(...args),
  ...createValuesSlice(...args),
  ...createVerificationSlice(...args),
  ...createReportSlice(...args),
  ...createLiveRunSlice(...args),
}))
