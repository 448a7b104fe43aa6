import { createHash } from 'node:crypto'
import { BUNDLE_FILE_SUFFIX, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Bundle } from '../../shared/bundle'
import type { KeyStatus } from '../../shared/keyStatus'
import { latestChecksOf } from '../../shared/latestChecks'
import type { Profile } from '../../shared/profile'
import { wizardProgress } from '../../shared/wizard/steps'
import { CertificateRefusedError } from '../saml/certificateImport'
import { UserFacingError } from '../userFacingError'
import { canonicalJson } from './canonicalJson'
import { bundleValuesOf, readStoredCertificate } from './bundleValues'
import { redactDeep } from '../profiles/redactDeep'

export interface BundleExportOptions {
  appVersion: string
  now: Date
  /** The profile's key status: it decides the exported progress and, when asked for, the key hint. */
  keyStatus: KeyStatus
  /** Only when the admin ticked "include key hint": the last 4 characters of the key, nothing else of it. */
  includeKeyHint: boolean
}

/** SHA-256 (hex) of the canonical JSON of a bundle without its digest. */
export function bundleDigest(content: Omit<Bundle, 'digest'>): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex')
}

/** The bundle for one profile. Never holds the API key; at most its last 4 characters with `includeKeyHint`. */
export function buildBundle(profile: Profile, options: BundleExportOptions): Bundle {
  const { name, notes, setup } = redactDeep({ name: profile.name, notes: profile.notes, setup: profile.setup })
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
    progress: wizardProgress({ ...setup, apiKeyStored: options.keyStatus.stored }),
    latestChecks: latestChecksOf(setup),
    ...(options.includeKeyHint && options.keyStatus.stored ? { keyHint: { last4: options.keyStatus.last4 } } : {}),
  }
  return { ...content, digest: { algorithm: 'sha256', value: bundleDigest(content) } }
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
