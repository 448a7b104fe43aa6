import { displayText } from '../../../../shared/displayText'
import { useEffect, useId, useRef } from 'react'
import { DIALPAD_ENVIRONMENTS } from '../../../../shared/environments'
import { newProfileChoiceLabel, refusalMessage, replaceChoiceLabel } from '../../profiles/importChoices'
import type { ImportFlow } from '../../store/bundleSlice'
import { useWizard } from '../../store/wizardStore'
import { BundleSummaryDetails } from './BundleSummaryDetails'
import { ProfileMatchDifferences } from './ProfileMatchDifferences'
import { Alert } from '../ui/Alert'

/**
 * A bundle on its way in: its summary, for each existing profile of the same customer the differences, then the
 * choices. An edited bundle (digest mismatch) shows its warning and the buttons say "anyway"; a refused one says why.
 */
export function ImportPanel({ flow }: { flow: Exclude<ImportFlow, { kind: 'idle' }> }) {
  const closeImport = useWizard((s) => s.closeImport)
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    // The panel appears after a drop or a file choice: take keyboard and screen-reader users to it.
    heading.current?.focus()
  }, [flow.kind])

  return (
    <section className="card import-panel" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        Import a configuration bundle
      </h3>
      {flow.fileName ? (
        <p className="hint">
          File: <code>{displayText(flow.fileName)}</code>
        </p>
      ) : null}
      {flow.kind === 'reading' ? <p role="status">Checking the bundle…</p> : null}
      {flow.kind === 'refused' ? (
        <>
          <Alert tone="error" message={refusalMessage(flow.message)} />
          <button type="button" className="button" onClick={closeImport}>
            Close
          </button>
        </>
      ) : null}
      {flow.kind === 'preview' ? <ImportChoices flow={flow} /> : null}
    </section>
  )
}

function ImportChoices({ flow }: { flow: Extract<ImportFlow, { kind: 'preview' }> }) {
  const applyImport = useWizard((s) => s.applyImport)
  const closeImport = useWizard((s) => s.closeImport)
  const { preview, busy } = flow
  const { summary } = preview
  return (
    <>
      {preview.kind === 'digest-mismatch' ? (
        <div className="import-panel__warning" role="alert">
          <p>
            <strong>Warning: this bundle was edited.</strong> {preview.warning === null ? null : displayText(preview.warning)}
          </p>
        </div>
      ) : null}
      <BundleSummaryDetails summary={summary} />
      {preview.matches.length === 0 ? (
        <p>
          No profile here is for {displayText(summary.domain ?? `“${summary.name}”`)} on {DIALPAD_ENVIRONMENTS[summary.env].label}: importing adds a new
          profile.
        </p>
      ) : (
        preview.matches.map((match) => (
          <ProfileMatchDifferences
            key={match.id}
            match={match}
            replaceLabel={replaceChoiceLabel(preview, match)}
            disabled={busy}
            onReplace={() => void applyImport({ kind: 'replace', profileId: match.id })}
          />
        ))
      )}
      <div className="import-panel__choices">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void applyImport({ kind: 'new' })}>
          {newProfileChoiceLabel(preview)}
        </button>
        <button type="button" className="button" disabled={busy} onClick={closeImport}>
          Cancel
        </button>
      </div>
      <p className="copy-field__status" role="status">
        {busy ? 'Importing…' : ''}
      </p>
      {flow.error ? <Alert tone="error" message={refusalMessage(flow.error)} /> : null}
    </>
  )
}
