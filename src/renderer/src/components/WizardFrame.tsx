import { useEffect, useRef, useState } from 'react'
import { STEPS } from '../steps/stepList'
import { snapshotOf } from '../store/persistenceSlice'
import { useWizard } from '../store/wizardStore'
import { showProfileList, showReport } from '../profiles/session'
import { ProfileNotesEditor } from './ProfileNotesEditor'
import { SaveIndicator } from './SaveIndicator'
import { StepList } from './StepList'

/** Header (the open profile, its report, back to the list), progress, step list, the current step and Back / Next. */
export function WizardFrame() {
  const store = useWizard()
  const profile = store.openProfile
  const setup = { ...snapshotOf(store), apiKeyStored: store.keyStatus?.stored === true }
  const index = Math.max(
    0,
    STEPS.findIndex((step) => step.id === store.currentStepId),
  )
  const step = STEPS[index]
  const doneCount = STEPS.filter((s) => s.isComplete(setup)).length
  // Remembers which step the hint is about, so it disappears on any step change.
  const [blocked, setBlocked] = useState<{ stepId: string; hint: string } | null>(null)
  const blockedHint = blocked?.stepId === step.id ? blocked.hint : null
  const headingRef = useRef<HTMLHeadingElement>(null)
  const firstRender = useRef(true)

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    // Move focus to the new step so keyboard and screen-reader users start at its top.
    headingRef.current?.focus()
  }, [step.id])

  const goTo = (stepId: string) => store.goTo(stepId)
  const next = () => {
    if (!step.isComplete(setup)) {
      setBlocked({ stepId: step.id, hint: step.incompleteHint })
      return
    }
    const following = STEPS[index + 1]
    if (following) goTo(following.id)
  }
  const StepComponent = step.component

  return (
    <div className="app">
      <header className="app__header">
        <div className="app__title">
          <h1>Dialpad SSO Assistant</h1>
          {profile ? (
            <p className="app__profile">
              Profile: <strong>{profile.name}</strong>
            </p>
          ) : null}
        </div>
        <div className="app__actions">
          <SaveIndicator />
          {profile ? (
            <button type="button" className="button" onClick={() => void showReport(profile.id)}>
              Setup report
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => void showProfileList()}>
            All profiles
          </button>
        </div>
      </header>
      <div className="app__body">
        <aside className="app__sidebar">
          <p className="progress-label" id="progress-label">
            {doneCount} of {STEPS.length} steps done
          </p>
          <progress className="progress" max={STEPS.length} value={doneCount} aria-labelledby="progress-label" />
          <StepList
            steps={STEPS}
            currentId={step.id}
            visited={store.visitedStepIds}
            setup={setup}
            onSelect={goTo}
          />
          {profile ? <ProfileNotesEditor key={profile.id} /> : null}
        </aside>
        <main className="app__main">
          <p className="step-counter">
            Step {index + 1} of {STEPS.length}
          </p>
          <h2 ref={headingRef} tabIndex={-1}>
            {step.title}
          </h2>
          <StepComponent />
          <div className="nav-buttons">
            <button type="button" className="button" onClick={() => goTo(STEPS[index - 1].id)} disabled={index === 0}>
              Back
            </button>
            {index < STEPS.length - 1 ? (
              <button type="button" className="button button--primary" onClick={next}>
                Next
              </button>
            ) : null}
          </div>
          <p className="error-text" role="alert">
            {blockedHint ?? ''}
          </p>
        </main>
      </div>
    </div>
  )
}
