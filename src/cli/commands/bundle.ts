import { homedir } from 'node:os'
import { parseArgs } from 'node:util'
import { MAX_BUNDLE_BYTES, type BundleSummary, type ProfileDifference } from '../../shared/bundle'
import { IMPORTED_WITHOUT_KEY } from '../../shared/bundleFile'
import { oneLine, safeJson } from '../../shared/displayText'
import { DIALPAD_ENVIRONMENTS } from '../../shared/environments'
import { APP_VERSION } from '../../core/bundle/appVersion'
import { bundleText, buildBundle } from '../../core/bundle/bundleExport'
import { applyBundleImport, importedContent, matchingProfiles } from '../../core/bundle/bundleImport'
import { readBundle } from '../../core/bundle/bundleRead'
import { summarizeBundle } from '../../core/bundle/bundleSummary'
import { profileDifferences } from '../../core/bundle/profileDiff'
import { defaultDataDir } from '../../core/dataDir'
import { shownPath } from '../../core/files/boundedRead'
import { profileKeyStatus } from '../../core/profiles/profileKeys'
import { ProfileStore } from '../../core/profiles/profileStore'
import { KEYCHAIN_SERVICE_NAME, type SecretStore, createSecretStore } from '../../core/secrets/keychain'
import { UserFacingError } from '../../core/userFacingError'
import { inputName, type ReadLimit, readInputFile } from '../inputFile'
import { writeOutput } from '../outputFile'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, UsageError } from '../io'

export const BUNDLE_VALIDATE_USAGE = 'bundle validate <file|-> [--json]'
export const BUNDLE_EXPORT_USAGE = 'bundle export --profile <name> --out <file> [--include-key-hint] [--data-dir DIR]'
export const BUNDLE_IMPORT_USAGE = 'bundle import <file|-> [--profile <name>] [--yes] [--accept-digest-mismatch] [--data-dir DIR]'

/** How much of a bundle file is read: a complete bundle is 10–50 KiB. */
export const BUNDLE_INPUT: ReadLimit = {
  maxBytes: MAX_BUNDLE_BYTES,
  what: 'a configuration bundle',
  hint: 'A bundle is usually under 100 KiB: choose a file ending in .dialpad-sso.json, made with Export in Dialpad SSO Assistant.',
}

/** `bundle validate | export | import`: configuration bundles, on the same profiles as the app. */
export async function runBundle(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  if (sub === 'validate') return runValidate(rest, io)
  if (sub === 'export') return runExport(rest, io)
  if (sub === 'import') return runImport(rest, io)
  throw new UsageError(sub === undefined ? 'bundle needs an action: validate, export or import.' : `Unknown bundle action "${oneLine(sub, 60)}": use validate, export or import.`)
}

export interface CliProfiles {
  store: ProfileStore
  secrets: SecretStore
}

/** The profiles the app works on (its data folder, or --data-dir), with the same keychain. */
export function cliProfiles(io: CliIo, dataDir: string | undefined): CliProfiles {
  const secrets = io.secretStore ?? createSecretStore({ serviceName: KEYCHAIN_SERVICE_NAME })
  const dir = dataDir ?? defaultDataDir({ platform: process.platform, env: io.env ?? process.env, home: homedir() })
  return { store: new ProfileStore({ dataDir: dir, secrets }), secrets }
}

function onePath(positionals: string[], usage: string): string {
  if (positionals.length !== 1) throw new UsageError(`Give exactly one bundle file (or "-" for standard input): ${usage}`)
  return positionals[0]
}

