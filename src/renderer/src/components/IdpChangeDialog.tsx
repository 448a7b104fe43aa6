import { Fragment, type ReactNode, useState } from 'react'
import { displayText } from '../../../shared/displayText'
import type { CertificateReport } from '../../../shared/certificate'
import type { IdpState } from '../../../shared/setupState'
import { type LapsingVerdict, lapsedBy } from '../../../shared/wizard/stepState'
import { useCertificateReport } from '../hooks/useCertificateReport'
import { useWizardFacts } from '../hooks/useSetupStatus'
import { useWizard } from '../store/wizardStore'
import { ConfirmDialog } from './ConfirmDialog'
import { formatUtc } from './formatDate'
import { LapsingVerdicts } from './LapsingVerdicts'
import { daysToExpiryText } from '../../../shared/plural'

interface Pending {
  change: Partial<IdpState>
  newCertificate: CertificateReport | null
  lapsing: LapsingVerdict[]
  onApplied(): void
  onKept(): void
}

export interface ProposeOptions {
  /** The new certificate's report, when the change brings one (its fingerprint and expiry are shown). */
  newCertificate?: CertificateReport | null
  onApplied?(): void
  onKept?(): void
}

/**
 * Changes to the IdP values that ask first: replacing the certificate always does (old and new fingerprints and
 * expiry dates side by side), and any other change does when it would make done work out of date. `propose` applies
 * a change that undoes nothing at once; `dialog` is rendered by the caller.
 */
export function useIdpChange(): { propose(change: Partial<IdpState>, options?: ProposeOptions): void; dialog: ReactNode } {
  const facts = useWizardFacts()
  const updateIdp = useWizard((s) => s.updateIdp)
  const [pending, setPending] = useState<Pending | null>(null)

  const propose = (change: Partial<IdpState>, options: ProposeOptions = {}) => {
    const lapsing = lapsedBy(facts, { ...facts, idp: { ...facts.idp, ...change } })
    const replacesCertificate = facts.idp.certificate !== null && change.certificate !== undefined && change.certificate !== facts.idp.certificate
    const onApplied = options.onApplied ?? (() => undefined)
    if (!replacesCertificate && lapsing.length === 0) {
      updateIdp(change)
      onApplied()
      return
    }
    setPending({ change, newCertificate: replacesCertificate ? (options.newCertificate ?? null) : null, lapsing, onApplied, onKept: options.onKept ?? (() => undefined) })
  }

  const dialog = pending ? (
    <IdpChangeConfirmation
      pending={pending}
      onConfirm={() => {
        updateIdp(pending.change)
        setPending(null)
        pending.onApplied()
      }}
      onCancel={() => {
        setPending(null)
        pending.onKept()
      }}
    />
  ) : null
  return { propose, dialog }
}

/** The typed IdP values a change replaces: label, value now, value after. */
function valueChanges(change: Partial<IdpState>, idp: IdpState) {
  return (
    [
      ['IdP Entity ID', idp.entityIdInput, change.entityIdInput],
      ['IdP SSO URL', idp.ssoUrlInput, change.ssoUrlInput],
    ] as const
  ).filter(([, before, after]) => after !== undefined && after !== before)
}

const changesOtherValues = (change: Partial<IdpState>, idp: IdpState) => valueChanges(change, idp).length > 0

/** The IdP values a change would replace, in words: each with what it is now and what it would be. */
function ValueChanges({ change }: { change: Partial<IdpState> }) {
  const idp = useWizard((s) => s.idp)
  const shown = (value: string) => (value.trim() === '' ? '(empty)' : displayText(value, { max: 300 }))
  const rows = valueChanges(change, idp)
  if (rows.length === 0) return null
  return (
    <dl className="details">
      {rows.map(([label, before, after]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>
            {shown(before)} → {shown(after ?? '')}
          </dd>
        </Fragment>
      ))}
    </dl>
  )
}

function IdpChangeConfirmation({ pending, onConfirm, onCancel }: { pending: Pending; onConfirm(): void; onCancel(): void }) {
  const idp = useWizard((s) => s.idp)
  const current = idp.certificate
  const old = useCertificateReport(current)
  const replacing = pending.change.certificate !== undefined && pending.change.certificate !== current
  if (!replacing) {
    return (
      <ConfirmDialog title="Change the IdP values?" confirmLabel="Change the IdP values" cancelLabel="Keep the current values" onConfirm={onConfirm} onCancel={onCancel}>
        <ValueChanges change={pending.change} />
        <p>These were done for the current IdP values and will be out of date until you do them again:</p>
        <LapsingVerdicts lapsing={pending.lapsing} />
        <p className="hint">Nothing is deleted: changing the values back makes them count again.</p>
      </ConfirmDialog>
    )
  }
  return (
    <ConfirmDialog title="Replace the IdP certificate?" confirmLabel="Replace the certificate" cancelLabel="Keep the current certificate" onConfirm={onConfirm} onCancel={onCancel}>
      <dl className="details certificate-swap">
        <dt>Current certificate</dt>
        <dd>{old.kind === 'ready' ? <CertificateLine report={old.report} /> : old.kind === 'error' ? old.message : 'Reading…'}</dd>
        <dt>New certificate</dt>
        <dd>{pending.newCertificate ? <CertificateLine report={pending.newCertificate} /> : 'Reading…'}</dd>
      </dl>
      <ValueChanges change={pending.change} />
      <p>
        Dialpad checks every login against the certificate in its SAML settings: after replacing it here, paste the new one
        into Dialpad’s Certificate field too.
      </p>
      <p>Out of date until you do them again with the new {changesOtherValues(pending.change, idp) ? 'values' : 'certificate'}:</p>
      <LapsingVerdicts lapsing={pending.lapsing} />
    </ConfirmDialog>
  )
}

function CertificateLine({ report }: { report: CertificateReport }) {
  return (
    <>
      {displayText(report.subject)}
      <br />
      SHA-256 <code>{report.sha256}</code>
      <br />
      Valid until {formatUtc(report.notAfter)} ({daysToExpiryText(report.daysToExpiry)})
    </>
  )
}
