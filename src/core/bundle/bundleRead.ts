import type { z } from 'zod'
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, Bundle, type BundleProblem, MAX_BUNDLE_BYTES } from '../../shared/bundle'
import type { CertificateReport } from '../../shared/certificate'
import { latestChecksOf } from '../../shared/latestChecks'
import type { KeyIdentity } from '../../shared/provenance'
import type { SetupState } from '../../shared/setupState'
import { WIZARD_STEPS } from '../../shared/wizard/steps'
import { deriveSetupStatus, progressOf } from '../../shared/wizard/stepState'
import { migrateSetup } from '../setup/setupMigrations'
import { CertificateRefusedError } from '../saml/certificateImport'
import { redactKnownSecrets, redactThenShorten } from '../secrets/redact'
import { bundleDigest, readableStatus } from './bundleExport'
import { jsonNestedDeeperThan } from '../json/jsonDepth'
import { describePath, MAX_BUNDLE_DEPTH, scanBundleKeys } from './bundleKeys'
import { bundleValuesOf, readStoredCertificate } from './bundleValues'
import { canonicalJson } from './canonicalJson'

export type BundleRead =
  | { kind: 'valid'; bundle: Bundle; certificate: CertificateReport | null }
  | { kind: 'digest-mismatch'; bundle: Bundle; certificate: CertificateReport | null; message: string }
  | { kind: 'rejected'; problem: BundleProblem; message: string }

const EXPORT_AGAIN = 'Ask for a fresh export from Dialpad SSO Assistant (profile list → Export).'
const [CURRENT_MAJOR, CURRENT_MINOR] = BUNDLE_FORMAT_VERSION.split('.').map(Number)

export const DIGEST_MISMATCH_MESSAGE =
  'This bundle was changed after it was exported: its content no longer matches the SHA-256 digest written in it. ' +
  'Everything in it is otherwise valid. Import it only if you know who changed it and why; otherwise ask for a fresh export.'

class Rejection extends Error {
  constructor(
    readonly problem: BundleProblem,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Checks a bundle file completely before anything is done with it: size, JSON, forbidden keys, format and version,
 * every field (strictly), the certificates (re-read and fingerprinted again), the derived values against the setup,
 * and finally the digest. Never throws for a bad file: each refusal has its own problem code and message.
 */
export function readBundle(input: Uint8Array | string, now: Date = new Date()): BundleRead {
  try {
    return check(input, now)
  } catch (error) {
    if (error instanceof Rejection) return { kind: 'rejected', problem: error.problem, message: redactKnownSecrets(error.message) }
    throw error
  }
}

function check(input: Uint8Array | string, now: Date): BundleRead {
  const raw = parseJson(decode(input))
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Rejection('unknown-format', `This file holds JSON but not a Dialpad SSO configuration bundle. ${CHOOSE_A_BUNDLE}`)
  }
  const keys = scanBundleKeys(raw)
  if (keys.kind === 'forbidden') {
    throw new Rejection(
      'forbidden-key',
      `This bundle contains the key "${keys.key}" (in ${keys.path}). Bundles exported by the app never contain it, and it can be used to tamper with how a program works, so the file was refused and nothing was imported. ${EXPORT_AGAIN}`,
    )
  }
  if (keys.kind === 'too-deep') {
    throw new Rejection('invalid', `This bundle is nested far deeper than a bundle can be (at ${keys.path}), so it was refused. ${EXPORT_AGAIN}`)
  }
  const document = raw as Record<string, unknown>
  checkFormat(document)
  const { minor, newerMinor } = checkVersion(document)
  const current = minor >= 1 ? document : withCurrentSetup(document)

  const parsed = Bundle.safeParse(current)
  if (!parsed.success) throw invalid(parsed.error, newerMinor, document)
  const bundle = parsed.data
  const dropped = firstDroppedKey(current, bundle, [])
  if (dropped) throw unknownField(dropped.key, dropped.path, newerMinor, document)

  const certificate = checkCertificates(bundle, now)
  checkConsistency(bundle, certificate)
  // Over the file's own content, so any change counts, even one validation would have normalized away.
  const { digest: _digest, ...content } = document
  if (bundleDigest(content as Omit<Bundle, 'digest'>) !== bundle.digest.value) return { kind: 'digest-mismatch', bundle, certificate, message: DIGEST_MISMATCH_MESSAGE }
  return { kind: 'valid', bundle, certificate }
}

const CHOOSE_A_BUNDLE = 'Choose a file ending in .dialpad-sso.json, made with Export in Dialpad SSO Assistant.'

function decode(input: Uint8Array | string): string {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength
  if (size > MAX_BUNDLE_BYTES) {
    throw new Rejection(
      'oversize',
      `This file is ${formatSize(size)}, larger than any configuration bundle (the limit is ${formatSize(MAX_BUNDLE_BYTES)}; a bundle is usually under 100 KiB), so it was not read. ${CHOOSE_A_BUNDLE}`,
    )
  }
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '')
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input)
  } catch {
    throw new Rejection('malformed-json', `This file is not text (it is not UTF-8), so it is not a configuration bundle. ${CHOOSE_A_BUNDLE}`)
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') throw new Rejection('malformed-json', `This file is empty. ${CHOOSE_A_BUNDLE}`)
  // Before parsing: a file nested thousands deep costs JSON.parse far more memory than its size. Twice the depth
  // scanBundleKeys allows, so a bundle just past that limit still gets its message naming where.
  if (jsonNestedDeeperThan(text, 2 * MAX_BUNDLE_DEPTH)) throw new Rejection('invalid', `This bundle is nested far deeper than a bundle can be, so it was refused. ${EXPORT_AGAIN}`)
  try {
    return JSON.parse(text)
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)
    const where = position ? ` (the problem is on line ${text.slice(0, Number(position[1])).split('\n').length})` : ''
    throw new Rejection(
      'malformed-json',
      `This file is not valid JSON${where}, so it cannot be read as a configuration bundle. It may have been cut short or edited by hand. ${EXPORT_AGAIN}`,
    )
  }
}

