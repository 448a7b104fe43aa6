import { displayText } from '../../../../shared/displayText'
import { useId } from 'react'
import type { ReportCertificate } from '../../../../shared/setupReport'
import { formatUtc } from '../formatDate'
import { daysToExpiryText } from '../../../../shared/plural'

/** The IdP certificate Dialpad checks every login against: who it is, how long it lasts, its fingerprints. */
export function ReportCertificateSection({ certificate }: { certificate: ReportCertificate | null }) {
  const headingId = useId()
  return (
    <section className="report__section report__card" aria-labelledby={headingId} data-testid="report-certificate">
      <h2 id={headingId}>IdP certificate</h2>
      {certificate === null ? (
        <p className="report__missing">
          No IdP certificate imported yet. Import JumpCloud’s IDP Certificate in “Bring the IdP values back from JumpCloud”.
        </p>
      ) : !certificate.readable ? (
        <p className="report__missing">{displayText(certificate.problem)}</p>
      ) : (
        <>
          {certificate.warnings.length > 0 ? (
            <ul className="report__cert-warnings" aria-label="Certificate warnings">
              {certificate.warnings.map((warning) => (
                <li key={warning}>
                  <strong>Warning:</strong> {displayText(warning)}
                </li>
              ))}
            </ul>
          ) : (
            <p>No problems found with this certificate.</p>
          )}
          <dl className="report__facts">
            <dt>Subject</dt>
            <dd>{displayText(certificate.subject)}</dd>
            <dt>Issuer</dt>
            <dd>{displayText(certificate.selfSigned ? `${certificate.issuer} (self-signed)` : certificate.issuer)}</dd>
            <dt>Serial number</dt>
            <dd>
              <code>{certificate.serialNumber}</code>
            </dd>
            <dt>Valid from</dt>
            <dd>{formatUtc(certificate.notBefore)}</dd>
            <dt>Valid until</dt>
            <dd>
              {formatUtc(certificate.notAfter)} (
              {daysToExpiryText(certificate.daysToExpiry, 'left')})
            </dd>
            <dt>Key</dt>
            <dd>{certificate.key}</dd>
            <dt>Signature algorithm</dt>
            <dd>{certificate.signatureAlgorithm}</dd>
            <dt>SHA-256 fingerprint</dt>
            <dd>
              <code>{certificate.sha256}</code>
            </dd>
            <dt>SHA-1 fingerprint</dt>
            <dd>
              <code>{certificate.sha1}</code>
            </dd>
          </dl>
        </>
      )}
    </section>
  )
}
