import { parseArgs } from 'node:util'
import { oneLine, safeJson } from '../../shared/displayText'
import { parseDomain } from '../../shared/domain'
import { DIALPAD_ENVIRONMENTS } from '../../shared/environments'
import { deriveSpValues } from '../../shared/spValues'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, UsageError } from '../io'
import { envOption } from '../envOption'

export const SP_USAGE = 'sp --domain <domain> [--env production|sandbox] [--json]'

/** Prints the SAML Service Provider values Dialpad uses for a domain, and where each goes in JumpCloud. */
export function runSp(args: string[], io: CliIo): number {
  const { values } = parseArgs({
    args,
    options: {
      domain: { type: 'string' },
      env: { type: 'string', default: 'production' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  })
  if (values.domain === undefined) throw new UsageError('sp needs --domain, for example: sp --domain example.com')
  const env = envOption(values.env)

  const parsed = parseDomain(values.domain)
  if (!parsed.ok) {
    io.stderr(`Invalid domain "${oneLine(values.domain, 80)}": ${parsed.error}\n`)
    return EXIT_INVALID_INPUT
  }
  const sp = deriveSpValues(parsed.domain, env)
  if (values.json) {
    io.stdout(`${safeJson(sp)}\n`)
    return EXIT_OK
  }
  const environment = DIALPAD_ENVIRONMENTS[sp.env]
  io.stdout(
    [
      `Dialpad SAML Service Provider values for ${sp.domain} (${environment.label}, ${environment.host})`,
      '',
      `SP Entity ID  ${sp.spEntityId}`,
      '              paste into JumpCloud: Dialpad app > SSO tab > SP Entity ID',
      `ACS URL       ${sp.acsUrl}`,
      '              paste into JumpCloud: Dialpad app > SSO tab > ACS URL (Dialpad shows it as "SP SSO Url (ACS)")',
      '',
    ].join('\n'),
  )
  return EXIT_OK
}