function checkFormat(document: Record<string, unknown>): void {
  if (document.format === BUNDLE_FORMAT) return
  const found = typeof document.format === 'string' ? ` (its format is "${redactThenShorten(document.format, 60)}")` : ' (it has no "format": "dialpad-sso-bundle")'
  throw new Rejection('unknown-format', `This JSON file is not a Dialpad SSO configuration bundle${found}. ${CHOOSE_A_BUNDLE}`)
}

/**
 * Format 1.0 carried setup version 3 (no provenance): its setup is upgraded as a saved profile's is, so its results
 * are judged the same way. The digest is still checked over the file as it is.
 */
function withCurrentSetup(document: Record<string, unknown>): Record<string, unknown> {
  const profile = document.profile
  if (profile === null || typeof profile !== 'object' || Array.isArray(profile)) return document
  const setup = (profile as Record<string, unknown>).setup
  if (setup === null || typeof setup !== 'object' || Array.isArray(setup) || 'provenance' in setup) return document
  return { ...document, profile: { ...profile, setup: migrateSetup(setup, 3) } }
}

/** The bundle's minor version, and whether it is newer than ours (same major): readable only if it uses nothing new. */
function checkVersion(document: Record<string, unknown>): { minor: number; newerMinor: boolean } {
  const version = typeof document.formatVersion === 'string' ? /^(\d{1,4})\.(\d{1,4})$/.exec(document.formatVersion) : null
  if (!version) {
    throw new Rejection('invalid', `This bundle's format version (formatVersion) is missing or not a version such as "${BUNDLE_FORMAT_VERSION}". ${EXPORT_AGAIN}`)
  }
  const [major, minor] = [Number(version[1]), Number(version[2])]
  if (major > CURRENT_MAJOR) {
    throw new Rejection(
      'newer-major',
      `This bundle was exported by a newer version of Dialpad SSO Assistant${appVersionOf(document)} in bundle format ${major}.${minor}, which this version (format ${BUNDLE_FORMAT_VERSION}) cannot read. Update the app, then import the bundle again.`,
    )
  }
  if (major < CURRENT_MAJOR) {
    throw new Rejection('invalid', `This bundle's format version ${major}.${minor} never existed; the first format is 1.0. ${EXPORT_AGAIN}`)
  }
  return { minor, newerMinor: minor > CURRENT_MINOR }
}

