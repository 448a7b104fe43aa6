import { useEffect, useState } from 'react'
import type { CertificateReport } from '../../../shared/certificate'
import { errorMessage } from '../../../shared/errorMessage'
import { useWizard } from '../store/wizardStore'

export type CertificateAnswer = { kind: 'none' } | { kind: 'ready'; report: CertificateReport } | { kind: 'error'; message: string }
type ReportsAnswer = { kind: 'none' } | { kind: 'ready'; reports: CertificateReport[] } | { kind: 'error'; message: string }

/** Core's descriptions of saved certificate bodies (dates and warnings recomputed for today); answers for older bodies are dropped. */
export function useCertificateReports(bodies: readonly string[]): ReportsAnswer {
  const key = JSON.stringify(bodies)
  const [answer, setAnswer] = useState<{ key: string; answer: ReportsAnswer } | null>(null)
  useEffect(() => {
    const wanted: string[] = JSON.parse(key)
    if (wanted.length === 0) return
    let current = true
    Promise.all(wanted.map((body) => useWizard.getState().describeCertificate(body)))
      .then((reports) => current && setAnswer({ key, answer: { kind: 'ready', reports } }))
      .catch((error: unknown) => current && setAnswer({ key, answer: { kind: 'error', message: errorMessage(error) } }))
    return () => {
      current = false
    }
  }, [key])
  return bodies.length > 0 && answer?.key === key ? answer.answer : { kind: 'none' }
}

export function useCertificateReport(body: string | null): CertificateAnswer {
  const answer = useCertificateReports(body === null ? [] : [body])
  return answer.kind === 'ready' ? { kind: 'ready', report: answer.reports[0] } : answer
}
