/**
 * The configuration bundle (`*.dialpad-sso.json`): one profile exported for a colleague or Dialpad Support.
 *
 * Versioning (`formatVersion` is "major.minor"):
 * - A minor version only ever adds optional fields; a major version is anything an older reader could misread.
 * - A reader refuses a newer major outright.
 * - A reader accepts a newer minor only when the bundle uses nothing it does not know (strict validation passes):
 *   such a bundle means exactly the same to both versions, and the digest covers all of it. A newer-minor bundle
 *   that does use new fields is refused with "update the app", never imported with parts dropped.
 * - The profile's `setup` is the app's SetupState. A SetupState change that only adds fields with an empty default
 *   is a minor bump (older bundles get the default on import); any other change is a major bump with an import
 *   migration for the previous major.
 *
 * The API key is never part of a bundle; at most its last 4 characters (`keyHint`), and only when the admin asks.
 */
import { z } from 'zod'
import { CheckStatus } from './checkRun'
import { LiveCheckKind } from './liveCheck'
import { Profile, ProfileId, ProfileName, ProfileNotes, Progress } from './profile'
import { Env, LoginCheckSource, SetupState } from './setupState'

export const BUNDLE_FORMAT = 'dialpad-sso-bundle'
export const BUNDLE_FORMAT_VERSION = '1.0'
export const BUNDLE_FILE_SUFFIX = '.dialpad-sso.json'
/** A complete bundle is 10–50 KiB; a few certificates and many check runs stay far below this. */
export const MAX_BUNDLE_BYTES = 2 * 1024 * 1024
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
  certificate: z.strictObject({ subject: z.string(), sha256: z.string(), notAfter: z.string() }).nullable(),
  checks: z.array(z.strictObject({ title: z.string(), ok: z.boolean(), checkedAt: z.string() })),
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