function appVersionOf(document: Record<string, unknown>): string {
  return typeof document.appVersion === 'string' && /^[0-9A-Za-z.+-]{1,50}$/.test(document.appVersion) ? ` (${document.appVersion})` : ''
}

function newerMinorRejection(document: Record<string, unknown>, field: string): Rejection {
  return new Rejection(
    'newer-minor',
    `This bundle was exported by a newer version of Dialpad SSO Assistant${appVersionOf(document)} and uses a field this version does not know ("${redactThenShorten(field, 60)}"). Update the app, then import the bundle again.`,
  )
}

function unknownField(key: string, path: string, newerMinor: boolean, document: Record<string, unknown>): Rejection {
  if (newerMinor) return newerMinorRejection(document, key)
  return new Rejection('invalid', `This bundle has a field a bundle never has ("${redactThenShorten(key, 60)}" in ${path}), so it was edited or made by another program. ${EXPORT_AGAIN}`)
}

function invalid(error: z.ZodError, newerMinor: boolean, document: Record<string, unknown>): Rejection {
  // A newer minor version adds fields: when it did, that is the reason, whatever else validation found.
  const unknown = error.issues.find((issue) => issue.code === 'unrecognized_keys')
  if (unknown && (newerMinor || unknown === error.issues[0])) return unknownField(unknown.keys[0], describePath(unknown.path.map(String)), newerMinor, document)
  const issue = error.issues[0]
  const reason = /[.!?]$/.test(issue.message) ? issue.message : `${issue.message}.`
  return new Rejection('invalid', `This bundle's value at ${describePath(issue.path.map(String))} is not valid: ${reason} ${EXPORT_AGAIN}`)
}

/**
 * The first key of the file that validation silently left out (objects inside check results are not strict):
 * nothing in a bundle may be dropped on import.
 */
function firstDroppedKey(raw: unknown, parsed: unknown, path: string[]): { key: string; path: string } | null {
  if (raw === null || typeof raw !== 'object' || parsed === null || typeof parsed !== 'object') return null
  for (const key of Object.keys(raw)) {
    if (!Object.prototype.hasOwnProperty.call(parsed, key)) return { key, path: describePath(path) }
    const inner = firstDroppedKey((raw as Record<string, unknown>)[key], (parsed as Record<string, unknown>)[key], [...path, key])
    if (inner) return inner
  }
  return null
}

const WHAT_IS_WRONG: Record<string, string> = {
  'too-large': 'it is far too large',
  'private-key': 'it is a private key',
  'damaged-certificate': 'it is damaged or incomplete',
}

function checkCertificates(bundle: Bundle, now: Date): CertificateReport | null {
  const { idp } = bundle.profile.setup
  const read = (body: string, where: string): CertificateReport => {
    try {
      return readStoredCertificate(body, now)
    } catch (error) {
      if (!(error instanceof CertificateRefusedError)) throw error
      const what = WHAT_IS_WRONG[error.reason] ?? 'it is not a certificate'
      throw new Rejection('certificate', `The ${where} in this bundle cannot be read as a certificate: ${what}. ${EXPORT_AGAIN}`)
    }
  }
  idp.metadata?.signingCertificates.forEach((body, i) => read(body, `signing certificate ${i + 1} of JumpCloud's metadata (profile.setup.idp.metadata)`))
  return idp.certificate === null ? null : read(idp.certificate, 'IdP certificate (profile.setup.idp.certificate)')
}

const VALUE_LABELS: Record<string, string> = {
  domain: 'company domain',
  env: 'Dialpad environment',
  spEntityId: 'SP Entity ID',
  acsUrl: 'ACS URL',
  idpEntityId: 'IdP Entity ID',
  idpSsoUrl: 'IdP SSO URL',
  scimBaseUrl: 'SCIM Base URL for JumpCloud',
  certificate: 'certificate (body and SHA-256 fingerprint, re-computed from the certificate)',
}

