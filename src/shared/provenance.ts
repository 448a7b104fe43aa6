/**
 * Provenance: what a verdict (a tick, a saved check result) was made against. Each verdict records the current value
 * of the inputs it depends on (see wizard/verdictInputs.ts); the wizard derives from the record whether the verdict
 * still holds (wizard/stepState.ts).
 *
 * Adding an input is one entry in VERDICT_INPUTS (its label, how to read it from the setup, how to say it), its schema
 * in provenanceSchema.ts, plus the verdicts that depend on it in wizard/verdictInputs.ts. Records made before an input
 * existed simply lack it, and the verdicts that need it then say "made before this version recorded its inputs".
 *
 * No zod here: the renderer derives step states on first load (provenanceSchema.ts holds the schemas).
 */
import { oneLine } from './displayText'
import { parseDomain } from './domain'
import { DIALPAD_ENVIRONMENTS, type EnvironmentId } from './environments'
import { formatUtc } from './formatUtc'
import { scimCheckAddress } from './scimAddress'
import { certificateFingerprint } from './sha256'
import type { ProfileKeyStatus } from './keyStatus'
import type { SetupState } from './setupState'

/** Which API key a verdict was made with: never the key, only its last 4 characters and when it was stored. */
export interface KeyIdentity {
  /** Null in a bundle exported without the key hint (the last 4 characters stay out of it). */
  last4: string | null
  /** When the key was stored for the profile; it tells one key from the next, so it alone decides "the same key". */
  storedAt: string
}

/** What derivation works from: the saved setup, plus which API key is stored for the profile now (null: none). */
export type WizardFacts = SetupState & { apiKey: KeyIdentity | null }

interface VerdictInput<T> {
  /** How the admin calls it ("company domain"). */
  label: string
  /** Its value in the setup now, normalized so that equal means "the same for Dialpad and JumpCloud". */
  current(facts: WizardFacts): T
  /** Whether a recorded value is the current one; plain equality unless given. */
  same?(recorded: T, now: T): boolean
  /** The value in the admin's words, as in "was for acme-corp.com"; recorded values may come from a bundle, so shown safely. */
  describe(value: T): string
}

/**
 * The value each input has, as recorded. Spelled out rather than inferred from VERDICT_INPUTS: SetupState embeds the
 * records, and the inputs read SetupState, so inferring would make the types depend on themselves.
 */
export interface InputValues {
  domain: string | null
  env: EnvironmentId
  idpEntityId: string | null
  idpSsoUrl: string | null
  certificate: string | null
  scimBaseUrl: string | null
  apiKey: KeyIdentity | null
  /** Sorted, normalized; the primary domain is the `domain` input. */
  otherEmailDomains: string[]
}

/** Every input a verdict can depend on. The order is the order "was for …" lists them in. */
export const VERDICT_INPUTS: { readonly [K in keyof InputValues]: VerdictInput<InputValues[K]> } = {
  domain: {
    label: 'company domain',
    current: (facts) => {
      const parsed = parseDomain(facts.domainInput)
      return parsed.ok ? parsed.domain : null
    },
    describe: (domain) => (domain === null ? 'no valid company domain' : oneLine(domain, 253)),
  },
  env: {
    label: 'Dialpad environment',
    current: (facts) => facts.env,
    describe: (env) => `Dialpad ${DIALPAD_ENVIRONMENTS[env].label} (${DIALPAD_ENVIRONMENTS[env].host})`,
  },
  idpEntityId: {
    label: 'IdP Entity ID',
    // Exactly as typed: Dialpad compares it letter for letter.
    current: (facts) => (facts.idp.entityIdInput.trim() === '' ? null : facts.idp.entityIdInput),
    describe: (value) => (value === null ? 'no IdP Entity ID' : `the IdP Entity ID “${oneLine(value, 200)}”`),
  },
  idpSsoUrl: {
    label: 'IdP SSO URL',
    current: (facts) => facts.idp.ssoUrlInput.trim() || null,
    describe: (value) => (value === null ? 'no IdP SSO URL' : `the IdP SSO URL ${oneLine(value, 300)}`),
  },
  certificate: {
    label: 'IdP certificate',
    current: (facts) => (facts.idp.certificate === null ? null : certificateFingerprint(facts.idp.certificate)),
    describe: (fingerprint) => (fingerprint === null ? 'no IdP certificate' : `the certificate with SHA-256 ${fingerprint.slice(0, 11)}…${fingerprint.slice(-5)}`),
  },
  scimBaseUrl: {
    label: 'SCIM base URL',
    // The address the checks send their requests to, exactly as they are started with it.
    current: (facts) => scimCheckAddress(facts.scim, facts.env).url || null,
    describe: (url) => (url === null ? 'no SCIM base URL' : `the SCIM base URL ${oneLine(url, 300)}`),
  },
  apiKey: {
    label: 'API key',
    current: (facts) => facts.apiKey,
    same: (recorded, now) => (recorded === null || now === null ? recorded === now : recorded.storedAt === now.storedAt),
    describe: (key) =>
      key === null ? 'no stored API key' : `the API key ${key.last4 === null ? '' : `ending in …${oneLine(key.last4)} `}stored ${formatUtc(key.storedAt)}`,
  },
  otherEmailDomains: {
    label: 'other email domains',
    current: (facts) => [...new Set(facts.otherEmailDomains)].sort(),
    describe: (domains) => (domains.length === 0 ? 'no other email domains' : `the other email domains ${oneLine(domains.join(', '), 300)}`),
  },
}

export type InputName = keyof InputValues
export type InputValue<K extends InputName> = InputValues[K]
export const INPUT_NAMES = Object.keys(VERDICT_INPUTS) as InputName[]

/** The recorded values. An input a verdict depends on but that is missing here was not recorded (an older version). */
export type MadeAgainst = { [K in InputName]?: InputValue<K> }

/**
 * A verdict's provenance: when it was made (null when not known: recovered from a result saved by an older version)
 * and what it was made against.
 */
export interface Provenance {
  at: string | null
  against: MadeAgainst
}

export function currentValue<K extends InputName>(name: K, facts: WizardFacts): InputValue<K> {
  return VERDICT_INPUTS[name].current(facts) as InputValue<K>
}

export function sameValue<K extends InputName>(name: K, recorded: InputValue<K>, now: InputValue<K>): boolean {
  const definition = VERDICT_INPUTS[name] as VerdictInput<InputValue<K>>
  return definition.same ? definition.same(recorded, now) : JSON.stringify(recorded) === JSON.stringify(now)
}

export function describeValue<K extends InputName>(name: K, value: InputValue<K>): string {
  return (VERDICT_INPUTS[name] as VerdictInput<InputValue<K>>).describe(value)
}

/** The provenance of a verdict made now, against the current value of each input it depends on. */
export function provenanceNow(inputs: readonly InputName[], facts: WizardFacts, at: Date | string): Provenance {
  const against: Record<string, unknown> = {}
  for (const name of inputs) against[name] = currentValue(name, facts)
  return { at: typeof at === 'string' ? at : at.toISOString(), against: against as MadeAgainst }
}

/** Which key a profile's key status names, for derivation (null: no key stored). */
export function keyIdentityOf(status: ProfileKeyStatus | null): KeyIdentity | null {
  return status?.stored ? { last4: status.last4, storedAt: status.storedAt } : null
}

/** The facts derivation works from, for a setup and its profile's key status. */
export function wizardFacts(setup: SetupState, keyStatus: ProfileKeyStatus | null): WizardFacts {
  return { ...setup, apiKey: keyIdentityOf(keyStatus) }
}
