import { parseArgs } from 'node:util'
import { oneLine, safeJson } from '../../shared/displayText'
import { parseDomain } from '../../shared/domain'
import { DIALPAD_ENVIRONMENTS } from '../../shared/environments'
import { checkIdpEntityId } from '../../shared/idpValues'
import { ASSERTION_CLOCK_SKEW_MS, MAX_SAML_RESPONSE_BYTES, type SamlResponseSummary } from '../../shared/ssoResponse'
import { deriveSpValues } from '../../shared/spValues'
import { importCertificate } from '../../core/saml/certificateImport'
import { validateSamlResponse } from '../../core/sso/response/validateSamlResponse'
import { checkRunText } from '../checkRunText'
import { type ReadLimit, readInputFile } from '../inputFile'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, UsageError } from '../io'
import { runSsoMetadata, SSO_METADATA_USAGE } from './ssoMetadata'
import { chooseOneCertificateText } from '../certificateChoice'
import { CERTIFICATE_INPUT } from './cert'
import { envOption } from '../envOption'

/** A captured SAMLResponse is a few KiB to a few tens of KiB. */
const RESPONSE_INPUT: ReadLimit = {
  maxBytes: MAX_SAML_RESPONSE_BYTES,
  what: 'a SAML response',
  hint: 'A SAML response is a few KiB: check you saved only the SAMLResponse value (not a whole HAR file or page).',
}

export const SSO_VALIDATE_USAGE =
  'sso validate --response <file|-> --idp-cert <file> --domain <domain> [--email-domain <domain>]... [--env production|sandbox] [--idp-entity-id <id>] [--request-id <id>] [--now <ISO time>] [--json]'
export { SSO_METADATA_USAGE }

const SUBCOMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  validate: runSsoValidate,
  metadata: runSsoMetadata,
}

/** `sso validate …` and `sso metadata …`. */
export async function runSso(args: string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args
  const run = subcommand === undefined ? undefined : SUBCOMMANDS[subcommand]
  if (!run) {
    throw new UsageError(
      subcommand === undefined ? 'sso needs a subcommand: validate or metadata.' : `Unknown sso subcommand "${oneLine(subcommand, 60)}"; use validate or metadata.`,
    )
  }
  return run(rest, io)
}

/**
 * Validates a SAML response captured in a browser (base64 as posted, or XML) with the checks SAML 2.0 asks of a service provider such as Dialpad, against the IdP
 * certificate the admin has, and prints each check with its fix. Exit 0 when every check passes (warnings included),
 * 1 when one fails, 2 for a command line it cannot understand. --json prints the CheckRun.
 */
export async function runSsoValidate(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      response: { type: 'string' },
      'idp-cert': { type: 'string' },
      domain: { type: 'string' },
      'email-domain': { type: 'string', multiple: true, default: [] },
      env: { type: 'string', default: 'production' },
      'idp-entity-id': { type: 'string' },
      'request-id': { type: 'string' },
      now: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  })
  const example = 'for example: sso validate --response saml-response.txt --idp-cert jumpcloud.pem --domain example.com'
  if (values.response === undefined) throw new UsageError(`sso validate needs --response, the captured SAMLResponse (base64 or XML), ${example}`)
  if (values['idp-cert'] === undefined) throw new UsageError(`sso validate needs --idp-cert, JumpCloud’s IDP Certificate (PEM or DER), ${example}`)
  if (values.domain === undefined) throw new UsageError(`sso validate needs --domain, your company domain, ${example}`)
  const env = envOption(values.env)
  const now = values.now === undefined ? new Date() : parseNow(values.now)
  if (values.response === '-' && values['idp-cert'] === '-') throw new UsageError('Only one of --response and --idp-cert can read standard input ("-").')

  const domain = parseDomain(values.domain)
  if (!domain.ok) {
    io.stderr(`Invalid domain "${oneLine(values.domain, 80)}": ${domain.error}\n`)
    return EXIT_INVALID_INPUT
  }
  // The company's other email domains (Dialpad secondary domains): addresses there pass the NameID and email checks.
  const otherEmailDomains: string[] = []
  for (const text of values['email-domain']) {
    const other = parseDomain(text)
    if (!other.ok) {
      io.stderr(`Invalid --email-domain "${oneLine(text, 80)}": ${other.error}\n`)
      return EXIT_INVALID_INPUT
    }
    otherEmailDomains.push(other.domain)
  }
  // The same rules as the wizard's IdP Entity ID field, for the value given here.
  const entityId = values['idp-entity-id'] === undefined ? null : checkIdpEntityId(values['idp-entity-id'])
  if (entityId?.error) {
    io.stderr(`Invalid --idp-entity-id: ${entityId.error}\n`)
    return EXIT_INVALID_INPUT
  }
  for (const warning of entityId?.warnings ?? []) io.stderr(`Warning: ${warning}\n`)
  const certificatePath = values['idp-cert']
  const imported = importCertificate({ bytes: await readInputFile(certificatePath, CERTIFICATE_INPUT, io), fileName: certificatePath }, now)
  if (imported.kind === 'choose') {
    io.stderr(chooseOneCertificateText(certificatePath, imported))
    return EXIT_INVALID_INPUT
  }
  const responseBytes = await readInputFile(values.response, RESPONSE_INPUT, io)
  const sp = deriveSpValues(domain.domain, env)
  const { run, summary } = await validateSamlResponse(
    { bytes: responseBytes },
    {
      spEntityId: sp.spEntityId,
      acsUrl: sp.acsUrl,
      companyDomain: domain.domain,
      otherEmailDomains,
      idpEntityId: entityId?.value ?? null,
      idpCertificate: imported.certificate.bodySingleLine,
      requestId: values['request-id'] ?? null,
    },
    { now },
  )
  if (values.json) {
    io.stdout(`${safeJson(run)}\n`)
  } else {
    const environment = DIALPAD_ENVIRONMENTS[sp.env]
    const also = otherEmailDomains.length > 0 ? `; also accepting addresses in ${otherEmailDomains.join(', ')}` : ''
    const heading = [
      `SAML response check for ${sp.domain} (${environment.label})${also}, with the SAML 2.0 service-provider checks at ${now.toISOString()}`,
      `(clocks may differ by up to ${ASSERTION_CLOCK_SKEW_MS / 60_000} minutes; --now checks an older response at the time it was captured)`,
    ].join('\n')
    io.stdout(checkRunText(heading, run))
    if (summary) io.stdout(`${summaryText(summary).join('\n')}\n`)
  }
  return run.ok ? EXIT_OK : EXIT_INVALID_INPUT
}

