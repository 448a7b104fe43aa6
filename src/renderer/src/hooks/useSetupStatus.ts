import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { type WizardFacts, wizardFacts } from '../../../shared/provenance'
import type { LiveCheckKind } from '../../../shared/liveCheck'
import { type SetupStatus, type Verdict, deriveSetupStatus, setupChecks } from '../../../shared/wizard/stepState'
import { snapshotOf } from '../store/persistenceSlice'
import { useWizard } from '../store/wizardStore'

/** The open profile's facts, recomputed only when one of them changes. */
export function useWizardFacts(): WizardFacts {
  // useShallow keeps the same setup object while every field is the same, so the memo below holds.
  const setup = useWizard(useShallow(snapshotOf))
  const keyStatus = useWizard((s) => s.keyStatus)
  return useMemo(() => wizardFacts(setup, keyStatus), [setup, keyStatus])
}

/** Every step's state and the overall status of the open profile (shared/wizard/stepState.ts). */
export function useSetupStatus(): SetupStatus {
  const facts = useWizardFacts()
  return useMemo(() => deriveSetupStatus(facts), [facts])
}

/** The saved result of one live check as derivation judges it (made, passed, current or out of date). */
export function useCheckVerdict(kind: LiveCheckKind): Verdict | undefined {
  const status = useSetupStatus()
  return setupChecks(status).find((verdict) => verdict.id === kind)
}
