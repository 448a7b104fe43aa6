import { type WizardFacts, wizardFacts } from '../../../shared/provenance'
import { snapshotOf } from './persistenceSlice'
import type { WizardStore } from './wizardStore'

/** What derivation works from, as the store holds it now: the setup and which API key main says is stored. */
export function factsOf(state: WizardStore): WizardFacts {
  return wizardFacts(snapshotOf(state), state.keyStatus)
}
