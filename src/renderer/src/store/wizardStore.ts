import { create } from 'zustand'
import { type NavigationSlice, createNavigationSlice } from './navigationSlice'
import { type PersistenceSlice, createPersistenceSlice } from './persistenceSlice'
import { type SecretsSlice, createSecretsSlice } from './secretsSlice'
import { type SetupSlice, createSetupSlice } from './setupSlice'

export type WizardStore = NavigationSlice & SetupSlice & PersistenceSlice & SecretsSlice

export const useWizard = create<WizardStore>()((...args) => ({
  ...createNavigationSlice(...args),
  ...createSetupSlice(...args),
  ...createPersistenceSlice(...args),
  ...createSecretsSlice(...args),
}))
