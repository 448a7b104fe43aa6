import { type ReactNode, useId } from 'react'
import { Alert } from './Alert'

export interface FieldControlProps {
  id: string
  'aria-describedby': string
  'aria-invalid': boolean
}

/** For a value typed or pasted as it is (a domain, an ID, a URL): no autocomplete, spelling or capitalisation help. */
export const VERBATIM_TEXT_INPUT = { className: 'text-input', type: 'text', autoComplete: 'off', spellCheck: false, autoCapitalize: 'none' } as const

export interface FieldProps {
  label: ReactNode
  /** What to enter and where it comes from, always shown under the label. */
  help?: ReactNode
  /** Why the value cannot be used; the control is marked invalid while there is one. */
  error?: string | null
  /** Worth knowing, never blocking. */
  warnings?: readonly string[]
  /** Quiet notes under the control ("Dialpad will use: …", what was removed from a pasted address). */
  notes?: ReactNode
  /** The control (input, textarea), given its id, description and invalid state. */
  children(control: FieldControlProps): ReactNode
  id?: string
}

/**
 * One form field: label, help text, the control, then its error (an Alert that names the problem), warnings and
 * notes, all tied to the control for screen readers.
 */
export function Field({ label, help, error = null, warnings = [], notes, children, id }: FieldProps) {
  const generated = useId()
  const controlId = id ?? generated
  const ids = { help: useId(), messages: useId() }
  const describedBy = [help ? ids.help : null, ids.messages].filter(Boolean).join(' ')
  return (
    <div className="form-row field">
      <label htmlFor={controlId}>{label}</label>
      {help ? (
        <p id={ids.help} className="field__help">
          {help}
        </p>
      ) : null}
      {children({ id: controlId, 'aria-describedby': describedBy, 'aria-invalid': error !== null })}
      <div id={ids.messages}>
        {error !== null ? <Alert tone="error" message={error} /> : null}
        {warnings.map((warning) => (
          <Alert key={warning} tone="warning" message={warning} />
        ))}
        {notes}
      </div>
    </div>
  )
}
