import { parseArgs } from 'node:util'
import { MAX_CERTIFICATE_INPUT_BYTES } from '../../shared/certificate'
import { safeJson } from '../../shared/displayText'
import { importCertificate } from '../../core/saml/certificateImport'
import { certificateJson, certificateSummary } from '../certificateJson'
import { type ReadLimit, readInputFile } from '../inputFile'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, UsageError } from '../io'
import { chooseOneCertificateText } from '../certificateChoice'

export const CERT_USAGE = 'cert <file|-> [--json]'

/** How much of a certificate file is read: a real IdP certificate is 1–3 KiB. */
export const CERTIFICATE_INPUT: ReadLimit = {
  maxBytes: MAX_CERTIFICATE_INPUT_BYTES,
  what: 'a certificate',
  hint: 'An IdP certificate is 1–3 KiB: check you gave the right file (JumpCloud: the Dialpad app > SSO tab > IDP Certificate).',
}

/**
 * Prints the certificate body Dialpad's Certificate field wants (no BEGIN/END lines, 64-character lines)
 * on stdout, and what the admin should know about the certificate on stderr; --json prints both as one object.
 */
export async function runCert(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true, allowPositionals: true })
  if (positionals.length !== 1) throw new UsageError('cert needs exactly one certificate file (or "-" for standard input), for example: cert idp-certificate.pem')
  const [path] = positionals
  const result = importCertificate({ bytes: await readInputFile(path, CERTIFICATE_INPUT, io), fileName: path })
  if (result.kind === 'choose') {
    io.stderr(chooseOneCertificateText(path, result))
    return EXIT_INVALID_INPUT
  }
  const report = result.certificate
  if (values.json) {
    io.stdout(`${safeJson(certificateJson(report))}\n`)
    return EXIT_OK
  }
  io.stdout(`${report.body}\n`)
  io.stderr(`${certificateSummary(report).join('\n')}\nPaste the lines above into Dialpad: Admin Settings > My Company > Authentication > SAML > Certificate.\n`)
  return EXIT_OK
}
