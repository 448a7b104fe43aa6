import { parseArgs } from 'node:util'
import { APP_VERSION } from '../../core/bundle/appVersion'
import { exporterKeyOf, readBundle } from '../../core/bundle/bundleRead'
import { profileKeyStatus } from '../../core/profiles/profileKeys'
import { renderSetupReportHtml } from '../../core/report/reportHtml'
import { buildSetupReport } from '../../core/report/setupReport'
import { UserFacingError } from '../../core/userFacingError'
import { shownPath } from '../../core/files/boundedRead'
import { inputName, readInputFile } from '../inputFile'
import { type CliIo, EXIT_OK, UsageError } from '../io'
import { writeOutput } from '../outputFile'
import { BUNDLE_INPUT, cliProfiles } from './bundle'

export const REPORT_USAGE = 'report (--bundle <file|-> [--accept-digest-mismatch] | --profile <name> [--data-dir DIR]) --out <file.html>'

/** `report`: the printable setup report (one HTML file; print it to PDF from a browser) of a bundle or a profile. */
export async function runReport(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      bundle: { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string' },
      'accept-digest-mismatch': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  })
  if ((values.bundle === undefined) === (values.profile === undefined)) {
    throw new UsageError(`report needs either --bundle <file> or --profile <name>: ${REPORT_USAGE}`)
  }
  if (values.out === undefined) throw new UsageError(`report needs --out, the HTML file to write, for example --out setup-report.html: ${REPORT_USAGE}`)
  const now = new Date()

  let html: string
  if (values.bundle !== undefined) {
    const path = values.bundle
    const read = readBundle(await readInputFile(path, BUNDLE_INPUT, io), now)
    if (read.kind === 'rejected') throw new UserFacingError(`No report was made: ${inputName(path)} is not a valid configuration bundle. ${read.message}`)
    const digestMismatch = read.kind === 'digest-mismatch'
    if (digestMismatch && !values['accept-digest-mismatch']) {
      throw new UserFacingError(`No report was made. ${read.message} To report on it anyway (the report then says so), run again with --accept-digest-mismatch.`)
    }
    const { profile, exportedAt, appVersion, keyHint } = read.bundle
    html = renderSetupReportHtml(
      buildSetupReport(profile, {
        keyStatus: null,
        now,
        appVersion: APP_VERSION,
        bundle: { exportedAt, appVersion, keyHintLast4: keyHint?.last4 ?? null, digestMismatch, exporterKey: exporterKeyOf(read.bundle) ?? null },
      }),
    )
  } else {
    const { store, secrets } = cliProfiles(io, values['data-dir'])
    const profile = await store.requireByName(values.profile as string)
    html = renderSetupReportHtml(buildSetupReport(profile, { keyStatus: await profileKeyStatus({ store, secrets }, profile), now, appVersion: APP_VERSION }))
  }
  await writeOutput(values.out, html, { what: 'the setup report', example: 'setup-report.html' })
  io.stderr(`Wrote the setup report to ${shownPath(values.out)}. Open it in a browser and print it to PDF for your records; it contains no API key.\n`)
  return EXIT_OK
}
