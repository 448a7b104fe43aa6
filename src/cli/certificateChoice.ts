import type { CertificateImportResult } from '../shared/certificate'
import { oneLine } from '../shared/displayText'
import { inputName } from './inputFile'

type Choice = Extract<CertificateImportResult, { kind: 'choose' }>

/** What `cert` and `sso validate` print when a file holds several certificates: which ones, and what to do. */
export function chooseOneCertificateText(path: string, choice: Choice): string {
  return [
    `${inputName(path)} holds ${choice.certificates.length} different certificates. Keep only the one JumpCloud signs with (its IDP Certificate) and run again:`,
    ...choice.certificates.map((c, i) => `  ${i + 1}. ${oneLine(c.subject, 200)}, valid until ${c.notAfter}, SHA-256 ${c.sha256}`),
    '',
  ].join('\n')
}
