/**
 * The configuration bundle (`*.dialpad-sso.json`): one profile exported for a colleague or Dialpad Support.
 *
 * Versioning (`formatVersion` is "major.minor"):
 * - A minor version only ever adds optional fields; a major version is anything an older reader could misread.
 * - A reader refuses a newer major outright.
 * - A reader accepts a newer minor only when the bundle uses nothing it does not know (strict validation passes):
 *   such a bundle means exactly the same to both versions, and the digest covers all of it. A newer-minor bundle
 *   that does use new fields is refused with "update the app", never imported with parts dropped.
 * - The profile's `setup` is the app's SetupState. A SetupState change that only adds fields is a minor bump: on
 *   import, an older bundle's setup goes through the same migration a saved profile does; any other change is a
 *   major bump with an import migration for the previous major.
 * - 1.1 added provenance to the setup (what each tick and check result was made against, setup version 4) and the
 *   readable `steps` and `overview`. A 1.0 bundle's results are judged like a profile saved before provenance.
 *
 * The API key is never part of a bundle; at most its last 4 characters (`keyHint`), and only when the admin asks.
 */
import { z } from 'zod'
import { CheckStatus } from './checkRun'
import { LiveCheckKind } from './liveCheck'
import { OverviewKind, Profile, ProfileId, ProfileName, ProfileNotes, Progress } from './profile'
import { Env, LoginCheckSource, SetupState, StepId } from './setupState'

export const BUNDLE_FORMAT = 'dialpad-sso-bundle'
/**
 * 1.1 added `values.scimBaseUrl`, `decisive` on check steps (a 1.0 step without it reads as decisive), the setup's
 * `otherEmailDomains` (a 1.0 setup without it has none) and provenance: the setup's records of what each verdict was
 * made against, with readable `steps` and `overview` derived from them.
 */
export const BUNDLE_FORMAT_VERSION = '1.1'
export { BUNDLE_FILE_SUFFIX, MAX_BUNDLE_BYTES } from './bundleFile'
/** Keys refused anywhere in a bundle: they are how JSON objects pollute JavaScript prototypes when merged. */
export const FORBIDDEN_BUNDLE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype']

const Url = z.string().max(2000)

const BundleCheckStep = z.strictObject({
  id: z.string().max(100),
  title: z.string().max(500),
  status: CheckStatus,
  httpStatus: z.number().int().optional(),
  durationMs: z.number().nullable(),
  detail: z.string().max(10_000),
  fix: z.string().max(10_000).optional(),
  decisive: z.boolean().default(true),
})

const BundleCheckRun = z.strictObject({ ok: z.boolean(), checkedAt: z.string().max(100), steps: z.array(BundleCheckStep).max(50) })

/** A live check's latest result, as the setup holds it, with its title so people can read the file. */
export const BundleLatestCheck = z.strictObject({
  kind: LiveCheckKind,
  title: z.string().max(200),
  source: LoginCheckSource.optional(),
  run: BundleCheckRun,
})

/** The values both consoles need, readable without the app. Derived from `profile.setup`, and checked against it on import. */
export const BundleValues = z.strictObject({
  /** Normalized company domain, or null while the one typed is not valid (then the SP values are null too). */
  domain: z.string().max(253).nullable(),
  env: Env,
  spEntityId: Url.nullable(),
  acsUrl: Url.nullable(),
  idpEntityId: Url.nullable(),
  idpSsoUrl: Url.nullable(),
  /**
   * JumpCloud's Identity Management > Base URL: always Dialpad's for the environment, never an address the checks
   * were pointed at for testing. Absent in 1.0 bundles.
   */
  scimBaseUrl: Url.optional(),
  certificate: z
    .strictObject({
      /** What Dialpad's Certificate field wants: base64 DER in 64-character lines, no BEGIN/END lines. */
      body: z.string().max(32 * 1024),
      /** Upper-case hex pairs joined by ":". */
      sha256Fingerprint: z.string().regex(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/, 'A SHA-256 fingerprint is 32 hex pairs joined by ":".'),
    })
    .nullable(),
})
export type BundleValues = z.infer<typeof BundleValues>

const StepStateName = z.enum(['not-started', 'in-progress', 'waiting', 'done', 'out-of-date', 'skipped'])

/** A wizard step's state when exported, with why when it needs saying ("Out of date: was for acme-corp.com."). */
export const BundleStep = z.strictObject({ id: StepId, title: z.string().max(200), state: StepStateName, note: z.string().max(2000).nullable() })
export type BundleStep = z.infer<typeof BundleStep>

/** The overall status when exported. */
export const BundleOverview = z.strictObject({ kind: OverviewKind, headline: z.string().max(2000) })

export const BundleDigest = z.strictObject({
  algorithm: z.literal('sha256'),
  value: z.string().regex(/^[0-9a-f]{64}$/, 'The digest is 64 lowercase hex characters.'),
})

