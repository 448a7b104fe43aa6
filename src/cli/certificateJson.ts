import type { CertificateReport } from '../shared/certificate'
import { oneLine } from '../shared/displayText'
import { daysToExpiryText } from '../shared/plural'

/** The certificate as `cert --json` and `metadata --json` print it. */
export function certificateJson(report: CertificateReport) {
  return {
    body: report.body,
    bodySingleLine: report.bodySingleLine,
    sha256: report.sha256,
    sha1: report.sha1,
    subject: report.subject,
    issuer: report.issuer,
    serialNumber: report.serialNumber,
    notBefore: report.notBefore,
    notAfter: report.notAfter,
    daysToExpiry: report.daysToExpiry,
    key: report.keyDescription,
    signatureAlgorithm: report.signatureAlgorithm,
    warnings: report.warnings,
  }
}

/** A few readable lines about a certificate, for the terminal. Names come from the certificate: each stays on its line. */
export function certificateSummary(report: CertificateReport): string[] {
  return [
    `Subject       ${oneLine(report.subject)}`,
    `Issuer        ${oneLine(report.issuer)}`,
    `Valid         ${report.notBefore} to ${report.notAfter} (${daysToExpiryText(report.daysToExpiry, 'left')})`,
    `Key           ${oneLine(report.keyDescription)}, signed with ${oneLine(report.signatureAlgorithm)}`,
    `SHA-256       ${report.sha256}`,
    ...report.warnings.map((warning) => `Warning       ${oneLine(warning.message)}`),
  ]
}
