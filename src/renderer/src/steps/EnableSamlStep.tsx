import { ENABLE_SAML_IN_DIALPAD } from '../../../shared/wizard/checklists'
import { useState } from 'react'
import { consumerMailWarning } from '../../../shared/consumerMailDomains'
import { parseDomain, tidyDomainInput } from '../../../shared/domain'
import { DIALPAD_ENVIRONMENTS, ENVIRONMENT_IDS, type EnvironmentId } from '../../../shared/environments'
import { type LapsingVerdict, lapsedBy } from '../../../shared/wizard/stepState'
import { Checklist } from '../components/Checklist'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { LapsingVerdicts } from '../components/LapsingVerdicts'
import { useWizardFacts } from '../hooks/useSetupStatus'
import { ClickPath } from '../components/ClickPath'
import { ExternalLink } from '../components/ExternalLink'
import { OtherEmailDomains } from '../components/OtherEmailDomains'
import { SpValueFields } from '../components/SpValueFields'
import { Field, VERBATIM_TEXT_INPUT } from '../components/ui/Field'
import { useWizard } from '../store/wizardStore'
import { MY_COMPANY_RENAMED, PLAN_NAMES_CHANGE, SSO_PLANS } from '../../../shared/wizard/servicePlans'
import { Card } from '../components/ui/Card'

const DIALPAD_SAML_PATH = ['Admin Settings', 'My Company', 'Authentication', 'SAML', 'Choose your provider', 'Custom']

function normalized(text: string): string {
  const parsed = parseDomain(text)
  return parsed.ok ? parsed.domain : text.trim()
}

/** A domain or environment change that would make done work out of date, waiting for the admin's answer. */
type PendingChange = { kind: 'domain'; value: string; lapsing: LapsingVerdict[] } | { kind: 'env'; value: EnvironmentId; lapsing: LapsingVerdict[] }

