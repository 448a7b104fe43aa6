import { useMemo } from 'react'
import { type WizardFacts, wizardFacts } from '../../../shared/provenance'
import type { LiveCheckKind } from '../../../shared/liveCheck'
import { type SetupStatus, type Verdict, deriveSetupStatus, setupChecks } from '../../../shared/wizard/stepState'
import { useWizard } from '../store/wizardStore'

/** The open profile's facts, recomputed only when one of them changes. */
export function useWizardFacts(): WizardFacts {
  const currentStepId = useWizard((s) => s.currentStepId)
  const visitedStepIds = useWizard((s) => s.visitedStepIds)
  const domainInput = useWizard((s) => s.domainInput)
  const otherEmailDomains = useWizard((s) => s.otherEmailDomains)
  const env = useWizard((s) => s.env)
  const checklist = useWizard((s) => s.checklist)
  const idp = useWizard((s) => s.idp)
  const spCopiedToJumpCloud = useWizard((s) => s.spCopiedToJumpCloud)
  const scim = useWizard((s) => s.scim)
  const sso = useWizard((s) => s.sso)
  const provenance = useWizard((s) => s.provenance)
  const keyStatus = useWizard((s) => s.keyStatus)
  return useMemo(
    () => wizardFacts({ currentStepId, visitedStepIds, domainInput, otherEmailDomains, env, checklist, idp, spCopiedToJumpCloud, scim, sso, provenance }, keyStatus),
    [currentStepId, visitedStepIds, domainInput, otherEmailDomains, env, checklist, idp, spCopiedToJumpCloud, scim, sso, provenance, keyStatus],
  )
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
