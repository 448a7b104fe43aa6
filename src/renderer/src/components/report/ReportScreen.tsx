import { useEffect, useRef, useState } from 'react'
import type { SetupReport } from '../../../../shared/setupReport'
import { useWizard } from '../../store/wizardStore'
import { ReportBody } from './ReportBody'
import { type SaveState, ReportToolbar } from './ReportToolbar'
import { errorMessage } from '../../../../shared/errorMessage'
import { Alert } from '../ui/Alert'

type Loaded = { kind: 'loading' } | { kind: 'ready'; report: SetupReport } | { kind: 'error'; message: string }
const LOADING: Loaded = { kind: 'loading' }
const IDLE: SaveState = { kind: 'idle' }


/** A profile's setup report, readable on screen and printable (the print dialog offers "Save as PDF"). */
export function ReportScreen({ profileId, onClose }: { profileId: string; onClose(): void }) {
  // Each outcome remembers the profile it is for, so another profile never shows this one's report or status.
  const [outcome, setOutcome] = useState<{ profileId: string; loaded: Loaded } | null>(null)
  const [saveOutcome, setSaveOutcome] = useState<{ profileId: string; save: SaveState } | null>(null)
  const loaded = outcome?.profileId === profileId ? outcome.loaded : LOADING
  const save = saveOutcome?.profileId === profileId ? saveOutcome.save : IDLE
  const setSave = (state: SaveState) => setSaveOutcome({ profileId, save: state })
  const titleRef = useRef<HTMLHeadingElement>(null)
  const buildReport = useWizard((s) => s.buildReport)
  const saveReportHtml = useWizard((s) => s.saveReportHtml)

  useEffect(() => {
    let current = true
    buildReport(profileId).then(
      (report) => current && setOutcome({ profileId, loaded: { kind: 'ready', report } }),
      (error: unknown) => current && setOutcome({ profileId, loaded: { kind: 'error', message: errorMessage(error) } }),
    )
    return () => {
      current = false
    }
  }, [profileId, buildReport])

  const title = loaded.kind === 'ready' ? loaded.report.title : null
  useEffect(() => {
    if (title === null) return
    // The print dialog names the PDF after the document title.
    const previous = document.title
    document.title = title
    // Start keyboard and screen-reader users at the top of the report.
    titleRef.current?.focus()
    return () => {
      document.title = previous
    }
  }, [title])

  async function saveHtml() {
    setSave({ kind: 'saving' })
    try {
      setSave({ kind: 'saved', fileName: await saveReportHtml(profileId) })
    } catch (error) {
      setSave({ kind: 'error', message: errorMessage(error) })
    }
  }

  return (
    <div className="report-screen">
      <ReportToolbar ready={loaded.kind === 'ready'} save={save} onBack={onClose} onPrint={() => window.print()} onSaveHtml={saveHtml} />
      <main className="report">
        {loaded.kind === 'loading' ? (
          <p role="status" className="report__state">
            Preparing the setup report…
          </p>
        ) : loaded.kind === 'error' ? (
          <div className="report__state">
            <h1>The setup report could not be made</h1>
            <Alert tone="error" message={loaded.message} />
            <p>Use Back to return and try again.</p>
          </div>
        ) : (
          <ReportBody report={loaded.report} titleRef={titleRef} />
        )}
      </main>
    </div>
  )
}
