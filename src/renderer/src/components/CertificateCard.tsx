import { displayText } from '../../../shared/displayText'
import { useState } from 'react'
import type { CertificateReport } from '../../../shared/certificate'
import { CopyField } from './CopyField'
import { formatUtc } from './formatDate'
import { daysToExpiryText } from '../../../shared/plural'
import { Card } from './ui/Card'

export const DIALPAD_CERTIFICATE_FIELD = 'Dialpad → Admin Settings → My Company → Authentication → SAML → Certificate'

/** What the admin should know about the certificate before trusting it with every login. */
export function CertificateCard({ report }: { report: CertificateReport }) {
  const days = report.daysToExpiry
  return (
    <Card title="Certificate" testId="certificate-card">
      {report.warnings.length > 0 ? (
        <ul aria-label="Certificate warnings">
          {report.warnings.map((warning) => (
            <li key={warning.code} className="warning-text error-text">
              {displayText(warning.message)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="check-status check-status--pass">No problems found with this certificate.</p>
      )}
      <dl className="details">
        <dt>Subject</dt>
        <dd>{displayText(report.subject)}</dd>
        <dt>Issuer</dt>
        <dd>{displayText(report.selfSigned ? `${report.issuer} (self-signed, as JumpCloud's are)` : report.issuer)}</dd>
        <dt>Serial number</dt>
        <dd>
          <code>{report.serialNumber}</code>
        </dd>
        <dt>Valid from</dt>
        <dd>{formatUtc(report.notBefore)}</dd>
        <dt>Valid until</dt>
        <dd>
          {formatUtc(report.notAfter)} ({daysToExpiryText(days)})
        </dd>
        <dt>Key</dt>
        <dd>{report.keyDescription}</dd>
        <dt>Signature algorithm</dt>
        <dd>{report.signatureAlgorithm}</dd>
        <dt>SHA-256 fingerprint</dt>
        <dd>
          <code>{report.sha256}</code>
        </dd>
        <dt>SHA-1 fingerprint</dt>
        <dd>
          <code>{report.sha1}</code>
        </dd>
      </dl>
    </Card>
  )
}

/** The body Dialpad wants: no BEGIN/END lines, 64-character lines, or one line on request. */
export function CertificateBodyField({ report }: { report: CertificateReport }) {
  const [singleLine, setSingleLine] = useState(false)
  return (
    <div>
      <CopyField
        label="Certificate"
        value={singleLine ? report.bodySingleLine : report.body}
        destination={DIALPAD_CERTIFICATE_FIELD}
        alsoShownAs="IDP Certificate"
        alsoShownIn="JumpCloud"
      />
      <label className="radio">
        <input type="checkbox" checked={singleLine} onChange={(event) => setSingleLine(event.target.checked)} />
        <span>Copy as a single line (without line breaks)</span>
      </label>
    </div>
  )
}
