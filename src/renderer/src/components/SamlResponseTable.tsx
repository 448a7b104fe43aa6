import { displayText } from '../../../shared/displayText'
import type { SamlResponseSummary } from '../../../shared/ssoResponse'
import { Card } from './ui/Card'

function Row({ name, value }: { name: string; value: string | null | undefined }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{value ? displayText(value) : '—'}</td>
    </tr>
  )
}

function signatureText(summary: SamlResponseSummary): string {
  if (summary.signatures.length === 0) return 'None'
  return summary.signatures
    .map((s) => `${s.element === 'response' ? 'Response' : 'Assertion'}: ${s.signatureAlgorithm ?? 'unknown'} / ${s.digestAlgorithm ?? 'unknown'}${s.verified ? ' (verified)' : ' (not verified)'}`)
    .join('; ')
}

/** The decoded SAML response, for support staff reading it with a customer: who, for whom, until when, signed how. */
export function SamlResponseTable({ summary }: { summary: SamlResponseSummary }) {
  const status = [summary.status.code, summary.status.subCode].filter(Boolean).join(' / ')
  return (
    <Card title="What the response says" className="saml-response" testId="saml-response-table">
      {!summary.verified ? (
        <p className="warning-text">
          No signature verified with the certificate in your setup, so nothing below is proven to come from JumpCloud.
        </p>
      ) : null}
      <table className="value-table">
        <tbody>
          <Row name="Status" value={summary.status.message ? `${status}: ${summary.status.message}` : status} />
          <Row name="Signature" value={signatureText(summary)} />
          <Row name="Issuer" value={summary.issuer ?? summary.responseIssuer} />
          <Row name="NameID" value={summary.nameId} />
          <Row name="NameID format" value={summary.nameIdFormat} />
          <Row name="Audience" value={summary.audiences.join(', ') || null} />
          <Row name="Destination" value={summary.destination} />
          <Row name="Recipient" value={summary.subjectConfirmation.recipient} />
          <Row name="InResponseTo" value={summary.inResponseTo ?? summary.subjectConfirmation.inResponseTo} />
          <Row name="Valid from (NotBefore)" value={summary.conditions.notBefore} />
          <Row name="Valid until (NotOnOrAfter)" value={summary.conditions.notOnOrAfter ?? summary.subjectConfirmation.notOnOrAfter} />
          <Row name="Signed in at (AuthnInstant)" value={summary.authnInstant} />
          <Row name="Issued at" value={summary.issueInstant} />
        </tbody>
      </table>
      <table className="value-table" aria-label="Attributes">
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">Values</th>
          </tr>
        </thead>
        <tbody>
          {summary.attributes.length === 0 ? (
            <tr>
              <td colSpan={2}>The response carries no attributes.</td>
            </tr>
          ) : (
            summary.attributes.map((attribute) => (
              <tr key={attribute.name}>
                <th scope="row">{displayText(attribute.friendlyName ? `${attribute.name} (${attribute.friendlyName})` : attribute.name)}</th>
                <td>{attribute.values.map((value) => displayText(value)).join(', ') || '(empty)'}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {summary.truncated ? <p className="hint">The response holds more attributes or values than are shown here.</p> : null}
    </Card>
  )
}
