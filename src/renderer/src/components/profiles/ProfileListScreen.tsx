import { useCallback, useRef, useState } from 'react'
import { searchProfiles } from '../../../../shared/profileSearch'
import { useWizard } from '../../store/wizardStore'
import { Alert } from '../ui/Alert'
import { ConnectionIndicator } from './ConnectionIndicator'
import { ImportBundleButton } from './ImportBundleButton'
import { ImportPanel } from './ImportPanel'
import { NewProfileForm } from './NewProfileForm'
import { ProfileListItem } from './ProfileListItem'
import { ProfileProblems } from './ProfileProblems'
import { ProfileSearch } from './ProfileSearch'

/** Where the app opens: every customer's setup, a new one, and bundles coming in. */
export function ProfileListScreen() {
  const state = useWizard((s) => s.profileList)
  const listStatus = useWizard((s) => s.listStatus)
  const importFlow = useWizard((s) => s.importFlow)
  const refreshProfiles = useWizard((s) => s.refreshProfiles)
  const [query, setQuery] = useState('')
  // How many cards have a rename or export form open: their button is then the view's main action, not Create profile.
  const [formsOpen, setFormsOpen] = useState(0)
  const countForm = useCallback((open: boolean) => setFormsOpen((count) => count + (open ? 1 : -1)), [])
  const heading = useRef<HTMLHeadingElement>(null)

  const profiles = state.kind === 'loaded' ? state.list.profiles : []
  const shown = searchProfiles(profiles, query)

  return (
    <div className="app">
      <header className="app__header">
        <h1>Dialpad SSO Assistant</h1>
        <ConnectionIndicator />
      </header>
      <main className="profiles">
        <h2 ref={heading} tabIndex={-1}>
          Setup profiles
        </h2>
        <p className="profiles__intro">
          One profile per customer setup. Each keeps its own values, progress, check results and API key (in this
          computer’s keychain).
        </p>
        {state.kind === 'loaded' ? <ProfileProblems problems={state.list.problems} /> : null}
        {importFlow.kind !== 'idle' ? <ImportPanel flow={importFlow} /> : null}
        <div className="profiles__toolbar">
          <NewProfileForm primary={importFlow.kind !== 'preview' && formsOpen === 0} />
          <ImportBundleButton />
        </div>
        <p className="profiles__status" role="status">
          {listStatus}
        </p>
        {state.kind === 'loading' ? <p>Loading profiles…</p> : null}
        {state.kind === 'error' ? (
          <Alert tone="error" message={state.message}>
            <button type="button" className="button" onClick={() => void refreshProfiles()}>
              Try again
            </button>
          </Alert>
        ) : null}
        {state.kind === 'loaded' && profiles.length === 0 ? (
          <p className="profiles__empty">No profiles yet. Create one for the customer you are setting up, or import a bundle.</p>
        ) : null}
        {profiles.length > 0 ? (
          <>
            <ProfileSearch query={query} onQuery={setQuery} shown={shown.length} total={profiles.length} />
            {shown.length === 0 ? <p>No profile matches “{query.trim()}”. Search by profile name or company domain.</p> : null}
            <ul className="profile-list" aria-label="Profiles">
              {shown.map((profile) => (
                <ProfileListItem key={profile.id} profile={profile} onDeleted={() => heading.current?.focus()} onFormOpen={countForm} />
              ))}
            </ul>
          </>
        ) : null}
      </main>
    </div>
  )
}
