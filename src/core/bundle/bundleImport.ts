import type { Bundle, BundleProblem, ImportOutcome, ImportPreview, ImportTarget, ProfileMatch } from '../../shared/bundle'
import { parseDomain } from '../../shared/domain'
import type { Profile } from '../../shared/profile'
import { sameName } from '../profiles/profileNames'
import type { ProfileContent, ProfileStore } from '../profiles/profileStore'
import { UserFacingError } from '../userFacingError'
import { readBundle } from './bundleRead'
import { summarizeBundle } from './bundleSummary'
import { profileDifferences } from './profileDiff'

/** A bundle that cannot be imported (as asked); `problem` says why, the message says what to do. */
export class BundleImportError extends UserFacingError {
  override name = 'BundleImportError'

  constructor(
    readonly problem: BundleProblem,
    message: string,
  ) {
    super(message, { code: 'invalid-input' })
  }
}

export interface ApplyImportOptions {
  target: ImportTarget
  /** Required, and only then, for a bundle whose digest does not match: the admin saw the warning and chose "Import anyway". */
  acceptDigestMismatch?: boolean
  /** For a new profile: this name instead of the bundle's (it must be free). Without it a taken name gets "(imported)". */
  name?: string
  now?: Date
}

/**
 * The existing profiles a bundle is for: same company domain (normalized) and Dialpad environment, since that is
 * what identifies one customer's setup whatever the profile is called. A bundle without a valid domain matches
 * profiles of the same name instead. Most recently modified first.
 */
export function matchingProfiles(profiles: readonly Profile[], bundle: Bundle): Profile[] {
  const { domain, env } = bundle.values
  return profiles.filter((profile) => {
    if (domain === null) return sameName(profile.name, bundle.profile.name)
    const theirs = parseDomain(profile.setup.domainInput)
    return theirs.ok && theirs.domain === domain && profile.setup.env === env
  })
}

/**
 * What a profile would hold after the import. Over an existing profile the bundle's name is taken unless another
 * profile already has it (then the profile keeps its name).
 */
export function importedContent(bundle: Bundle, existing: Profile | null, allProfiles: readonly Profile[]): ProfileContent {
  const { name, notes, setup } = bundle.profile
  if (!existing) return { name, notes, setup }
  const nameTaken = allProfiles.some((other) => other.id !== existing.id && sameName(other.name, name))
  return { name: nameTaken ? existing.name : name, notes, setup }
}

/** Checks the bundle and shows what importing it would do. Changes nothing. */
export async function previewBundleImport(store: ProfileStore, input: Uint8Array | string, now: Date = new Date()): Promise<ImportPreview> {
  const read = readBundle(input, now)
  if (read.kind === 'rejected') return read
  const { profiles } = await store.loadAll()
  const matches: ProfileMatch[] = matchingProfiles(profiles, read.bundle).map((profile) => ({
    id: profile.id,
    name: profile.name,
    modifiedAt: profile.modifiedAt,
    differences: profileDifferences(profile, importedContent(read.bundle, profile, profiles), now),
  }))
  return {
    kind: read.kind === 'valid' ? 'ready' : 'digest-mismatch',
    summary: summarizeBundle(read.bundle, read.certificate),
    warning: read.kind === 'valid' ? null : read.message,
    matches,
  }
}

/**
 * Imports the bundle as a new profile, or over the profile the admin chose. The bundle is checked again from
 * scratch, so nothing on disk changes unless it is valid (and its digest matches, or the mismatch was accepted).
 * The API key is never in a bundle: a new profile has none; a replaced profile keeps its own.
 */
export async function applyBundleImport(store: ProfileStore, input: Uint8Array | string, options: ApplyImportOptions): Promise<ImportOutcome> {
  const now = options.now ?? new Date()
  const read = readBundle(input, now)
  if (read.kind === 'rejected') throw new BundleImportError(read.problem, read.message)
  if (read.kind === 'digest-mismatch' && options.acceptDigestMismatch !== true) {
    throw new BundleImportError('digest-mismatch', `${read.message} Nothing was imported.`)
  }
  if (options.target.kind === 'new') {
    const content = importedContent(read.bundle, null, [])
    const profile = options.name === undefined ? await store.createWithUniqueName(content, 'imported') : await store.create({ ...content, name: options.name })
    return { profile, replaced: false }
  }
  const { profiles } = await store.loadAll()
  const existing = await store.get(options.target.profileId)
  return { profile: await store.replaceContent(existing.id, importedContent(read.bundle, existing, profiles)), replaced: true }
}
