import { z } from 'zod'
import { Profile } from '../../shared/profile'
import { SETUP_MIGRATIONS } from '../setup/setupMigrations'
import type { Migration } from '../storage/migrateDocument'

/**
 * The document a profile is stored as: `{ schemaVersion, ...Profile }`, the wizard's SetupState embedded as is.
 *
 * The rule for changes: SetupState has no version of its own inside a profile. Any change to SetupState
 * (a SETUP_SCHEMA_VERSION bump) is also a PROFILE_SCHEMA_VERSION bump, with a migration below that makes the same
 * change to `document.setup` as the setup store's migration does to its `setup`; then add the pair to
 * SETUP_VERSION_BY_PROFILE_VERSION. A unit test fails while SETUP_SCHEMA_VERSION is ahead of the profile format.
 * Changes to the profile's own fields (name, notes, ...) bump PROFILE_SCHEMA_VERSION alone.
 */
export const PROFILE_SCHEMA_VERSION = 2

/** Which SetupState version each profile document version embeds. */
export const SETUP_VERSION_BY_PROFILE_VERSION: Readonly<Record<number, number>> = { 1: 3, 2: 4 }

/** migrations[n] upgrades a version-n profile document to n + 1. */
export const PROFILE_MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 2 embeds setup version 4 (provenance), and may hold when the profile's API key was stored.
  1: (document) => ({ ...document, setup: SETUP_MIGRATIONS[3](document.setup as Record<string, unknown>) }),
}

export const ProfileDocument = Profile.extend({ schemaVersion: z.literal(PROFILE_SCHEMA_VERSION) })
export type ProfileDocument = z.infer<typeof ProfileDocument>

/** The setup schema this app's profile documents embed (kept equal to SETUP_SCHEMA_VERSION by the rule above). */
export const EMBEDDED_SETUP_VERSION = SETUP_VERSION_BY_PROFILE_VERSION[PROFILE_SCHEMA_VERSION]

export function profileDocumentText(profile: Profile): string {
  const document: ProfileDocument = { schemaVersion: PROFILE_SCHEMA_VERSION, ...profile }
  return `${JSON.stringify(document, null, 2)}\n`
}

/** The profile inside a current, validated document. */
export function profileOf(document: ProfileDocument): Profile {
  const { schemaVersion: _version, ...profile } = document
  return profile
}
