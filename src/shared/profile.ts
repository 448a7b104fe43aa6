import { z } from 'zod'
import { hasUnsafeCharacters } from './displayText'
import { KeyRecord } from './keyStatus'
import { MAX_PROFILE_NAME_LENGTH, MAX_PROFILE_NOTES_LENGTH } from './limits'
import { Env, SetupState } from './setupState'

export { MAX_PROFILE_NAME_LENGTH, MAX_PROFILE_NOTES_LENGTH } from './limits'

/**
 * A profile is one customer's setup. Its id names its file (`profiles/<id>.json`) and its keychain account, so it
 * is a lowercase UUID and nothing else.
 */
export const ProfileId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Unknown profile.')
export type ProfileId = z.infer<typeof ProfileId>


/** What the admin calls the profile, usually the customer; trimmed, one line. */
export const ProfileName = z
  .string()
  .trim()
  .min(1, 'Give the profile a name, for example the customer or its domain.')
  .max(MAX_PROFILE_NAME_LENGTH, `A profile name has at most ${MAX_PROFILE_NAME_LENGTH} characters.`)
  // Everything the display layer would show as a code (controls, bidi and zero-width characters, line separators):
  // a name is shown as it is in the app's own messages, so it may hold none of them.
  .refine((name) => !hasUnsafeCharacters(name), 'A profile name is one line of text without control characters.')

export const ProfileNotes = z.string().max(MAX_PROFILE_NOTES_LENGTH, `Notes have at most ${MAX_PROFILE_NOTES_LENGTH} characters.`)

export const Profile = z.strictObject({
  id: ProfileId,
  name: ProfileName,
  notes: ProfileNotes,
  createdAt: z.iso.datetime(),
  modifiedAt: z.iso.datetime(),
  setup: SetupState,
  /** When the profile's API key was stored (the key itself is in the keychain). Absent: no key stored by this version. */
  apiKeyRecord: KeyRecord.optional(),
})
export type Profile = z.infer<typeof Profile>

export const Progress = z.strictObject({ done: z.number().int().min(0), total: z.number().int().min(1) })
export type Progress = z.infer<typeof Progress>

/** The overall status's kind (wizard/stepState.ts's OverviewKind), as profile summaries and bundles carry it. */
export const OverviewKind = z.enum(['not-started', 'in-progress', 'out-of-date', 'finished', 'verified'])

/** One line of the profile list. The API key itself is never part of it; only whether one is stored counts. */
export const ProfileSummary = z.strictObject({
  id: ProfileId,
  name: z.string(),
  /** The normalized company domain, or null while the one typed is not valid. */
  domain: z.string().nullable(),
  env: Env,
  modifiedAt: z.string(),
  progress: Progress,
  /** The overall status in one sentence, and how many steps are out of date, waiting or skipped. */
  status: z.strictObject({
    kind: OverviewKind,
    headline: z.string(),
    outOfDate: z.number().int().min(0),
    waiting: z.number().int().min(0),
    skipped: z.number().int().min(0),
  }),
})
export type ProfileSummary = z.infer<typeof ProfileSummary>

/**
 * Something about the saved profiles the admin should be told. 'set-aside': a damaged file, renamed to `keptAs`
 * (never overwritten); 'newer-version': written by a newer app, left untouched and read-only; 'unreadable': the OS
 * refused to read (or move) it; 'key-not-moved': the API key of the setup from before profiles stayed behind.
 */
export const ProfileFileProblem = z.strictObject({
  kind: z.enum(['set-aside', 'newer-version', 'unreadable', 'key-not-moved']),
  file: z.string(),
  keptAs: z.string().nullable(),
  message: z.string(),
})
export type ProfileFileProblem = z.infer<typeof ProfileFileProblem>

export const ProfileList = z.strictObject({
  /** Most recently modified first. */
  profiles: z.array(ProfileSummary),
  problems: z.array(ProfileFileProblem),
})
export type ProfileList = z.infer<typeof ProfileList>
