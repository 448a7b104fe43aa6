import { parseArgs } from 'node:util'
import { MAX_CERTIFICATE_INPUT_BYTES } from '../../shared/certificate'
import { importCertificate } from '../../core/saml/certificateImport'
import { certificateJson, certificateSummary } from '../certificateJson'
import { readInputFile } from '../inputFile'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, UsageError } from '../io'
import { chooseOneCertificateText } from '../certificateChoice'

export const CERT_USAGE = 'cert <file|-> [--json]'

/**
 * Prints the certificate body Dialpad's Certificate field wants (no BEGIN/END lines, 64-character lines)
 * on stdout, and what the admin should know about the certificate on stderr; --json prints both as one object.
 */
export function runCert(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true, allowPositionals: true })
  if (positionals.length !== 1) throw new UsageError('cert needs exactly one certificate file (or "-" for standard input), for example: cert idp-certificate.pem')
  const [path] = positionals
  const result = importCertificate({ bytes: readInputFile(path, MAX_CERTIFICATE_INPUT_BYTES, io), fileName: path })
  if (result.kind === 'choose') {
    io.stderr(chooseOneCertificateText(path, result))
    return EXIT_INVALID_INPUT
  }
  const report = result.certificate
  if (values.json) {
    io.stdout(`${JSON.stringify(certificateJson(report), null, 2)}\n`)
    return EXIT_OK
  }
  io.stdout(`${report.body}\n`)
  io.stderr(`${certificateSummary(report).join('\n')}\nPaste the lines above into Dialpad: Admin Settings > My Company > Authentication > SAML > Certificate.\n`)
  return EXIT_OK
}
