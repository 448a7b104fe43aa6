import { useEffect } from 'react'
import { ProfileListScreen } from './components/profiles/ProfileListScreen'
import { ReportScreen } from './components/report/ReportScreen'
import { WizardFrame } from './components/WizardFrame'
import { takeOpenedBundle } from './profiles/bundleImport'
import { closeReport, refreshProfiles } from './profiles/session'
import { useWizard } from './store/wizardStore'

/** The window: the profile list (where the app opens), a profile's wizard, or a profile's setup report. */
export function App() {
  const screen = useWizard((s) => s.screen)

  useEffect(() => {
    void refreshProfiles()
    // A bundle the OS asked the app to open, at start-up or while it was in the background.
    void takeOpenedBundle()
    const onFocus = () => void takeOpenedBundle()
    window.addEventListener('focus', onFocus)
    return () => window.removeEventListener('focus', onFocus)
  }, [])

  if (screen.kind === 'wizard') return <WizardFrame />
  if (screen.kind === 'report') return <ReportScreen profileId={screen.profileId} onClose={() => void closeReport()} />
  return <ProfileListScreen />
}