async function runValidate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true, allowPositionals: true })
  const path = onePath(positionals, BUNDLE_VALIDATE_USAGE)
  const name = inputName(path)
  const read = readBundle(await readInputFile(path, BUNDLE_INPUT, io))
  if (values.json) {
    const json =
      read.kind === 'valid'
        ? { valid: true, summary: summarizeBundle(read.bundle, read.certificate) }
        : read.kind === 'digest-mismatch'
          ? { valid: false, problem: 'digest-mismatch', message: read.message, summary: summarizeBundle(read.bundle, read.certificate) }
          : { valid: false, problem: read.problem, message: read.message }
    io.stdout(`${safeJson(json)}\n`)
    return read.kind === 'valid' ? EXIT_OK : EXIT_INVALID_INPUT
  }
  if (read.kind === 'rejected') {
    io.stderr(`${name} is not a valid configuration bundle. ${oneLine(read.message)}\n`)
    return EXIT_INVALID_INPUT
  }
  const summary = summarizeBundle(read.bundle, read.certificate)
  if (read.kind === 'digest-mismatch') {
    io.stdout(summaryText(summary))
    io.stderr(`${name}: ${oneLine(read.message)} "bundle import --accept-digest-mismatch" imports it anyway.\n`)
    return EXIT_INVALID_INPUT
  }
  io.stdout(`${name} is a valid configuration bundle (format ${read.bundle.formatVersion}, digest matches).\n${summaryText(summary)}`)
  return EXIT_OK
}

/** The bundle's summary as the terminal shows it. Everything in it comes from the file: each value stays on its line. */
export function summaryText(summary: BundleSummary): string {
  const lines = [
    `Profile       ${oneLine(summary.name)}`,
    `Domain        ${summary.domain === null ? '(not entered, or not valid)' : oneLine(summary.domain)} (${DIALPAD_ENVIRONMENTS[summary.env].label})`,
    `Exported      ${oneLine(summary.exportedAt)} by Dialpad SSO Assistant ${oneLine(summary.appVersion)}`,
    ...(summary.exportedOverview ? [`Exported as   ${oneLine(summary.exportedOverview.headline)}`] : []),
    `Once imported ${oneLine(summary.overview.headline)} (${IMPORTED_WITHOUT_KEY})`,
    ...summary.steps.filter((step) => step.note !== null).map((step) => `Step ${String(step.number).padEnd(9)}${oneLine(step.title, 200)}: ${oneLine(step.note ?? '')}`),
    `Certificate   ${summary.certificate ? oneLine(`${summary.certificate.subject}, valid until ${summary.certificate.notAfter}, SHA-256 ${summary.certificate.sha256}`) : '(none)'}`,
    ...summary.checks.map((check) => `Check         ${oneLine(check.title, 200)}: ${check.ok ? 'passed' : 'failed'} on ${oneLine(check.checkedAt, 100)}${check.note ? ` (${oneLine(check.note)})` : ''}`),
    ...(summary.keyHintLast4 ? [`Key hint      the API key ends in …${oneLine(summary.keyHintLast4)}`] : []),
    ...summary.problems.map((problem) => `Problem       ${oneLine(problem)}`),
    ...summary.warnings.map((warning) => `Warning       ${oneLine(warning)}`),
  ]
  return `${lines.join('\n')}\n`
}

async function runExport(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { profile: { type: 'string' }, out: { type: 'string' }, 'include-key-hint': { type: 'boolean', default: false }, 'data-dir': { type: 'string' } },
    strict: true,
    allowPositionals: false,
  })
  if (values.profile === undefined) throw new UsageError(`bundle export needs --profile, the name of the profile to export: ${BUNDLE_EXPORT_USAGE}`)
  if (values.out === undefined) throw new UsageError(`bundle export needs --out, the file to write, for example --out example.com.dialpad-sso.json: ${BUNDLE_EXPORT_USAGE}`)
  const { store, secrets } = cliProfiles(io, values['data-dir'])
  const profile = await store.requireByName(values.profile)
  const keyStatus = await profileKeyStatus({ store, secrets }, profile)
  const bundle = buildBundle(profile, { appVersion: APP_VERSION, now: new Date(), keyStatus, includeKeyHint: values['include-key-hint'] })
  await writeOutput(values.out, bundleText(bundle), { what: 'the bundle', example: 'example.com.dialpad-sso.json' })
  const hint = bundle.keyHint
    ? ` It includes the key hint (the API key ends in …${bundle.keyHint.last4}); never the key itself.`
    : values['include-key-hint']
      ? ' No API key is stored for this profile, so there is no key hint.'
      : ' It contains no part of the API key.'
  io.stderr(`Exported “${oneLine(profile.name)}” to ${shownPath(values.out)}.${hint}\n`)
  return EXIT_OK
}

