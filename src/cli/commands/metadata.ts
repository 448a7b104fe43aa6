import { parseArgs } from 'node:util'
import { oneLine, safeJson } from '../../shared/displayText'
import { enteredValueNotes, type ValueNote } from '../../shared/idpValues'
import { MAX_METADATA_BYTES } from '../../shared/metadataImport'
import { shownPath } from '../../core/files/boundedRead'
import { importIdpMetadata } from '../../core/saml/metadataImport'
import { decodeXmlBytes } from '../../core/xml/safeXml'
import { certificateJson, certificateSummary } from '../certificateJson'
import { type ReadLimit, readInputFile } from '../inputFile'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, UsageError } from '../io'

export const METADATA_USAGE = 'metadata <file|-> [--json]'

/** Twice the limit: a UTF-16 file takes two bytes a character. The size rule applies to the decoded text. */
const METADATA_INPUT: ReadLimit = {
  maxBytes: 2 * MAX_METADATA_BYTES,
  what: 'a metadata file',
  hint: "JumpCloud's metadata export is about 3 KiB: check you picked the right file (JumpCloud: the Dialpad app > SSO tab > Export Metadata).",
}

/**
 * Prints the three values Dialpad's SAML page needs, read from JumpCloud's "Export Metadata" file, judged by the same
 * rules as the wizard: a value the wizard refuses (a javascript: or http:// SSO URL, say) is marked as a problem and
 * the command exits 1; a warning is printed under its value.
 */
export async function runMetadata(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true, allowPositionals: true })
  if (positionals.length !== 1) throw new UsageError('metadata needs exactly one metadata file, for example: metadata JumpCloud-dialpad-metadata.xml')
  const [path] = positionals
  const xml = decodeXmlBytes(await readInputFile(path, METADATA_INPUT, io))
  const metadata = importIdpMetadata(path === '-' ? 'standard input' : shownPath(path), xml)
  const notes = enteredValueNotes({ entityIdInput: metadata.entityId, ssoUrlInput: metadata.ssoUrl })
  const ready = notes.every((note) => note.level !== 'error')
  if (values.json) {
    const json = {
      ready,
      idpEntityId: metadata.entityId,
      ssoUrl: metadata.ssoUrl,
      ssoBinding: metadata.ssoBinding,
      suggestedCertificateIndex: metadata.suggestedCertificateIndex,
      certificates: metadata.certificates.map(certificateJson),
      problems: notes,
    }
    io.stdout(`${safeJson(json)}\n`)
    return ready ? EXIT_OK : EXIT_INVALID_INPUT
  }
  const suggested = metadata.certificates[metadata.suggestedCertificateIndex]
  const others = metadata.certificates.filter((_, index) => index !== metadata.suggestedCertificateIndex)
  const notesFor = (field: ValueNote['field']) =>
    notes.filter((note) => note.field === field).map((note) => `    ${note.level === 'error' ? 'Problem' : 'Warning'}: ${oneLine(note.message)}`)
  io.stdout(
    [
      ready
        ? 'Paste into Dialpad: Admin Settings > My Company > Authentication > SAML'
        : 'Not ready for Dialpad: this metadata holds a value Dialpad must not be given (marked "Problem" below). Export the metadata from the Dialpad app in JumpCloud again, or enter the values by hand.',
      '',
      `IdP Entity ID (Issuer)  ${oneLine(metadata.entityId)}`,
      ...notesFor('IdP Entity ID'),
      `IdP SSO URL             ${oneLine(metadata.ssoUrl)}`,
      ...notesFor('IdP SSO URL'),
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
  return ready ? EXIT_OK : EXIT_INVALID_INPUT
}
