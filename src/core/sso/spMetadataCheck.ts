import type { SpValues } from '../../shared/contract'
import { DIALPAD_ENVIRONMENTS } from '../../shared/environments'
import type { HttpResponse } from '../net/sendRequest'
import { diagnoseNetFailure, diagnoseServiceTrouble, looksLikeHtml, type NetTarget } from '../checks/netDiagnosis'
import { netTargets } from '../checks/netTargets'
import { failed, pass, type StepOutcome } from '../../shared/checkOutcome'
import { clockObservation } from './clockSkew'
import { MAX_SP_METADATA_BYTES, readSpMetadata, type SpMetadata, type SpMetadataRefusalReason } from './spMetadataParse'
import { describeAnswer, quoted } from './spMetadataReceived'
import { spMetadataUrl } from './spMetadataUrl'
import { type ServiceCheckResult, type ServiceRequestOptions, sendServiceRequest } from './ssoServicesCheckStep'

export interface SpMetadataCheckOptions extends ServiceRequestOptions {
  /** The SP values the wizard showed for the domain (deriveSpValues). */
  sp: SpValues
  /** Where to fetch from instead of https://<sp.host> (tests, a mirror); the values expected stay `sp`'s. */
  metadataBaseUrl?: string
}

const ACCEPT = 'application/samlmetadata+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1'
const SAML_PAGE = 'Admin Settings > My Company > Authentication > SAML'

/** Refusals that say the answer was damaged or tampered with on the way, rather than that SAML is not saved. */
const DAMAGED: ReadonlySet<SpMetadataRefusalReason> = new Set(['doctype', 'malformed', 'too-large', 'too-complex'])

/**
 * The fix for every answer that suggests Dialpad has no Custom SAML configuration for the domain. Worded as an "if":
 * Dialpad does not document this metadata address (docs/service-facts.md), which is why the step is informational.
 */
export function notSavedFix(sp: SpValues): string {
  const where = sp.env === 'production' ? 'Dialpad' : `Dialpad ${DIALPAD_ENVIRONMENTS[sp.env].label} (${sp.host})`
  return (
    `If SAML with the Custom provider is not saved for ${sp.domain} in ${where}: in Dialpad, go to ${SAML_PAGE}, choose Custom under ` +
    '"Choose your provider", fill in the three IdP values (IdP SSO URL, IdP Entity ID (Issuer) and Certificate) and select Save; then check again. ' +
    'Dialpad does not document this metadata address, so the test login is what decides.'
  )
}

/**
 * Check 1: Dialpad publishes SP metadata for the domain, and its entityID and HTTP-POST AssertionConsumerService are
 * the SP Entity ID and ACS URL the wizard showed. Dialpad only publishes it once SAML with the Custom provider is
 * saved for the domain, so a 404, a web page or other values all mean the same thing to the admin.
 */
/** Dialpad's own address, or the one given instead of it (a test server), as the diagnoses name it. */
function metadataTarget(url: URL, metadataBaseUrl: string | undefined): NetTarget {
  return metadataBaseUrl === undefined ? netTargets.dialpadSamlMetadata(url) : netTargets.customTestAddress(url, metadataBaseUrl.trim())
}

export async function checkSpMetadata(options: SpMetadataCheckOptions): Promise<ServiceCheckResult> {
  const { sp } = options
  const address = spMetadataUrl(sp, options.metadataBaseUrl)
  if (!address.ok) return { outcome: failed(address), clock: { service: 'Dialpad', reason: 'no-answer' } }
  const { url } = address
  const target = metadataTarget(url, options.metadataBaseUrl)

  const sent = await sendServiceRequest(options, url, ACCEPT, MAX_SP_METADATA_BYTES)
  const receivedAt = options.now()
  if (!sent.ok) return { outcome: failed(diagnoseNetFailure(sent.failure, target)), clock: { service: 'Dialpad', reason: 'no-answer' } }

  const { response } = sent
  return { outcome: judgeAnswer(response, target, options), clock: clockObservation('Dialpad', response.headers, receivedAt) }
}

function judgeAnswer(response: HttpResponse, target: NetTarget, options: SpMetadataCheckOptions): StepOutcome {
  const { sp } = options
  const { url } = target
  const received = describeAnswer(response, url)
  const notSaved = (detail: string): StepOutcome => failed({ detail, fix: notSavedFix(sp) })

  if (response.status !== 200) {
    const special = diagnoseServiceTrouble(response, target, options.now(), received)
    if (special) return failed(special)
    return notSaved(`Dialpad has no SAML metadata for ${sp.domain}: ${url.href} answered ${received}.`)
  }
  if (looksLikeHtml(response)) {
    return notSaved(`Dialpad answered ${url.href} with a web page instead of SAML metadata (${received}).`)
  }
  const reading = readSpMetadata(response.body)
  if (!reading.ok) {
    if (DAMAGED.has(reading.reason)) {
      return failed({
        detail: `${reading.detail} (${received}). Nothing was used from it.`,
        fix: `Check again; if it keeps happening, something between this computer and ${url.hostname} changes the answer: ask your network team whether a proxy is in the way, or copy these details for Dialpad Support.`,
      })
    }
    return notSaved(`${reading.detail} (${received}).`)
  }
  return compareWithWizard(reading.metadata, sp) ?? pass(matchedDetail(reading.metadata, sp))
}

/** A failed outcome naming each value that differs, or undefined when both match. */
function compareWithWizard(metadata: SpMetadata, sp: SpValues): StepOutcome | undefined {
  const differences: string[] = []
  if (metadata.entityId !== sp.spEntityId) {
    differences.push(`its SP Entity ID is "${quoted(metadata.entityId, 120)}" where the assistant showed "${sp.spEntityId}"`)
  }
  if (!metadata.postAcsLocations.includes(sp.acsUrl)) {
    const found = metadata.postAcsLocations.map((location) => `"${quoted(location, 120)}"`).join(', ')
    differences.push(`its ACS URL (HTTP-POST) is ${found} where the assistant showed "${sp.acsUrl}"`)
  }
  if (differences.length === 0) return undefined
  return failed({
    detail: `Dialpad's SAML metadata for ${sp.domain} does not match the values the assistant showed: ${differences.join('; ')}.`,
    fix: notSavedFix(sp),
  })
}

function matchedDetail(metadata: SpMetadata, sp: SpValues): string {
  return `Dialpad publishes SAML metadata for ${sp.domain} with the SP Entity ID (${metadata.entityId}) and ACS URL (${sp.acsUrl}) the assistant showed.`
}
