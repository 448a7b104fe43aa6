import { DIALPAD_ENVIRONMENTS, ENVIRONMENT_IDS, type EnvironmentId } from '../../shared/environments'
import type { MadeAgainst, Provenance } from '../../shared/provenance'
import { EMPTY_IDP, EMPTY_PROVENANCE, EMPTY_SCIM, EMPTY_SSO, SETUP_SCHEMA_VERSION, type SetupProvenance } from '../../shared/setupState'
import { PASTED_SP_VALUES_ITEM } from '../../shared/wizard/checklists'

type SetupObject = Record<string, unknown>

/**
 * The SetupState migrations, one per version: SETUP_MIGRATIONS[n] turns a version-n setup into version n + 1. The
 * setup store (setup.json of earlier versions), profile documents and version-1.0 bundles all embed a SetupState,
 * and all three upgrade it with these.
 */
export const SETUP_MIGRATIONS: Readonly<Record<number, (setup: SetupObject) => SetupObject>> = {
  // Version 2 added the IdP values, the SP values copied to JumpCloud and SCIM; a version 1 setup had none yet.
  1: (setup) => ({ ...setup, idp: EMPTY_IDP, spCopiedToJumpCloud: null, scim: EMPTY_SCIM }),
  // Version 3 added the live SSO checks.
  2: (setup) => ({ ...setup, sso: EMPTY_SSO }),
  // Version 4 added provenance (what each tick and check result was made against) and the company's other email
  // domains (none before).
  3: (setup) => ({ ...setup, otherEmailDomains: [], provenance: recoverProvenance(setup) }),
}

/** A setup of `version` brought to the current version (the result is validated by whoever reads it). */
export function migrateSetup(setup: unknown, version: number): unknown {
  if (setup === null || typeof setup !== 'object' || Array.isArray(setup)) return setup
  let current = setup as SetupObject
  for (let v = version; v < SETUP_SCHEMA_VERSION; v += 1) {
    const migrate = SETUP_MIGRATIONS[v]
    if (!migrate) throw new Error(`No setup migration from version ${v} to ${v + 1}`)
    current = migrate(current)
  }
  return current
}

/**
 * Version 3 recorded no provenance. Where a saved verdict itself says what it was made against, that is recovered,
 * so it is judged against the current values like any other: the SP values the admin copied for JumpCloud (the
 * "I pasted the SP values" tick) and the SSO login check's Audience, Issuer and signing certificate. Everything else
 * is left unrecorded and shows as "made before this version recorded its inputs" until it is ticked or run again.
 * Values are read only when they have the exact shape the app wrote; anything else stays unrecorded.
 */
export function recoverProvenance(setup: SetupObject): SetupProvenance {
  const ticks: SetupProvenance['ticks'] = {}
  const checks: SetupProvenance['checks'] = {}
  const checklist = (setup.checklist ?? {}) as Record<string, unknown>
  const copied = setup.spCopiedToJumpCloud as { spEntityId?: unknown } | null | undefined
  if (checklist[PASTED_SP_VALUES_ITEM] === true && typeof copied?.spEntityId === 'string') {
    const sp = spEntityIdParts(copied.spEntityId)
    if (sp) ticks[PASTED_SP_VALUES_ITEM] = { at: null, against: { domain: sp.domain, env: sp.env } }
  }
  const login = (setup.sso as { lastLoginCheck?: { run?: { checkedAt?: unknown; steps?: unknown } } } | undefined)?.lastLoginCheck
  const recovered = login?.run ? loginCheckAgainst(login.run.steps) : null
  if (recovered && Object.keys(recovered).length > 0) {
    // Version 3 accepted only the primary domain's addresses: the check was made against no other email domains.
    checks['sso-login'] = { at: isoOrNull(login?.run?.checkedAt), against: { ...recovered, otherEmailDomains: [] } }
  }
  return Object.keys(ticks).length === 0 && Object.keys(checks).length === 0 ? EMPTY_PROVENANCE : { ticks, checks }
}

const HOST_TO_ENV = new Map<string, EnvironmentId>(ENVIRONMENT_IDS.map((id) => [DIALPAD_ENVIRONMENTS[id].host, id]))
const SP_ENTITY_ID = /https:\/\/([a-z.]+)\/api\/saml\/metadata\/custom\/([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?=[.,;)\s]|$)/g
const FINGERPRINT = /SHA-256 ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})/g

/** The domain and environment in an SP Entity ID the app derived (https://<Dialpad host>/api/saml/metadata/custom/<domain>). */
function spEntityIdParts(text: string): { domain: string; env: EnvironmentId } | null {
  const match = [...text.matchAll(SP_ENTITY_ID)].pop()
  const env = match ? HOST_TO_ENV.get(match[1]) : undefined
  return match && env ? { domain: match[2], env } : null
}

/**
 * What a version-3 SSO login check was judged against, read from its own step details: the Audience step names
 * Dialpad's SP Entity ID last, the Issuer step the IdP Entity ID it expected, the signature step the imported
 * certificate's SHA-256 last.
 */
function loginCheckAgainst(steps: unknown): MadeAgainst | null {
  if (!Array.isArray(steps)) return null
  const detail = (id: string): string | null => {
    const step = steps.find((candidate) => (candidate as { id?: unknown })?.id === id) as { detail?: unknown } | undefined
    return typeof step?.detail === 'string' ? step.detail : null
  }
  const against: MadeAgainst = {}
  const audience = detail('audience')
  const sp = audience ? spEntityIdParts(audience) : null
  if (sp) Object.assign(against, { domain: sp.domain, env: sp.env })
  const issuer = detail('issuer')
  const expected = issuer ? (/Dialpad’s IdP Entity ID is “([^”]*)”/.exec(issuer) ?? /^Issuer is “([^”]*)”, Dialpad’s IdP Entity ID\.$/.exec(issuer)) : null
  // A value the message clipped (200 characters) is not the whole value.
  if (expected && expected[1].length < 200) against.idpEntityId = expected[1]
  else if (issuer?.includes('No IdP Entity ID was entered in this app')) against.idpEntityId = null
  const signature = detail('signature')
  const fingerprint = signature ? [...signature.matchAll(FINGERPRINT)].pop() : undefined
  if (fingerprint) against.certificate = fingerprint[1]
  return against
}

function isoOrNull(value: unknown): Provenance['at'] {
  return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value) ? value : null
}
