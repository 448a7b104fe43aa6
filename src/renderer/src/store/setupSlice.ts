import type { StateCreator } from 'zustand'
import type { EnvironmentId } from '../../../shared/environments'
import type { WizardStore } from './wizardStore'

export interface SetupSlice {
  domainInput: string
  env: EnvironmentId
  checklist: Record<string, boolean>
  setDomainInput(value: string): void
  setEnv(env: EnvironmentId): void
  setChecked(itemId: string, checked: boolean): void
}

export const createSetupSlice: StateCreator<WizardStore, [], [], SetupSlice> = (set) => ({
  domainInput: '',
  env: 'production',
  checklist: {},
  setDomainInput: (domainInput) => set({ domainInput }),
  setEnv: (env) => set({ env }),
  setChecked: (itemId, checked) => set((state) => ({ checklist: { ...state.checklist, [itemId]: checked } })),
})