async function runImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      profile: { type: 'string' },
      yes: { type: 'boolean', default: false },
      'accept-digest-mismatch': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  })
  const path = onePath(positionals, BUNDLE_IMPORT_USAGE)
  const name = inputName(path)
  const bytes = await readInputFile(path, BUNDLE_INPUT, io)
  const read = readBundle(bytes)
  if (read.kind === 'rejected') throw new UserFacingError(`${name} was not imported. ${read.message}`)
  if (read.kind === 'digest-mismatch' && !values['accept-digest-mismatch']) {
    throw new UserFacingError(`${name} was not imported. ${read.message} To import it anyway, run again with --accept-digest-mismatch.`)
  }
  if (read.kind === 'digest-mismatch') io.stderr(`Warning: ${read.message}\n`)
  // The wizard's rules on the bundle's values: an import never blocks on them (the step shows the same error later).
  for (const problem of summarizeBundle(read.bundle, read.certificate).problems) {
    io.stderr(`Problem in the bundle (the profile's step will show it until it is fixed): ${oneLine(problem)}\n`)
  }

  const { store } = cliProfiles(io, values['data-dir'])
  const { profiles } = await store.loadAll()
  const named = values.profile === undefined ? null : await store.findByName(values.profile)
  const existing = values.profile === undefined ? (matchingProfiles(profiles, read.bundle)[0] ?? null) : named
  const accept = { acceptDigestMismatch: values['accept-digest-mismatch'] }

  if (existing === null) {
    const { profile } = await applyBundleImport(store, bytes, { ...accept, target: { kind: 'new' }, name: values.profile })
    io.stderr(`Imported ${name} as the new profile “${oneLine(profile.name)}”.${keyAdvice(read.bundle.keyHint?.last4)}\n`)
    return EXIT_OK
  }

  const differences = profileDifferences(existing, importedContent(read.bundle, existing, profiles), new Date())
  if (differences.length === 0) {
    io.stderr(`The profile “${oneLine(existing.name)}” already holds exactly this setup; nothing was changed.\n`)
    return EXIT_OK
  }
  io.stdout(differenceText(existing.name, differences))
  if (!values.yes) {
    const why = values.profile === undefined ? ` The profile “${oneLine(existing.name)}” is for the same domain and environment.` : ''
    throw new UserFacingError(
      `${name} was not imported: it would replace the profile “${oneLine(existing.name)}” (differences above).${why} Run again with --yes to replace it, or with --profile "<new name>" to import it as a new profile.`,
    )
  }
  const { profile } = await applyBundleImport(store, bytes, { ...accept, target: { kind: 'replace', profileId: existing.id } })
  io.stderr(`Replaced the profile “${oneLine(profile.name)}” with ${name}. Its stored API key, if any, was kept.\n`)
  return EXIT_OK
}

function differenceText(name: string, differences: ProfileDifference[]): string {
  return `Importing would change the profile “${oneLine(name)}”:\n${differences.map((d) => `  ${oneLine(d.field, 200)}: ${oneLine(d.before)} → ${oneLine(d.after)}`).join('\n')}\n`
}

function keyAdvice(last4: string | undefined): string {
  const hint = last4 ? ` (the key used for it ends in …${oneLine(last4)})` : ''
  return ` Bundles never contain the API key: store it in the app's “Store the API key” step${hint}.`
}
