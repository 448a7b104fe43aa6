import { parseArgs } from 'node:util'
import { MAX_METADATA_BYTES } from '../../shared/metadataImport'
import { importIdpMetadata } from '../../core/saml/metadataImport'
import { decodeXmlBytes } from '../../core/xml/safeXml'
import { certificateJson, certificateSummary } from '../certificateJson'
import { readInputFile } from '../inputFile'
import { type CliIo, EXIT_OK, UsageError } from '../io'

export const METADATA_USAGE = 'metadata <file> [--json]'

/** Prints the three values Dialpad's SAML page needs, read from JumpCloud's "Export Metadata" file. */
export function runMetadata(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true, allowPositionals: true })
  if (positionals.length !== 1) throw new UsageError('metadata needs exactly one metadata file, for example: metadata JumpCloud-dialpad-metadata.xml')
  const [path] = positionals
  // Twice the limit: a UTF-16 file takes two bytes a character. The size rule applies to the decoded text.
  const xml = decodeXmlBytes(readInputFile(path, 2 * MAX_METADATA_BYTES, io))
  const metadata = importIdpMetadata(path, xml)
  if (values.json) {
    const json = {
      idpEntityId: metadata.entityId,
      ssoUrl: metadata.ssoUrl,
      ssoBinding: metadata.ssoBinding,
      suggestedCertificateIndex: metadata.suggestedCertificateIndex,
      certificates: metadata.certificates.map(certificateJson),
    }
    io.stdout(`${JSON.stringify(json, null, 2)}\n`)
    return EXIT_OK
  }
  const suggested = metadata.certificates[metadata.suggestedCertificateIndex]
  const others = metadata.certificates.filter((_, index) => index !== metadata.suggestedCertificateIndex)
  io.stdout(
    [
      'Paste into Dialpad: Admin Settings > My Company > Authentication > SAML',
      '',
      `IdP Entity ID (Issuer)  ${metadata.entityId}`,
      `IdP SSO URL             ${metadata.ssoUrl}`,
      'Certificate:',
      suggested.body,
      '',
      ...certificateSummary(suggested),
      ...(others.length > 0
        ? ['', `The file lists ${metadata.certificates.length} signing certificates; the one above is valid the longest. The others:`]
        : []),
      ...others.flatMap((other) => ['', ...certificateSummary(other), other.body]),
      '',
    ].join('\n'),
  )
  return EXIT_OK
}
