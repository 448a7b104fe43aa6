/**
 * The single list of what the renderer may ask of main (methods: `does` names the action in the admin's words, for
 * error messages) and what it may hear from main (events). Main's IPC wiring, the preload's window.api and the
 * loopback test bridge are all generated from these objects.
 */
import { z } from 'zod'
import { parseDomain } from './domain'
import { CertificateImportResult, MAX_CERTIFICATE_INPUT_BYTES } from './certificate'
import { ProfileKeyStatus } from './keyStatus'
import { LiveCheckKind, LiveCheckProgress, RunId } from './liveCheck'
import { MAX_METADATA_BYTES, MetadataImport } from './metadataImport'
import { CertificateBody, Env, MAX_CA_PEM_BYTES, MAX_OTHER_EMAIL_DOMAINS, SetupState } from './setupState'
import { ProvisionedUserLookup } from './provisionedUser'
import { MAX_SAML_RESPONSE_BYTES, SsoResponseCheck } from './ssoResponse'
import { ImportOutcome, ImportPreview, ImportTarget, MAX_BUNDLE_BYTES } from './bundle'
import { ProfileId, ProfileList, ProfileName, ProfileNotes, ProfileSummary } from './profile'
import type { SetupReport } from './setupReport'
import type { Envelope } from './envelope'
import { EVENT_NAMES, METHOD_NAMES, type EventName, type MethodName } from './methods'

export const MAX_CLIPBOARD_TEXT = 64 * 1024

/** Accepts what an admin types and yields the normalized domain, or the specific reason it is not one. */
export const Domain = z
  .string()
  .max(1000)
  .transform((text, ctx) => {
    const parsed = parseDomain(text)
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error })
      return z.NEVER
    }
    return parsed.domain
  })

export const SpValues = z.object({
  domain: z.string(),
  env: Env,
  host: z.string(),
  spEntityId: z.string(),
  acsUrl: z.string(),
})
export type SpValues = z.infer<typeof SpValues>

export const SetupLoadResult = z.object({
  state: SetupState.nullable(),
  /** Set when a saved file could not be used; tells the admin what happened to it. */
  notice: z.string().nullable(),
})
export type SetupLoadResult = z.infer<typeof SetupLoadResult>

/** The profile the wizard works on: main keeps it open, so saves, the API key and checks all belong to it. */
export const OpenedProfile = z.object({ id: ProfileId, name: z.string(), notes: z.string(), state: SetupState })
export type OpenedProfile = z.infer<typeof OpenedProfile>

const FileName = z.string().max(300)
const tooLarge = (what: string, limit: number) =>
  `${what} is larger than ${Math.round(limit / 1024)} KiB, far larger than it can be. Check that you picked the right file.`

/** A certificate pasted as text, or a file's bytes (PEM or binary DER) as base64. */
export const CertificateSource = z.discriminatedUnion('source', [
  z.strictObject({
    source: z.literal('text'),
    text: z.string().max(MAX_CERTIFICATE_INPUT_BYTES, tooLarge('The pasted text', MAX_CERTIFICATE_INPUT_BYTES)),
  }),
  z.strictObject({
    source: z.literal('file'),
    fileName: FileName,
    base64: z
      .base64('The file could not be read. Choose it again.')
      .max(Math.ceil(MAX_CERTIFICATE_INPUT_BYTES / 3) * 4, tooLarge('The certificate file', MAX_CERTIFICATE_INPUT_BYTES)),
  }),
])

/** The key as pasted; core checks its format (and never repeats it in a message). */
const ApiKeyInput = z.string().max(4096, 'That is far longer than a Dialpad API key. Copy only the key.')

const ScimBaseUrl = z.string().max(2000)
const ExtraCaPem = z.string().max(MAX_CA_PEM_BYTES).nullable()
const Email = z.string().max(320)

export const ScimCheckRequest = z.strictObject({
  kind: LiveCheckKind.extract(['scim-connection', 'scim-lifecycle']),
  baseUrl: ScimBaseUrl,
  extraCaPem: ExtraCaPem,
  /** Only for the lifecycle test, which creates a real user. */
  userEmail: Email.optional(),
  /** The admin confirmed the lifecycle test creates a real user. */
  confirmedRealUser: z.boolean().optional(),
})

/** The company's other email domains, each as an admin may type it; normalized like the company domain. */
const OtherEmailDomains = z.array(Domain).max(MAX_OTHER_EMAIL_DOMAINS)

/** "Is this user provisioned?": a read-only lookup of one email with the stored API key. */
export const ScimFindUserRequest = z.strictObject({ baseUrl: ScimBaseUrl, extraCaPem: ExtraCaPem, email: Email })

const IdpSsoUrl = z.string().max(2000)
const IdpEntityId = z.string().max(2000).nullable()