export function EnableSamlStep() {
  const domainInput = useWizard((s) => s.domainInput)
  const env = useWizard((s) => s.env)
  const setDomainInput = useWizard((s) => s.setDomainInput)
  const setEnv = useWizard((s) => s.setEnv)
  const facts = useWizardFacts()
  // What the admin typed while it would undo done work: applied only once they confirm.
  const [draft, setDraft] = useState<string | null>(null)
  const [asking, setAsking] = useState<PendingChange | null>(null)
  const shown = draft ?? domainInput
  const parsed = parseDomain(shown)
  const current = parseDomain(domainInput)
  // Judge the domain once the admin leaves the field (or comes back to a saved one), not on the first keystroke.
  const [judged, setJudged] = useState(() => domainInput.trim() !== '')
  const showError = judged && !parsed.ok && shown.trim() !== ''
  // What was removed from a pasted web address or "www." name, said while the field still holds the result.
  const [tidied, setTidied] = useState<{ domain: string; note: string } | null>(null)
  const tidyNote = tidied !== null && shown === tidied.domain ? tidied.note : null
  const consumer = parsed.ok ? consumerMailWarning(parsed.domain) : null

  const typeDomain = (value: string) => {
    // Only a change of a valid domain can undo work; the first domain (or a fix of an invalid one) goes straight in.
    if (!current.ok || lapsedBy(facts, { ...facts, domainInput: value }).length === 0) {
      setDomainInput(value)
      setDraft(null)
    } else {
      setDraft(value)
    }
  }
  /** Leaving the field (or Enter) with a change that undoes work: ask. An invalid domain is never put over a valid one. */
  const reviewDraft = () => {
    setJudged(true)
    // A pasted web address or "www." name becomes the domain in it, with a note saying what was removed.
    const tidy = tidyDomainInput(shown)
    let pending = draft
    if (tidy.note !== null) {
      setTidied({ domain: tidy.text, note: tidy.note })
      typeDomain(tidy.text)
      pending = !current.ok || lapsedBy(facts, { ...facts, domainInput: tidy.text }).length === 0 ? null : tidy.text
    }
    if (pending === null || !parseDomain(pending).ok) return
    setAsking({ kind: 'domain', value: pending, lapsing: lapsedBy(facts, { ...facts, domainInput: pending }) })
  }
  const chooseEnv = (value: EnvironmentId) => {
    const lapsing = lapsedBy(facts, { ...facts, env: value })
    if (lapsing.length === 0) setEnv(value)
    else setAsking({ kind: 'env', value, lapsing })
  }
  const confirm = () => {
    if (asking?.kind === 'domain') {
      setDomainInput(asking.value)
      setDraft(null)
    } else if (asking?.kind === 'env') {
      setEnv(asking.value)
    }
    setAsking(null)
  }
  const keep = () => {
    if (asking?.kind === 'domain') setDraft(null)
    setAsking(null)
  }
  const was = current.ok ? current.domain : domainInput.trim() || 'no domain'
  const newDomain = asking?.kind === 'domain' ? normalized(asking.value) : ''

  return (
    <>
      <Card title="Who can use this" tone="note">
        <p>
          {SSO_PLANS} {PLAN_NAMES_CHANGE} You need Dialpad&apos;s Admin Settings to change SAML.
        </p>
      </Card>

      <Field
        id="company-domain"
        label="Company domain"
        help="The domain your users’ email addresses end with, exactly as Dialpad knows your company, for example example.com. A pasted web address is reduced to its domain."
        error={showError && !parsed.ok ? parsed.error : null}
        warnings={consumer ? [consumer] : []}
        notes={
          <>
            {tidyNote ? <p className="hint" data-testid="domain-tidied">{tidyNote}</p> : null}
            {parsed.ok && parsed.domain !== shown && !tidyNote ? <p className="hint">Dialpad will use: {parsed.domain}</p> : null}
            {draft !== null ? (
              <p className="warning-text">
                Not changed yet: steps done for {was} depend on the domain. Press Enter or leave the field to see what changes; Escape keeps {was}.
              </p>
            ) : null}
          </>
        }
      >
        {(control) => (
          <input
            {...control}
            {...VERBATIM_TEXT_INPUT}
            value={shown}
            onChange={(event) => typeDomain(event.target.value)}
            onBlur={reviewDraft}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                // Otherwise the same key press would also activate the dialog's focused button.
                event.preventDefault()
                reviewDraft()
              }
              if (event.key === 'Escape' && draft !== null) setDraft(null)
            }}
          />
        )}
      </Field>

      <OtherEmailDomains />

      <fieldset className="form-row">
        <legend>Dialpad environment</legend>
        {ENVIRONMENT_IDS.map((id) => (
          <label key={id} className="radio">
            <input type="radio" name="environment" value={id} checked={env === id} onChange={() => chooseEnv(id)} />
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
      <p className="hint">{MY_COMPANY_RENAMED}</p>
      <p>
        Dialpad then shows two Service Provider values for your domain. They must match the ones below, which you will
        paste into JumpCloud in the next part. Keep the Dialpad tab open: you will come back to it after JumpCloud.
      </p>

      <Card title="Service Provider values">
        <SpValueFields missingDomainHint="Enter your company domain above to see the values." />
      </Card>

      <Checklist section={ENABLE_SAML_IN_DIALPAD} />
      {asking ? (
        <ConfirmDialog
          title={asking.kind === 'domain' ? `Change the company domain to ${newDomain}?` : `Switch to Dialpad ${DIALPAD_ENVIRONMENTS[asking.value].label}?`}
          confirmLabel={asking.kind === 'domain' ? `Change to ${newDomain}` : `Switch to ${DIALPAD_ENVIRONMENTS[asking.value].label}`}
          cancelLabel={asking.kind === 'domain' ? `Keep ${was}` : `Keep ${DIALPAD_ENVIRONMENTS[env].label}`}
          onConfirm={confirm}
          onCancel={keep}
        >
          <p>
            {asking.kind === 'domain'
              ? `These were done for ${was} and will be out of date until you do them again for ${newDomain}:`
              : `These were done for Dialpad ${DIALPAD_ENVIRONMENTS[env].label} and will be out of date until you do them again for ${DIALPAD_ENVIRONMENTS[asking.value].label}:`}
          </p>
          <LapsingVerdicts lapsing={asking.lapsing} />
          <p className="hint">Nothing is deleted: changing it back makes them count again.</p>
        </ConfirmDialog>
      ) : null}
    </>
  )
}

