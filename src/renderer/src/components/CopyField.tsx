import { useEffect, useRef, useState } from 'react'
import { displayText } from '../../../shared/displayText'
import { useWizard } from '../store/wizardStore'
import { errorMessage } from '../../../shared/errorMessage'
import { Alert } from './ui/Alert'

const FEEDBACK_MS = 2500

/** Each outcome remembers the value it was for, so a changed value never shows a stale "Copied". */
type CopyState = { kind: 'idle' } | { kind: 'copied'; value: string } | { kind: 'error'; value: string; message: string }

export interface CopyFieldProps {
  label: string
  value: string
  /** Exactly where the admin pastes it, e.g. "JumpCloud → Dialpad app → SSO tab → ACS URL". */
  destination: string
  /** What the other console calls the same value, when it differs. */
  alsoShownAs?: string
  /** The console that uses the alsoShownAs name (Dialpad unless said otherwise). */
  alsoShownIn?: string
  /** Called after the value reached the clipboard. */
  onCopied?: () => void
}

/** A value the admin must paste into a console, with its destination and a copy button. */
export function CopyField({ label, value, destination, alsoShownAs, alsoShownIn = 'Dialpad', onCopied }: CopyFieldProps) {
  const copyValue = useWizard((s) => s.copyValue)
  const [outcome, setOutcome] = useState<CopyState>({ kind: 'idle' })
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const state: CopyState = outcome.kind !== 'idle' && outcome.value === value ? outcome : { kind: 'idle' }

  async function copy() {
    clearTimeout(timer.current)
    try {
      await copyValue(value)
      setOutcome({ kind: 'copied', value })
      onCopied?.()
      timer.current = setTimeout(() => setOutcome({ kind: 'idle' }), FEEDBACK_MS)
    } catch (error) {
      setOutcome({ kind: 'error', value, message: errorMessage(error) })
    }
  }

  return (
    <div className="copy-field">
      <div className="copy-field__label">{label}</div>
      <div className="copy-field__row">
        <code className={value.includes('\n') ? 'copy-field__value copy-field__value--block' : 'copy-field__value'}>{displayText(value, { multiline: true })}</code>
        <button type="button" className="button" onClick={copy} aria-label={`${state.kind === 'copied' ? 'Copied' : 'Copy'} ${label}`}>
          {state.kind === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="copy-field__where">
        Paste into: <strong>{destination}</strong>
        {alsoShownAs ? (
          <>
            {' '}
            · {alsoShownIn} calls it “{alsoShownAs}”
          </>
        ) : null}
      </p>
      <p className="copy-field__status" role="status">
        {state.kind === 'copied' ? `${label} copied to the clipboard.` : ''}
      </p>
      {state.kind === 'error' ? <Alert tone="error" message={state.message} /> : null}
    </div>
  )
}