/** A SAML response as pasted (base64 as posted, or XML) or a file's bytes as base64. */
export const SamlResponseSource = z.discriminatedUnion('source', [
  z.strictObject({
    source: z.literal('text'),
    text: z.string().max(MAX_SAML_RESPONSE_BYTES, tooLarge('The pasted response', MAX_SAML_RESPONSE_BYTES)),
  }),
  z.strictObject({
    source: z.literal('file'),
    fileName: FileName,
    base64: z
      .base64('The file could not be read. Choose it again.')
      .max(Math.ceil(MAX_SAML_RESPONSE_BYTES / 3) * 4, tooLarge('The response file', MAX_SAML_RESPONSE_BYTES)),
  }),
])

/**
 * Where a test login starts: at Dialpad's login page ("Login with Another Provider", as users do; Dialpad builds the
 * AuthnRequest), with a request the app builds and sends straight to JumpCloud (the fallback), or at JumpCloud's
 * user portal (IdP-initiated).
 */
export const LoginStart = z.enum(['dialpad-login', 'dialpad', 'jumpcloud-portal'])
export type LoginStart = z.infer<typeof LoginStart>

const BundleBytes = z
  .base64('The file could not be read. Choose it again.')
  .max(Math.ceil(MAX_BUNDLE_BYTES / 3) * 4 + 4, `The bundle is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MiB, far larger than a configuration bundle can be. Check that you picked the right file.`)

export const contract = {
  'sp.derive': {
    does: 'working out the Service Provider values',
    input: z.strictObject({ domain: Domain, env: Env }),
    output: SpValues,
  },
  'profiles.list': { does: 'listing your profiles', input: z.strictObject({}), output: ProfileList },
  'profiles.create': { does: 'creating the profile', input: z.strictObject({ name: ProfileName }), output: ProfileSummary },
  'profiles.rename': { does: 'renaming the profile', input: z.strictObject({ id: ProfileId, name: ProfileName }), output: ProfileSummary },
  'profiles.setNotes': { does: 'saving the notes', input: z.strictObject({ id: ProfileId, notes: ProfileNotes }), output: ProfileSummary },
  'profiles.duplicate': { does: 'duplicating the profile', input: z.strictObject({ id: ProfileId }), output: ProfileSummary },
  'profiles.delete': { does: 'deleting the profile', input: z.strictObject({ id: ProfileId }), output: z.object({ deleted: z.literal(true) }) },
  'profiles.open': { does: 'opening the profile', input: z.strictObject({ id: ProfileId }), output: OpenedProfile },
  'setup.save': {
    does: 'saving your progress',
    input: z.strictObject({ state: SetupState }),
    output: z.object({ savedAt: z.string() }),
  },
  'bundle.export': {
    does: 'exporting the bundle',
    input: z.strictObject({ id: ProfileId, includeKeyHint: z.boolean() }),
    output: z.object({ fileName: z.string(), text: z.string() }),
  },
  'bundle.preview': {
    does: 'reading the bundle',
    input: z.strictObject({ fileName: FileName, base64: BundleBytes }),
    output: ImportPreview,
  },
  'bundle.import': {
    does: 'importing the bundle',
    input: z.strictObject({ base64: BundleBytes, target: ImportTarget, acceptDigestMismatch: z.boolean() }),
    output: ImportOutcome,
  },
  /** A bundle the OS asked the app to open ("Open with", a double-click), handed over once. */
  'bundle.takeOpened': {
    does: 'opening the bundle file',
    input: z.strictObject({}),
    output: z.object({ fileName: z.string(), base64: z.string() }).nullable(),
  },
  'report.build': { does: 'preparing the setup report', input: z.strictObject({ id: ProfileId }), output: z.custom<SetupReport>() },
  'report.html': {
    does: 'saving the setup report',
    input: z.strictObject({ id: ProfileId }),
    output: z.object({ fileName: z.string(), html: z.string() }),
  },
  'clipboard.copy': {
    does: 'copying to the clipboard',
    input: z.strictObject({ text: z.string().min(1).max(MAX_CLIPBOARD_TEXT) }),
    output: z.object({ copied: z.literal(true) }),
  },
  'certificate.import': {
    does: 'reading the certificate',
    input: CertificateSource,
    output: CertificateImportResult,
  },
  'metadata.import': {
    does: 'reading the metadata file',
    // Bytes, not text: Windows tools save metadata as UTF-16, which core decodes.
    input: z.strictObject({
      fileName: FileName,
      base64: z
        .base64('The file could not be read. Choose it again.')
        .max(Math.ceil((2 * MAX_METADATA_BYTES) / 3) * 4, tooLarge('The metadata file', MAX_METADATA_BYTES)),
    }),
    output: MetadataImport,
  },
  'apiKey.status': { does: 'checking the stored API key', input: z.strictObject({}), output: ProfileKeyStatus },
  'apiKey.store': { does: 'storing the API key in the keychain', input: z.strictObject({ apiKey: ApiKeyInput }), output: ProfileKeyStatus },
  'apiKey.keepForSession': {
    does: 'keeping the API key for this session',
    input: z.strictObject({ apiKey: ApiKeyInput }),
    output: ProfileKeyStatus,
  },
  'apiKey.delete': { does: 'deleting the stored API key', input: z.strictObject({}), output: ProfileKeyStatus },
  'apiKey.copyToClipboard': {
    does: 'copying the API key',
    input: z.strictObject({}),
    output: z.object({ clearsAfterSeconds: z.number() }),
  },
  'scim.start': { does: 'starting the SCIM check', input: ScimCheckRequest, output: z.object({ runId: z.string() }) },
  'scim.findUser': { does: 'looking the user up in Dialpad', input: ScimFindUserRequest, output: ProvisionedUserLookup },
  'sso.checkServices': {
    does: 'checking Dialpad and JumpCloud',
    input: z.strictObject({ domain: Domain, env: Env, idpSsoUrl: IdpSsoUrl.nullable(), extraCaPem: ExtraCaPem }),
    output: z.object({ runId: z.string() }),
  },
  'sso.startLogin': {
    does: 'starting the test login',
    input: z.strictObject({
      domain: Domain,
      otherEmailDomains: OtherEmailDomains,
      env: Env,
      idpSsoUrl: IdpSsoUrl,
      idpEntityId: IdpEntityId,
      idpCertificate: CertificateBody,
      start: LoginStart,
      continueToDialpad: z.boolean(),
    }),
    output: z.object({ runId: z.string() }),
  },
  'sso.validateResponse': {
    does: 'checking the SAML response',
    input: z.strictObject({
      response: SamlResponseSource,
      domain: Domain,
      otherEmailDomains: OtherEmailDomains,
      env: Env,
      idpEntityId: IdpEntityId,
      idpCertificate: CertificateBody,
      /** The ID of the AuthnRequest the response answers, when the admin knows it (SP-initiated logins). */
      requestId: z.string().max(200).nullable(),
      /** For a response captured earlier: judge its time window at the moment it was issued, not now. */
      judgeAtIssueInstant: z.boolean(),
    }),
    output: SsoResponseCheck,
  },
  'liveCheck.cancel': { does: 'cancelling the check', input: z.strictObject({ runId: RunId }), output: z.object({ cancelled: z.boolean() }) },
} as const

