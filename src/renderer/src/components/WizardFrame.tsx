import { useEffect, useId, useRef, useState } from 'react'
import { useSetupStatus } from '../hooks/useSetupStatus'
import { STEPS } from '../steps/stepList'
import { useWizard } from '../store/wizardStore'
import { CompletionView } from './CompletionView'
import { ProfileNotesEditor } from './ProfileNotesEditor'
import { SaveIndicator } from './SaveIndicator'
import { StepList } from './StepList'

/** A step left before it was done: said once on the step the admin moved to. */
interface LeftUnfinished {
  onStepId: string
  text: string
}

/**
 * Header (the open profile, its report, back to the list), progress, step list, the current step (or the completion
 * view after the last one) and Back / Next. Next never refuses: leaving a step that is not done says what it still
 * needs, and the step list shows it for later.
 */
export function WizardFrame() {
  const showReport = useWizard((s) => s.showReport)
  const showProfileList = useWizard((s) => s.showProfileList)
  const profile = useWizard((s) => s.openProfile)
  const currentStepId = useWizard((s) => s.currentStepId)
  const showingSummary = useWizard((s) => s.showingSummary)
  const goTo = useWizard((s) => s.goTo)
  const showSummary = useWizard((s) => s.showSummary)
  const { steps, overview } = useSetupStatus()
  const index = Math.max(
    0,
    STEPS.findIndex((step) => step.id === currentStepId),
  )
  const step = STEPS[index]
  const state = steps[index]
  const [left, setLeft] = useState<LeftUnfinished | null>(null)
  const leftNote = !showingSummary && left?.onStepId === step.id ? left.text : ''
  const headingRef = useRef<HTMLHeadingElement>(null)
  const view = showingSummary ? 'summary' : step.id
  // Below about 1000 px the step list folds into a compact header with a menu (styles.css). The menu is open on the
  // view it was opened on: choosing a step (or Next, Back) closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null)
  const menuOpen = menuOpenOn === view
  const menuId = useId()
  const menuButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    // Opening a profile, a step or the summary starts at its top: the page scrolled back (the profile list's or the
    // last step's scroll position means nothing here), and focus on the heading for keyboard and screen-reader users.
    window.scrollTo(0, 0)
    headingRef.current?.focus({ preventScroll: true })
  }, [view])

  const next = () => {
    const following = STEPS[index + 1]
    const unfinished = state.state === 'not-started' || state.state === 'in-progress' || state.state === 'out-of-date'
    const text = unfinished ? `“${step.title}” is not done yet: ${state.note ?? step.incompleteHint} It stays in the step list for later.` : ''
    if (following) {
      setLeft(unfinished ? { onStepId: following.id, text } : null)
      goTo(following.id)
    } else {
      setLeft(null)
      showSummary()
    }
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
        <aside
          className="app__sidebar"
          data-menu-open={menuOpen ? 'true' : 'false'}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && menuOpen) {
              setMenuOpenOn(null)
              menuButton.current?.focus()
            }
          }}
        >
          <div className="step-menu__bar">
            <div className="step-menu__progress">
              <p className="progress-label" id="progress-label">
                {overview.done} of {overview.total} steps done
              </p>
              <progress className="progress" max={overview.total} value={overview.done} aria-labelledby="progress-label" />
              {overview.outOfDate.length > 0 || overview.waiting.length > 0 ? (
                <p className="progress-extra" data-testid="progress-extra">
                  {[
                    overview.outOfDate.length > 0 ? `${overview.outOfDate.length} out of date` : null,
                    overview.waiting.length > 0 ? `${overview.waiting.length} waiting` : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              ) : null}
            </div>
            {/* Shown only while the step list is folded (narrow windows): the current step, and the list as a menu. */}
            <button
              ref={menuButton}
              type="button"
              className="button step-menu__toggle"
              aria-expanded={menuOpen}
              aria-controls={menuId}
              onClick={() => setMenuOpenOn(menuOpen ? null : view)}
            >
              <span className="step-menu__current">{showingSummary ? 'Summary' : `${index + 1}. ${step.title}`}</span>
              <span className="step-menu__more">{menuOpen ? 'Hide steps' : 'All steps'}</span>
            </button>
          </div>
          <div id={menuId} className="step-menu__panel">
            <StepList steps={steps} currentId={showingSummary ? null : step.id} onSelect={goTo} onSummary={showSummary} />
            {profile ? <ProfileNotesEditor key={profile.id} /> : null}
          </div>
        </aside>
        <main className="app__main">
          <p className="step-counter">{showingSummary ? `All ${STEPS.length} steps` : `Step ${index + 1} of ${STEPS.length}`}</p>
          <h2 ref={headingRef} tabIndex={-1}>
            {showingSummary ? 'Summary' : step.title}
          </h2>
          <p className="left-note" role="status">
            {leftNote}
          </p>
          {showingSummary ? (
            <CompletionView steps={steps} overview={overview} onOpenStep={goTo} />
          ) : (
            <>
              {state.note && state.state !== 'done' ? <p className={`step-note step-note--${state.state}`}>{state.note}</p> : null}
              <div className="step-body">
                <StepComponent />
              </div>
            </>
          )}
          <div className="nav-buttons">
            <button
              type="button"
              className="button"
              onClick={() => (showingSummary ? goTo(step.id) : goTo(STEPS[index - 1].id))}
              disabled={!showingSummary && index === 0}
            >
              Back
            </button>
            {showingSummary ? null : (
              <button type="button" className="button button--primary button--next" onClick={next}>
                {index < STEPS.length - 1 ? 'Next' : 'Finish'}
              </button>
            )}
          </div>
        </main>
      </div>
    </div>
  )
}
