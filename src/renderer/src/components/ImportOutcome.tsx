import { errorMessage } from '../../../shared/errorMessage'
import { Alert } from './ui/Alert'

/** What the last import did: a confirmation read by screen readers, or a specific refusal. */
export type ImportOutcome = { kind: 'busy' } | { kind: 'done'; message: string } | { kind: 'kept'; message: string } | { kind: 'refused'; message: string }

export function ImportOutcomeMessage({ outcome }: { outcome: ImportOutcome | null }) {
  if (outcome === null) return null
  if (outcome.kind === 'busy') return <p className="copy-field__status" role="status">Reading…</p>
  if (outcome.kind === 'refused') return <Alert tone="error" message={outcome.message} suffix=" Nothing was changed." />
  return <Alert tone={outcome.kind === 'done' ? 'success' : 'info'} message={outcome.message} />
}

export function refusal(error: unknown): ImportOutcome {
  return { kind: 'refused', message: errorMessage(error) }
}
