import { displayText } from '../../../../shared/displayText'
import { useEffect, useId, useRef, useState } from 'react'
import { DIALPAD_ENVIRONMENTS } from '../../../../shared/environments'
import type { ProfileSummary } from '../../../../shared/profile'
import { useWizard } from '../../store/wizardStore'
import { formatUtc } from '../formatDate'
import { DeleteProfileDialog } from './DeleteProfileDialog'
import { ExportBundleForm } from './ExportBundleForm'
import { RenameProfileForm } from './RenameProfileForm'
import { errorMessage } from '../../../../shared/errorMessage'
import { Alert } from '../ui/Alert'

type Mode = 'view' | 'rename' | 'export' | 'delete'

/**
 * What the progress bar does not say: the overall status when something is out of date, finished or verified;
 * otherwise only what is waiting or skipped (the count is already above it).
 */
function statusLine(status: ProfileSummary['status']): string {
  if (status.kind !== 'in-progress') return status.kind === 'not-started' ? '' : status.headline
  return [status.waiting > 0 ? `${status.waiting} waiting on someone else` : '', status.skipped > 0 ? `${status.skipped} skipped` : ''].filter(Boolean).join(' · ')
}

export interface ProfileListItemProps {
  profile: ProfileSummary
  /** Where focus goes once this profile is gone (deleted). */
  onDeleted(): void
  /** A rename or export form opened (true) or closed (false) in this card: its button is then the view's main action. */
  onFormOpen?(open: boolean): void
}

/** One profile: what it is for, how far it got, and what can be done with it. */
export function ProfileListItem({ profile, onDeleted, onFormOpen }: ProfileListItemProps) {
  const [mode, setMode] = useState<Mode>('view')
  const formOpen = mode === 'rename' || mode === 'export'
  useEffect(() => {
    if (!formOpen || !onFormOpen) return undefined
    onFormOpen(true)
    return () => onFormOpen(false)
  }, [formOpen, onFormOpen])
  const [error, setError] = useState('')
  const setListStatus = useWizard((s) => s.setListStatus)
  const openProfileInWizard = useWizard((s) => s.openProfileInWizard)
  const duplicateProfile = useWizard((s) => s.duplicateProfile)
  const showReport = useWizard((s) => s.showReport)
  const nameId = useId()
  const progressId = useId()
  const { done, total } = profile.progress
  const renameButton = useRef<HTMLButtonElement>(null)
  const exportButton = useRef<HTMLButtonElement>(null)
  const deleteButton = useRef<HTMLButtonElement>(null)

  /** Closes the form or dialog and puts focus back on the button that opened it. */
  const finish = (button: HTMLButtonElement | null) => {
    setMode('view')
    requestAnimationFrame(() => button?.focus())
  }

  const act = async (work: () => Promise<void>) => {
    setError('')
    try {
      await work()
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }
  const duplicate = () => act(() => duplicateProfile(profile))

  return (
    <li>
      <article className="profile-card" aria-labelledby={nameId}>
        <div className="profile-card__head">
          <h3 id={nameId}>{displayText(profile.name)}</h3>
          <p className="profile-card__meta">
            {profile.domain === null ? 'No company domain yet' : displayText(profile.domain)} · {DIALPAD_ENVIRONMENTS[profile.env].label} · Last modified {formatUtc(profile.modifiedAt)}
          </p>
        </div>
        <p className="progress-label" id={progressId}>
          {done} of {total} steps done
        </p>
        <progress className="progress" max={total} value={done} aria-labelledby={progressId} />
        {statusLine(profile.status) ? (
          <p className={`profile-card__status profile-card__status--${profile.status.kind}`} data-testid="profile-status">
            {statusLine(profile.status)}
          </p>
        ) : null}
        <div className="profile-card__actions">
          <button type="button" className="button" onClick={() => void act(() => openProfileInWizard(profile.id))}>
            Open
          </button>
          <button ref={renameButton} type="button" className="button" aria-expanded={mode === 'rename'} onClick={() => setMode(mode === 'rename' ? 'view' : 'rename')}>
            Rename
          </button>
          <button type="button" className="button" onClick={() => void duplicate()}>
            Duplicate
          </button>
          <button ref={exportButton} type="button" className="button" aria-expanded={mode === 'export'} onClick={() => setMode(mode === 'export' ? 'view' : 'export')}>
            Export bundle…
          </button>
          <button type="button" className="button" onClick={() => void showReport(profile.id)}>
            Setup report
          </button>
          <button ref={deleteButton} type="button" className="button" onClick={() => setMode('delete')}>
            Delete…
          </button>
        </div>
        {mode === 'rename' ? (
          <RenameProfileForm
            profile={profile}
            onDone={() => finish(renameButton.current)}
          />
        ) : null}
        {mode === 'export' ? (
          <ExportBundleForm
            profile={profile}
            onDone={(savedAs) => {
              finish(exportButton.current)
              if (savedAs) setListStatus(`Exported “${profile.name}” as ${savedAs}.`)
            }}
          />
        ) : null}
        {mode === 'delete' ? (
          <DeleteProfileDialog
            profile={profile}
            onDone={(deleted) => {
              if (!deleted) return finish(deleteButton.current)
              setMode('view')
              onDeleted()
            }}
          />
        ) : null}
        {error ? <Alert tone="error" message={error} /> : null}
      </article>
    </li>
  )
}
