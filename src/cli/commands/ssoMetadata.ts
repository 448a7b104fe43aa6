import { parseArgs } from 'node:util'
import { oneLine, safeJson } from '../../shared/displayText'
import { parseDomain } from '../../shared/domain'
import { DIALPAD_ENVIRONMENTS } from '../../shared/environments'
import { deriveSpValues } from '../../shared/spValues'
import { createHttpDispatcher } from '../../core/net/httpClient'
import { readCaFile } from '../../core/net/trust'
import { runDialpadMetadataCheck } from '../../core/sso/ssoServicesCheck'
import { spMetadataUrl } from '../../core/sso/spMetadataUrl'
import { checkRunText, progressLine } from '../checkRunText'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, UsageError } from '../io'
import { envOption } from '../envOption'

export const SSO_METADATA_USAGE = 'sso metadata --domain <d> [--env production|sandbox | --base-url <url>] [--ca FILE] [--json]'

/**
 * Check 1 from a terminal: Dialpad publishes SAML metadata for the domain with the SP Entity ID and ACS URL the
 * assistant shows, plus this computer's clock against Dialpad's. --env picks the values expected (default
 * production); --base-url only changes where the metadata is fetched from.
 */
export async function runSsoMetadata(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      domain: { type: 'string' },
      env: { type: 'string', default: 'production' },
      'base-url': { type: 'string' },
      ca: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  })
  if (values.domain === undefined) throw new UsageError('sso metadata needs --domain, the company domain set up in Dialpad, for example: sso metadata --domain example.com')
  const env = envOption(values.env)

  const parsed = parseDomain(values.domain)
  if (!parsed.ok) {
    io.stderr(`Invalid domain "${oneLine(values.domain, 80)}": ${parsed.error}\n`)
    return EXIT_INVALID_INPUT
  }
  // Read before any network work, so an unreadable file fails fast with its own message (exit 1).
  const extraCaPem = values.ca === undefined ? undefined : await readCaFile(values.ca)
  const sp = deriveSpValues(parsed.domain, env)
  const metadataBaseUrl = values['base-url']
  const address = spMetadataUrl(sp, metadataBaseUrl)
  const heading = `Dialpad SAML metadata check: ${sp.domain} (${DIALPAD_ENVIRONMENTS[sp.env].label})${address.ok ? `, ${oneLine(address.url.href, 300)}` : ''}`

  const dispatcher = createHttpDispatcher({ extraCaPem, env: io.env ?? process.env })
  const cancel = new AbortController()
  const stopWatching = io.onInterrupt?.(() => {
    io.stderr('\nCancelling...\n')
    cancel.abort()
  })
  try {
    const run = await runDialpadMetadataCheck({
      sp,
      metadataBaseUrl,
      dispatcher,
      signal: cancel.signal,
      onProgress: values.json ? undefined : (step, phase) => io.stderr(progressLine(step, phase)),
    })
    io.stdout(values.json ? `${safeJson(run)}\n` : checkRunText(heading, run))
    return run.ok ? EXIT_OK : EXIT_INVALID_INPUT
  } finally {
    stopWatching?.()
    await dispatcher.close().catch(() => undefined)
  }
}
