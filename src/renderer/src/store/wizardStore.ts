import { create } from 'zustand'
import { type ImportSlice, createImportSlice } from './importSlice'
import { type LiveRunSlice, createLiveRunSlice } from './liveRunSlice'
import { type NavigationSlice, createNavigationSlice } from './navigationSlice'
import { type PersistenceSlice, createPersistenceSlice } from './persistenceSlice'
import { type ProfileListSlice, createProfileListSlice } from './profileListSlice'
import { type ScreenSlice, createScreenSlice } from './screenSlice'
import { type SecretsSlice, createSecretsSlice } from './secretsSlice'
import { type SetupSlice, createSetupSlice } from './setupSlice'

export type WizardStore = NavigationSlice & SetupSlice & PersistenceSlice & SecretsSlice & ScreenSlice & ProfileListSlice & ImportSlice & LiveRunSlice

export const useWizard = create<WizardStore>()((...args) => ({
  ...createNavigationSlice(...args),
  ...createSetupSlice(...args),
  ...createPersistenceSlice(...args),
  ...createSecretsSlice(...args),
  ...createScreenSlice(...args),
  ...createProfileListSlice(...args),
  ...createImportSlice(...args),
  ...createLiveRunSlice(...args),
}))
