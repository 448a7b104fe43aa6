import { useId, useState } from 'react'
import { parseDomain } from '../../../shared/domain'
import { MAX_OTHER_EMAIL_DOMAINS } from '../../../shared/limits'
import { useWizard } from '../store/wizardStore'
import { Alert } from './ui/Alert'
import { consumerMailWarning } from '../../../shared/consumerMailDomains'

/**
 * The company's other email domains (optional): a Dialpad company can have secondary domains, and users whose
 * address is there sign in too. The SSO login check accepts addresses in any of them.
 */
export function OtherEmailDomains() {
  const domainInput = useWizard((s) => s.domainInput)
  const domains = useWizard((s) => s.otherEmailDomains)
  const setDomains = useWizard((s) => s.setOtherEmailDomains)
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const ids = { hint: useId(), problem: useId(), input: useId() }
  const primary = parseDomain(domainInput)

  function add() {
    const parsed = parseDomain(text)
    if (!parsed.ok) return setProblem(parsed.error)
    if (primary.ok && parsed.domain === primary.domain) return setProblem(`${parsed.domain} is already the company domain above.`)
    if (domains.includes(parsed.domain)) return setProblem(`${parsed.domain} is already in the list.`)
    if (domains.length >= MAX_OTHER_EMAIL_DOMAINS) return setProblem(`The list holds at most ${MAX_OTHER_EMAIL_DOMAINS} domains.`)
    setDomains([...domains, parsed.domain])
    setText('')
    setProblem(null)
  }

  return (
    <div className="form-row">
      <label htmlFor={ids.input}>Other email domains (optional)</label>
      <p id={ids.hint} className="hint">
        If some of your users&apos; addresses end with another domain your Dialpad company has (a secondary domain, for
        example after a merger), add it here: the login check then accepts addresses there too.
      </p>
      {domains.length > 0 ? (
        <ul className="domain-list" aria-label="Other email domains">
          {domains.map((domain) => (
            <li key={domain}>
              <span>{domain}</span>{' '}
              {consumerMailWarning(domain) ? <span className="hint"> (a public email service: not a company domain)</span> : null}{' '}
              <button type="button" className="button" aria-label={`Remove ${domain}`} onClick={() => setDomains(domains.filter((d) => d !== domain))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="inline-form__row">
        <input
          id={ids.input}
          className="text-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          value={text}
          aria-invalid={problem !== null}
          aria-describedby={`${ids.hint}${problem ? ` ${ids.problem}` : ''}`}
          onChange={(event) => {
            setText(event.target.value)
            setProblem(null)
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              add()
            }
          }}
        />
        <button type="button" className="button" disabled={text.trim() === ''} onClick={add}>
          Add domain
        </button>
      </div>
      {problem ? <Alert id={ids.problem} tone="error" message={problem} /> : null}
    </div>
  )
}
