import { z } from 'zod'
import { CheckRun } from './checkRun'
import { ENVIRONMENT_IDS } from './environments'
import { MAX_CA_PEM_BYTES, MAX_OTHER_EMAIL_DOMAINS } from './limits'
import { LiveCheckKind } from './liveCheck'
import { Provenance } from './provenanceSchema'

export { MAX_CA_PEM_BYTES, MAX_OTHER_EMAIL_DOMAINS } from './limits'
export { EMPTY_IDP, EMPTY_PROVENANCE, EMPTY_SCIM, EMPTY_SSO } from './setupDefaults'

export const SETUP_SCHEMA_VERSION = 4

export const Env = z.enum(ENVIRONMENT_IDS)
export const StepId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'Step ids are lowercase words joined by hyphens.')
export const ChecklistItemId = z.string().regex(/^[a-z0-9.-]{1,100}$/)

const Text = z.string().max(2000)
/** Base64 of a certificate's DER on one line, as accepted by the certificate import. */
export const CertificateBody = z.string().max(16 * 1024).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'A certificate body is base64 text.')

/** What was read from JumpCloud's metadata file, kept so the wizard can cross-check what the admin enters. */
export const ImportedMetadata = z.strictObject({
  fileName: z.string().max(300),
  importedAt: z.iso.datetime(),
  entityId: Text,
  ssoUrl: Text,
  signingCertificates: z.array(CertificateBody).max(10),
})
export type ImportedMetadata = z.infer<typeof ImportedMetadata>

/** The Identity Provider (JumpCloud) values, exactly as entered or imported. */
export const IdpState = z.strictObject({
  entityIdInput: Text,
  ssoUrlInput: Text,
  /** The certificate the admin accepted, or null; refused imports never change it. */
  certificate: CertificateBody.nullable(),
  metadata: ImportedMetadata.nullable(),
})
export type IdpState = z.infer<typeof IdpState>

/** The SP values the admin last copied for JumpCloud, so a later domain change can be caught. */
export const CopiedSpValues = z.strictObject({ spEntityId: Text, acsUrl: Text })
export type CopiedSpValues = z.infer<typeof CopiedSpValues>


/** The SCIM provisioning part: where the checks go, and what they found (with timestamps). */
export const ScimState = z.strictObject({
  baseUrlMode: z.enum(['environment', 'custom']),
  customBaseUrl: Text,
  /** A corporate root CA (TLS inspection) the admin chose; public certificates only. */
  extraCa: z.strictObject({ fileName: z.string().max(300), pem: z.string().max(MAX_CA_PEM_BYTES) }).nullable(),
  testUserEmail: Text,
  lastConnectionTest: CheckRun.nullable(),
  lastLifecycleTest: CheckRun.nullable(),
})
export type ScimState = z.infer<typeof ScimState>

/** Where the checked login came from: the app's login window, or a SAML response pasted or loaded from a file. */
export const LoginCheckSource = z.enum(['login-window', 'pasted'])
export type LoginCheckSource = z.infer<typeof LoginCheckSource>

/** The live SSO checks, with timestamps (inside each CheckRun). The SAML response itself is never kept. */
export const SsoState = z.strictObject({
  lastServicesCheck: CheckRun.nullable(),
  lastLoginCheck: z.strictObject({ source: LoginCheckSource, run: CheckRun }).nullable(),
})
export type SsoState = z.infer<typeof SsoState>

/**
 * What each tick and each saved check result was made against (version 4). A tick's record goes with the tick and a
 * check's with its latest result: the store sets or clears both in one change.
 */
export const SetupProvenance = z.strictObject({
  ticks: z.record(ChecklistItemId, Provenance).refine((r) => Object.keys(r).length <= 500, 'Too many checklist items.'),
  checks: z.strictObject(Object.fromEntries(LiveCheckKind.options.map((kind) => [kind, Provenance.optional()])) as Record<LiveCheckKind, z.ZodOptional<typeof Provenance>>),
})
export type SetupProvenance = z.infer<typeof SetupProvenance>

/** The wizard's durable state: what the admin typed and ticked, and where they are. */
export const SetupState = z.strictObject({
  currentStepId: StepId,
  visitedStepIds: z.array(StepId).max(100),
  /** Exactly what the admin typed, so a reload shows it unchanged; normalized on use. */
  domainInput: z.string().max(1000),
  /**
   * The company's other email domains in Dialpad (a company can have secondary domains), normalized; users' addresses
   * there are accepted by the SSO login check. Version 4 added it: the migration from 3 gives older setups none.
   */
  otherEmailDomains: z.array(z.string().max(253)).max(MAX_OTHER_EMAIL_DOMAINS),
  env: Env,
  checklist: z.record(ChecklistItemId, z.boolean()).refine((r) => Object.keys(r).length <= 500, 'Too many checklist items.'),
  idp: IdpState,
  spCopiedToJumpCloud: CopiedSpValues.nullable(),
  scim: ScimState,
  sso: SsoState,
  provenance: SetupProvenance,
})
export type SetupState = z.infer<typeof SetupState>

/** The document main writes to disk. */
export const SetupDocument = z.strictObject({
  schemaVersion: z.literal(SETUP_SCHEMA_VERSION),
  savedAt: z.iso.datetime(),
  setup: SetupState,
})
export type SetupDocument = z.infer<typeof SetupDocument>
