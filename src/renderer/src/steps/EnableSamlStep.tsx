import { ENABLE_SAML_IN_DIALPAD } from '../../../shared/wizard/checklists'
import { useId, useState } from 'react'
import { parseDomain } from '../../../shared/domain'
import { DIALPAD_ENVIRONMENTS, ENVIRONMENT_IDS } from '../../../shared/environments'
import { Checklist } from '../components/Checklist'
import { ClickPath } from '../components/ClickPath'
import { ExternalLink } from '../components/ExternalLink'
import { OtherEmailDomains } from '../components/OtherEmailDomains'
import { SpValueFields } from '../components/SpValueFields'
import { useWizard } from '../store/wizardStore'

const DIALPAD_SAML_PATH = ['Admin Settings', 'My Company', 'Authentication', 'SAML', 'Choose your provider', 'Custom']

export function EnableSamlStep() {
  const domainInput = useWizard((s) => s.domainInput)
  const env = useWizard((s) => s.env)
  const setDomainInput = useWizard((s) => s.setDomainInput)
  const setEnv = useWizard((s) => s.setEnv)
  const parsed = parseDomain(domainInput)
  // Judge the domain once the admin leaves the field (or comes back to a saved one), not on the first keystroke.
  const [judged, setJudged] = useState(() => domainInput.trim() !== '')
  const showError = judged && !parsed.ok && domainInput.trim() !== ''
  const ids = { hint: useId(), error: useId(), normalized: useId() }
  const describedBy = [ids.hint, showError ? ids.error : ids.normalized].join(' ')

  return (
    <>
      <section className="note" aria-label="Who can use this">
        <h3>Who can use this</h3>
        <p>
          Dialpad&apos;s articles make JumpCloud SAML single sign-on available to Dialpad Connect, Dialpad Sell and
          Dialpad Support (earlier called Ai Voice, Ai Sales and Contact Center) on an <strong>Enterprise</strong> plan
          (a newer version says Premium), and JumpCloud SCIM provisioning also to Dialpad Connect on a Pro plan. Plan
          names change: if yours is not listed, ask Dialpad. Only a Dialpad Company Admin can change SAML settings.
        </p>
      </section>

      <div className="form-row">
        <label htmlFor="company-domain">Company domain</label>
        <p id={ids.hint} className="hint">
          The domain your users&apos; email addresses end with, exactly as Dialpad knows your company, for example
          example.com.
        </p>
        <input
          id="company-domain"
          className="text-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          value={domainInput}
          aria-invalid={showError}
          aria-describedby={describedBy}
          onChange={(event) => setDomainInput(event.target.value)}
          onBlur={() => setJudged(true)}
        />
        {showError ? (
          <p id={ids.error} className="error-text">
            {parsed.error}
          </p>
        ) : (
          <p id={ids.normalized} className="hint">
            {parsed.ok && parsed.domain !== domainInput ? `Dialpad will use: ${parsed.domain}` : ''}
          </p>
        )}
      </div>

      <OtherEmailDomains />

      <fieldset className="form-row">
        <legend>Dialpad environment</legend>
        {ENVIRONMENT_IDS.map((id) => (
          <label key={id} className="radio">
            <input type="radio" name="environment" value={id} checked={env === id} onChange={() => setEnv(id)} />
            <span>
              {DIALPAD_ENVIRONMENTS[id].label} ({DIALPAD_ENVIRONMENTS[id].host})
            </span>
          </label>
        ))}
      </fieldset>

      <h3>In Dialpad</h3>
      <p>
        Sign in to{' '}
        <ExternalLink href={`https://${DIALPAD_ENVIRONMENTS[env].host}/`}>{DIALPAD_ENVIRONMENTS[env].host}</ExternalLink> as a
        Company Admin and follow this path:
      </p>
      <ClickPath label="Dialpad click-path" parts={DIALPAD_SAML_PATH} />
      <p>
        Dialpad then shows two Service Provider values for your domain. They must match the ones below, which you will
        paste into JumpCloud in the next part. Keep the Dialpad tab open: you will come back to it after JumpCloud.
      </p>

      <section aria-labelledby="sp-values-heading" className="card">
        <h3 id="sp-values-heading">Service Provider values</h3>
        <SpValueFields missingDomainHint="Enter your company domain above to see the values." />
      </section>

      <Checklist section={ENABLE_SAML_IN_DIALPAD} />
    </>
  )
}