function parseNow(value: string): Date {
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : Number.NaN
  if (Number.isNaN(time)) throw new UsageError(`--now must be an ISO 8601 time with a time zone, for example 2026-03-02T10:00:00Z (got "${oneLine(value, 60)}").`)
  return new Date(time)
}

/** The decoded response as a readable list, saying whether a signature vouches for it. Every value stays on its row. */
function summaryText(summary: SamlResponseSummary): string[] {
  const row = (name: string, value: string | null | undefined) => (value ? [`  ${name.padEnd(28)}${oneLine(value)}`] : [])
  const signatures = summary.signatures.map(
    (signature) =>
      `${signature.element === 'response' ? 'Response' : 'Assertion'}: ${[signature.signatureAlgorithm, signature.digestAlgorithm].filter(Boolean).join(' / ')}${signature.verified ? ' (verified)' : ' (does not verify)'}`,
  )
  const status = [summary.status.code, summary.status.subCode].filter(Boolean).join(' / ')
  return [
    summary.verified
      ? 'Decoded response (the assertion values are the ones the signature covers):'
      : 'Decoded response (NOT verified: no signature vouches for these values, read them as claims only):',
    ...row('Status', summary.status.message ? `${status}: ${summary.status.message}` : status),
    ...row('Signature', signatures.join('; ') || 'none'),
    ...row('Issuer', summary.issuer ?? summary.responseIssuer),
    ...row('NameID', summary.nameId),
    ...row('NameID format', summary.nameIdFormat),
    ...row('Audience', summary.audiences.join(', ')),
    ...row('Destination', summary.destination),
    ...row('Recipient', summary.subjectConfirmation.recipient),
    ...row('InResponseTo', summary.inResponseTo ?? summary.subjectConfirmation.inResponseTo),
    ...row('Valid from (NotBefore)', summary.conditions.notBefore),
    ...row('Valid until (NotOnOrAfter)', summary.conditions.notOnOrAfter ?? summary.subjectConfirmation.notOnOrAfter),
    ...row('Signed in at (AuthnInstant)', summary.authnInstant),
    ...row('Session index', summary.sessionIndex),
    ...(summary.attributes.length > 0 ? ['  Attributes:'] : ['  Attributes: none']),
    ...summary.attributes.map(
      (attribute) =>
        `    ${oneLine(attribute.name)}${attribute.friendlyName ? ` (${oneLine(attribute.friendlyName)})` : ''} = ${attribute.values.map((value) => oneLine(value)).join(', ')}`,
    ),
    ...(summary.truncated ? ['  (The response holds more than is shown here.)'] : []),
    '',
  ]
}
