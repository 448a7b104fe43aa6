import { createHash } from 'node:crypto'
import { BUNDLE_FILE_SUFFIX, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Bundle, type BundleStep } from '../../shared/bundle'
import type { ProfileKeyStatus } from '../../shared/keyStatus'
import { latestChecksOf } from '../../shared/latestChecks'
import type { Profile } from '../../shared/profile'
import { type KeyIdentity, type Provenance, keyIdentityOf } from '../../shared/provenance'
import type { SetupState } from '../../shared/setupState'
import { type SetupStatus, deriveSetupStatus, progressOf } from '../../shared/wizard/stepState'
import { CertificateRefusedError } from '../saml/certificateImport'
import { UserFacingError } from '../userFacingError'
import { canonicalJson } from './canonicalJson'
import { bundleValuesOf, readStoredCertificate } from './bundleValues'
import { redactDeep } from '../profiles/redactDeep'

export interface BundleExportOptions {
  appVersion: string
  now: Date
  /** The profile's key status: it decides the exported progress and step states and, when asked for, the key hint. */
  keyStatus: ProfileKeyStatus
  /** Only when the admin ticked "include key hint": the last 4 characters of the key, nothing else of it. */
  includeKeyHint: boolean
}

/** SHA-256 (hex) of the canonical JSON of a bundle without its digest. */
export function bundleDigest(content: Omit<Bundle, 'digest'>): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex')
}

/** The bundle for one profile. Never holds the API key; at most its last 4 characters with `includeKeyHint`. */
export function buildBundle(profile: Profile, options: BundleExportOptions): Bundle {
  const redacted = redactDeep({ name: profile.name, notes: profile.notes, setup: profile.setup })
  const { name, notes } = redacted
  const setup = withoutKeyDigits(redacted.setup)
  const status = deriveSetupStatus({ ...setup, apiKey: withoutDigits(keyIdentityOf(options.keyStatus)) })
  let certificate = null
  if (setup.idp.certificate !== null) {
    try {
      certificate = readStoredCertificate(setup.idp.certificate, options.now)
    } catch (error) {
      if (!(error instanceof CertificateRefusedError)) throw error
      throw new UserFacingError(
        `The profile “${profile.name}” holds an IdP certificate that can no longer be read, so it cannot be exported. Import the IdP Certificate again in “Bring the IdP values back from JumpCloud”, then export.`,
      )
    }
  }
  const content: Omit<Bundle, 'digest'> = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    appVersion: options.appVersion,
    exportedAt: options.now.toISOString(),
    profile: { name, notes, setup },
    values: bundleValuesOf(setup, certificate),
    progress: progressOf(status),
    latestChecks: latestChecksOf(setup),
    ...readableStatus(status),
    ...(options.includeKeyHint && options.keyStatus.stored ? { keyHint: { last4: options.keyStatus.last4 } } : {}),
  }
  return { ...content, digest: { algorithm: 'sha256', value: bundleDigest(content) } }
}

/** The steps and overall status as a bundle carries them, for readers without the app (and checked on import). */
export function readableStatus(status: SetupStatus): { steps: BundleStep[]; overview: Bundle['overview'] & object } {
  return {
    steps: status.steps.map((step) => ({ id: step.id, title: step.title, state: step.state, note: step.note })),
    overview: { kind: status.overview.kind, headline: status.overview.headline },
  }
}

const withoutDigits = (key: KeyIdentity | null): KeyIdentity | null => (key === null ? null : { ...key, last4: null })

/**
 * The setup with the last 4 characters of every API key its provenance names left out: a bundle carries them only in
 * the key hint, and only when asked. The time each key was stored still tells the keys apart.
 */
export function withoutKeyDigits(setup: SetupState): SetupState {
  const strip = (provenance: Provenance): Provenance =>
    provenance.against.apiKey ? { ...provenance, against: { ...provenance.against, apiKey: withoutDigits(provenance.against.apiKey) } } : provenance
  const mapValues = <T extends Record<string, Provenance | undefined>>(records: T): T =>
    Object.fromEntries(Object.entries(records).map(([key, value]) => [key, value && strip(value)])) as T
  return { ...setup, provenance: { ticks: mapValues(setup.provenance.ticks), checks: mapValues(setup.provenance.checks) } }
}

/** The file's text: indented for people who open it, ending with a newline. */
export function bundleText(bundle: Bundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`
}

/** "example.com.dialpad-sso.json" (or the profile's name, made safe for any file system). */
export function suggestedBundleFileName(profile: Profile, domain: string | null): string {
  const base = (domain ?? profile.name)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
  return `${base || 'profile'}${BUNDLE_FILE_SUFFIX}`
}