/**
 * What main tells the renderer without being asked, each payload checked against its schema before it is sent.
 * An event goes only to the window (or bridge page) whose call caused it.
 *
 * 'liveCheck.progress': a live check started by this window moved on (a step started or finished, or the run ended).
 * Keyed by `runId`; each event carries the run's whole state, not a delta, so the latest one is the truth and a
 * subscriber that missed some loses nothing. The last event of a run has `done: true` and the result.
 */
export const events = {
  'liveCheck.progress': { payload: LiveCheckProgress },
} as const

export type Contract = typeof contract
export type Events = typeof events
export type Event = EventName
export const EVENTS: readonly Event[] = EVENT_NAMES
export type EventPayload<E extends Event> = z.infer<Events[E]['payload']>

const everyEventNameHasASchema: Record<EventName, unknown> = events
const noEventWithoutAName: [Exclude<keyof Events, EventName>] extends [never] ? true : false = true
void everyEventNameHasASchema
void noEventWithoutAName

export function isEvent(name: string): name is Event {
  return Object.prototype.hasOwnProperty.call(events, name)
}

/** Sends one event to whoever made the call that caused it; core never knows which transport that is. */
export type EmitEvent = <E extends Event>(event: E, payload: EventPayload<E>) => void

/** Who made a call, as core's handlers see it: where the events the call causes must go. */
export interface Caller {
  emit: EmitEvent
}

export type EventListener<E extends Event> = (payload: EventPayload<E>) => void
/** window.api.on: listens to one contract event; returns the function that stops listening. */
export type Subscribe = <E extends Event>(event: E, listener: EventListener<E>) => () => void
export type Method = MethodName
export const METHODS: readonly Method[] = METHOD_NAMES

// Compile-time proof that contract and METHOD_NAMES list the same methods.
const everyNameHasAContract: Record<MethodName, unknown> = contract
const noContractWithoutAName: [Exclude<keyof Contract, MethodName>] extends [never] ? true : false = true
void everyNameHasAContract
void noContractWithoutAName

export type MethodInput<M extends Method> = z.input<Contract[M]['input']>
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>
export type MethodOutput<M extends Method> = z.infer<Contract[M]['output']>

/** Core implements one function per method, receiving already-validated input and who called. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>, caller: Caller) => Promise<MethodOutput<M>> }

/** window.api in the renderer: one narrow function per method, never a generic invoke, and `on` for the events. */
export type Api = { [M in Method]: (input: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>> } & { on: Subscribe }

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
