import { useEffect, useState } from 'react'
import type { SpValues } from '../../../shared/contract'
import { parseDomain } from '../../../shared/domain'
import { errorMessage } from '../../../shared/errorMessage'
import { useWizard } from '../store/wizardStore'

export type Derived = { kind: 'none' } | { kind: 'ready'; values: SpValues } | { kind: 'error'; message: string }

/** Asks core for the SP values of a valid domain; answers for an older input are never shown. */
export function useSpValues(domainInput: string, env: SpValues['env']): Derived {
  const [answer, setAnswer] = useState<{ key: string; derived: Derived } | null>(null)
  const key = parseDomain(domainInput).ok ? JSON.stringify([domainInput, env]) : null
  useEffect(() => {
    if (key === null) return
    let current = true
    useWizard
      .getState()
      .deriveSpValues(domainInput, env)
      .then((values) => current && setAnswer({ key, derived: { kind: 'ready', values } }))
      .catch((error: unknown) => current && setAnswer({ key, derived: { kind: 'error', message: errorMessage(error) } }))
    return () => {
      current = false
    }
  }, [key, domainInput, env])
  return key !== null && answer?.key === key ? answer.derived : { kind: 'none' }
}