/** The readable copies (values, latest checks, progress) must say what the setup says. */
function checkConsistency(bundle: Bundle, certificate: CertificateReport | null): void {
  const says = (what: string, where: string, verb: string) =>
    new Rejection(
      'inconsistent',
      `This bundle's ${what} (${where}) ${verb} not match the setup saved in the same bundle (profile.setup), so part of the file was edited by hand. ${EXPORT_AGAIN}`,
    )
  const disagrees = (what: string, where: string) => says(what, where, 'does')
  const disagree = (what: string, where: string) => says(what, where, 'do')
  const expected = bundleValuesOf(bundle.profile.setup, certificate)
  for (const key of Object.keys(VALUE_LABELS) as (keyof typeof expected)[]) {
    // A 1.0 bundle has no scimBaseUrl; when present it must be Dialpad's for the environment.
    if (key === 'scimBaseUrl' && bundle.values.scimBaseUrl === undefined) continue
    if (canonicalJson(expected[key]) !== canonicalJson(bundle.values[key])) throw disagrees(VALUE_LABELS[key], `values.${key}`)
  }
  if (canonicalJson(latestChecksOf(bundle.profile.setup)) !== canonicalJson(bundle.latestChecks)) {
    throw disagrees('latest check results', 'latestChecks')
  }
  // 1.0 bundles counted progress by older rules, and carried no step states: nothing to compare.
  if (bundle.steps === undefined && bundle.overview === undefined) return
  // Progress and states depend on the exporter's step list, and on its API key (never in the bundle).
  if (bundle.progress.total !== WIZARD_STEPS.length) return
  if (exporterKeyOf(bundle) === undefined) throw disagree('progress and step states', 'progress, steps, overview')
}

const SOME_OTHER_KEY: KeyIdentity = { last4: null, storedAt: '1970-01-01T00:00:00.000Z' }

/**
 * The exporter's API key, as far as derivation can tell keys apart: the one that reproduces the bundle's progress and
 * step states (undefined: none does, the bundle was edited). A 1.0 bundle carries no states: it had a key when it
 * carries the key hint.
 *
 * Only the states are compared (each step's id and state, the overall kind, the count), never their wording: another
 * version of the app words notes and titles its own way for the same states, and its bundles must still read. The app
 * never shows a bundle's own wording; it derives its own (summarizeBundle says when the file's differs).
 */
export function exporterKeyOf(bundle: Bundle): KeyIdentity | null | undefined {
  if (bundle.steps === undefined && bundle.overview === undefined) return bundle.keyHint ? SOME_OTHER_KEY : null
  const expected = canonicalJson(statesOf(bundle.progress, bundle.steps ?? null, bundle.overview ?? null))
  return keysTheExporterMayHaveHad(bundle.profile.setup).find((apiKey) => {
    const status = deriveSetupStatus({ ...bundle.profile.setup, apiKey })
    const { steps, overview } = readableStatus(status)
    return canonicalJson(statesOf(progressOf(status), steps, overview)) === expected
  })
}

/** What a bundle's readable status says that derivation can check, without its wording. */
function statesOf(progress: Bundle['progress'], steps: Bundle['steps'] | null, overview: Bundle['overview'] | null) {
  return { progress, steps: steps?.map((step) => ({ id: step.id, state: step.state })) ?? null, overview: overview ? { kind: overview.kind } : null }
}

/**
 * The exporter's API key as derivation can tell it apart: none, one of the keys the provenance names (a verdict made
 * with it), or another key (every verdict made with a key is then out of date, and the key step is done).
 */
function keysTheExporterMayHaveHad(setup: SetupState): (KeyIdentity | null)[] {
  const named = [...Object.values(setup.provenance.ticks), ...Object.values(setup.provenance.checks)].flatMap((record) => (record?.against.apiKey ? [record.against.apiKey] : []))
  const distinct = [...new Map(named.map((key) => [key.storedAt, key])).values()]
  return [null, ...distinct, SOME_OTHER_KEY]
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`
}