export const Bundle = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.string().regex(/^\d{1,4}\.\d{1,4}$/),
  appVersion: z.string().max(50).regex(/^[0-9A-Za-z.+-]+$/, 'The app version is a version number such as 1.2.0.'),
  exportedAt: z.iso.datetime(),
  profile: z.strictObject({ name: ProfileName, notes: ProfileNotes, setup: SetupState }),
  values: BundleValues,
  /** Steps done when exported, as the exporting app judged them (with its API key status). */
  progress: Progress.refine((p) => p.done <= p.total, 'More steps done than there are steps.'),
  latestChecks: z.array(BundleLatestCheck).max(LiveCheckKind.options.length),
  /**
   * Since 1.1: every step's state and the overall status when exported, as the exporting app derived them. Readers
   * check the states against the setup, not the wording (another version words the same states its own way).
   */
  steps: z.array(BundleStep).max(100).optional(),
  overview: BundleOverview.optional(),
  keyHint: z.strictObject({ last4: z.string().regex(/^[\x21-\x7E]{4}$/, 'The key hint is the last 4 characters of the API key.') }).optional(),
  /** SHA-256 of the canonical JSON of everything else (keys sorted, no spaces): catches accidental edits. */
  digest: BundleDigest,
})
export type Bundle = z.infer<typeof Bundle>

export const BundleProblem = z.enum([
  'oversize',
  'malformed-json',
  'forbidden-key',
  'unknown-format',
  'newer-major',
  'newer-minor',
  'invalid',
  'certificate',
  'inconsistent',
  'digest-mismatch',
])
export type BundleProblem = z.infer<typeof BundleProblem>

/** What an import shows before anything is applied. */
export const BundleSummary = z.strictObject({
  name: z.string(),
  notes: z.string(),
  domain: z.string().nullable(),
  env: Env,
  exportedAt: z.string(),
  appVersion: z.string(),
  /** As it will be here, where no API key is stored for an imported profile yet. */
  progress: Progress,
  /** The overall status as it will be here (no API key stored for the profile yet). */
  overview: BundleOverview,
  /** The overall status when exported (null for a 1.0 bundle, which did not carry it). */
  exportedOverview: BundleOverview.nullable(),
  /** Each step's state as it will be here. */
  steps: z.array(z.strictObject({ number: z.number().int(), title: z.string(), state: StepStateName, note: z.string().nullable() })),
  certificate: z.strictObject({ subject: z.string(), sha256: z.string(), notAfter: z.string() }).nullable(),
  /** `note` says when a result no longer holds for the values in the bundle ("Out of date: was for …"). */
  checks: z.array(z.strictObject({ title: z.string(), ok: z.boolean(), checkedAt: z.string(), note: z.string().nullable() })),
  keyHintLast4: z.string().nullable(),
  /**
   * Values the wizard would refuse (an http:// IdP SSO URL, say), each as "field: message". They do not block the
   * import (the profile is a setup in progress); its step shows the same error until the value is fixed.
   */
  problems: z.array(z.string()),
  /** Worth reading before importing (an expired certificate, the wizard's warnings on a value); none of them block. */
  warnings: z.array(z.string()),
})
export type BundleSummary = z.infer<typeof BundleSummary>

/** One labelled field that an import would change: "IdP SSO URL: before → after". */
export const ProfileDifference = z.strictObject({ field: z.string(), before: z.string(), after: z.string() })
export type ProfileDifference = z.infer<typeof ProfileDifference>

/** An existing profile for the same company domain and environment, and what importing over it would change. */
export const ProfileMatch = z.strictObject({
  id: ProfileId,
  name: z.string(),
  modifiedAt: z.string(),
  differences: z.array(ProfileDifference),
})
export type ProfileMatch = z.infer<typeof ProfileMatch>

/** A bundle checked on its own: valid, valid but edited since export (digest), or refused with a specific message. */
export const BundleReading = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('valid'), summary: BundleSummary }),
  z.strictObject({ kind: z.literal('digest-mismatch'), summary: BundleSummary, message: z.string() }),
  z.strictObject({ kind: z.literal('rejected'), problem: BundleProblem, message: z.string() }),
])
export type BundleReading = z.infer<typeof BundleReading>

/**
 * The preview of an import. On 'digest-mismatch' the UI may offer "Import anyway" with `warning` shown; the apply
 * call then needs `acceptDigestMismatch: true`.
 */
export const ImportPreview = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.enum(['ready', 'digest-mismatch']),
    summary: BundleSummary,
    warning: z.string().nullable(),
    /** Existing profiles for the same domain and environment, most recently modified first. */
    matches: z.array(ProfileMatch),
  }),
  z.strictObject({ kind: z.literal('rejected'), problem: BundleProblem, message: z.string() }),
])
export type ImportPreview = z.infer<typeof ImportPreview>

/** Where an import goes: a new profile, or over an existing one the admin chose (after seeing the differences). */
export const ImportTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('new') }),
  z.strictObject({ kind: z.literal('replace'), profileId: ProfileId }),
])
export type ImportTarget = z.infer<typeof ImportTarget>

export const ImportOutcome = z.strictObject({ profile: Profile, replaced: z.boolean() })
export type ImportOutcome = z.infer<typeof ImportOutcome>
