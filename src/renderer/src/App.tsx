import { Suspense, lazy, useEffect } from 'react'
import { ProfileListScreen } from './components/profiles/ProfileListScreen'
import { WizardFrame } from './components/WizardFrame'
import { useWizard } from './store/wizardStore'
import { ConfirmHost } from './components/ui/askToConfirm'

// Views opened now and then load on first use, in their own chunks, so the window's first load stays small
// (the build prints its size). New views of that kind belong here too.
const ReportScreen = lazy(async () => ({ default: (await import('./components/report/ReportScreen')).ReportScreen }))

/** The window: the profile list (where the app opens), a profile's wizard, or a profile's setup report. */
export function App() {
  const screen = useWizard((s) => s.screen)
  const closeReport = useWizard((s) => s.closeReport)

  useEffect(() => {
    const { refreshProfiles, takeOpenedBundle } = useWizard.getState()
    void refreshProfiles()
    // A bundle the OS asked the app to open, at start-up or while it was in the background.
    void takeOpenedBundle()
    const onFocus = () => void takeOpenedBundle()
    window.addEventListener('focus', onFocus)
    return () => window.removeEventListener('focus', onFocus)
  }, [])

  return (
    <>
      {screen.kind === 'wizard' ? (
        <WizardFrame />
      ) : screen.kind === 'report' ? (
        <Suspense fallback={null}>
          <ReportScreen profileId={screen.profileId} onClose={() => void closeReport()} />
        </Suspense>
      ) : (
        <ProfileListScreen />
      )}
      <ConfirmHost />
    </>
  )
}
