import { useState } from 'react'
import { type FieldVerdict, checkIdpEntityId, checkIdpSsoUrl } from '../../../shared/idpValues'
import type { IdpState } from '../../../shared/setupState'
import { useWizard } from '../store/wizardStore'
import { Field, VERBATIM_TEXT_INPUT } from './ui/Field'
import { Card } from './ui/Card'

interface IdpInputProps {
  id: string
  label: string
  hint: string
  value: string
  verdict: FieldVerdict
  onChange(value: string): void
}

function IdpInput({ id, label, hint, value, verdict, onChange }: IdpInputProps) {
  // Judged once the admin has left the field, or for a value that arrived without typing (imported or restored).
  const [touched, setTouched] = useState(false)
  const [focused, setFocused] = useState(false)
  const judged = touched || (value !== '' && !focused)
  return (
    <Field id={id} label={label} help={hint} error={judged ? verdict.error : null} warnings={judged ? verdict.warnings : []}>
      {(control) => (
        <input
          {...control}
          {...VERBATIM_TEXT_INPUT}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false)
            setTouched(true)
          }}
        />
      )}
    </Field>
  )
}

/** The two IdP values as text, for admins who copy them by hand (or to check what the metadata filled in). */
export function IdpValueInputs() {
  const idp = useWizard((s) => s.idp)
  const updateIdp = useWizard((s) => s.updateIdp)
  const set = (field: keyof Pick<IdpState, 'entityIdInput' | 'ssoUrlInput'>) => (value: string) => updateIdp({ [field]: value })
  return (
    <Card title="IdP values">
      <p>Filled in by the metadata import, or copy them from the Dialpad app&apos;s SSO tab in JumpCloud.</p>
      <IdpInput
        id="idp-entity-id"
        label="IdP Entity ID"
        hint="JumpCloud: IdP Entity ID (often “JumpCloud”). Case-sensitive: Dialpad compares it letter for letter."
        value={idp.entityIdInput}
        verdict={checkIdpEntityId(idp.entityIdInput)}
        onChange={set('entityIdInput')}
      />
      <IdpInput
        id="idp-sso-url"
        label="IdP SSO URL"
        hint="JumpCloud: IDP URL, for example https://sso.jumpcloud.com/saml2/dialpad."
        value={idp.ssoUrlInput}
        verdict={checkIdpSsoUrl(idp.ssoUrlInput)}
        onChange={set('ssoUrlInput')}
      />
    </Card>
  )
}
