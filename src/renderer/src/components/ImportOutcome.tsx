import { displayText } from '../../../shared/displayText'
import { errorMessage } from '../../../shared/errorMessage'

/** What the last import did: a confirmation read by screen readers, or a specific refusal. */
export type ImportOutcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; message: string } | { kind: 'refused'; message: string }

export function ImportOutcomeMessage({ outcome }: { outcome: ImportOutcome }) {
  if (outcome.kind === 'refused') {
    return (
      <p className="error-text" role="alert">
        {displayText(outcome.message)} Nothing was changed.
      </p>
    )
  }
  return (
    <p className="copy-field__status" role="status">
      {outcome.kind === 'busy' ? 'Reading…' : outcome.kind === 'done' ? displayText(outcome.message) : ''}
    </p>
  )
}

export function refusal(error: unknown): ImportOutcome {
  return { kind: 'refused', message: errorMessage(error) }
}
