import type { Element } from '@xmldom/xmldom'
import { formatBytes } from '../../../shared/byteSize'
import { type CheckStep, checkRunFrom } from '../../../shared/checkRun'
import { MAX_SAML_RESPONSE_BYTES, type SsoResponseCheck } from '../../../shared/ssoResponse'
import { parseXmlSafely, XmlRefusedError } from '../../xml/safeXml'
import { type AssertionFacts, readAssertionFacts } from './assertionFacts'
import { AUDIENCE_STEP, checkAudience } from './checks/audience'
import type { FieldCheckContext } from './checks/context'
import { checkDestination, DESTINATION_STEP } from './checks/destination'
import { checkEmailAttribute, EMAIL_ATTRIBUTE_STEP } from './checks/emailAttribute'
import { checkInResponseTo, IN_RESPONSE_TO_STEP } from './checks/inResponseTo'
import { checkIssuer, ISSUER_STEP } from './checks/issuer'
import { checkNameId, NAME_ID_STEP } from './checks/nameId'
import { checkOneAssertion, ONE_ASSERTION_STEP } from './checks/oneAssertion'
import { fail, pass, skip, stepFrom, type StepDefinition, type StepOutcome, unexpectedProblem } from '../../../shared/checkOutcome'
import { checkRecipient, RECIPIENT_STEP } from './checks/recipient'
import { checkReplay, REPLAY_STEP } from './checks/replay'
import { checkSignature, SIGNATURE_STEP, unreadableCertificate } from './checks/signature'
import { checkSignatureAlgorithm, SIGNATURE_ALGORITHM_STEP } from './checks/signatureAlgorithm'
import { checkStatus, STATUS_STEP } from './checks/status'
import { checkTimeWindow, TIME_WINDOW_STEP } from './checks/timeWindow'
import type { SsoResponseExpectations } from './expectations'
import { trustedCertificate } from './idpCertificate'
import type { ReplayGuard } from './replayGuard'
import { readResponseFacts, type ResponseFacts } from './responseFacts'
import { readSamlResponse, type SamlResponseInput } from './responseInput'
import { summarizeResponse } from './responseSummary'
import { type SignatureVerification, verifySignatures } from './signatureVerification'

export type { SamlResponseInput } from './responseInput'
export type { SsoResponseExpectations } from './expectations'
export { ReplayGuard } from './replayGuard'

export interface ValidateOptions {
  /** The time the response is judged at: now for a live login, the capture time for an old pasted one. */
  now: Date
  /** Remembers answered requests and used assertions; give one during live test logins, none for pasted responses. */
  replayGuard?: ReplayGuard
  /**
   * For a response captured earlier (a customer's, sent to support): judge its time window at the moment JumpCloud
   * issued it (the Response's IssueInstant) instead of `now`. Everything else is unchanged.
   */
  judgeAtIssueInstant?: boolean
}

export const DECODE_STEP = { id: 'decode', title: 'The response could be read' }

/** The order the admin reads: the root cause of a failure comes before what it makes impossible to check. */
const FIELD_STEPS: [StepDefinition, (context: FieldCheckContext) => StepOutcome][] = [
  [SIGNATURE_ALGORITHM_STEP, checkSignatureAlgorithm],
  [ISSUER_STEP, checkIssuer],
  [AUDIENCE_STEP, checkAudience],
  [DESTINATION_STEP, checkDestination],
  [RECIPIENT_STEP, checkRecipient],
  [TIME_WINDOW_STEP, checkTimeWindow],
  [IN_RESPONSE_TO_STEP, checkInResponseTo],
]
const USER_STEPS: [StepDefinition, (context: FieldCheckContext) => StepOutcome][] = [
  [NAME_ID_STEP, checkNameId],
  [EMAIL_ATTRIBUTE_STEP, checkEmailAttribute],
]
const ALL_STEPS: StepDefinition[] = [
  DECODE_STEP,
  STATUS_STEP,
  ONE_ASSERTION_STEP,
  SIGNATURE_STEP,
  ...FIELD_STEPS.map(([step]) => step),
  REPLAY_STEP,
  ...USER_STEPS.map(([step]) => step),
]

/**
 * Validates a SAML response with the checks SAML 2.0 asks of a service provider such as Dialpad, item by item, against the certificate the admin imported (never
 * one the response carries). Never throws for bad input: every problem is a failed step with a fix.
 *
 * When no signature verifies, the checks of the assertion's content are skipped rather than run on text nobody
 * vouches for; the summary still shows that text, marked `verified: false`, for support staff to read.
 * The response itself is not kept: only the run and the summary are returned.
 */
export async function validateSamlResponse(
  input: SamlResponseInput,
  expect: SsoResponseExpectations,
  options: ValidateOptions,
): Promise<SsoResponseCheck> {
  const steps: CheckStep[] = []
  const add = (step: StepDefinition, outcome: StepOutcome) => steps.push(stepFrom(step, outcome))
  const finish = (summary: SsoResponseCheck['summary'], reason = ''): SsoResponseCheck => {
    for (const step of ALL_STEPS.slice(steps.length)) add(step, skip(`Not checked: ${reason}`))
    return { run: checkRunFrom(steps, options.now), summary }
  }
  try {
    return await runChecks(input, expect, options, add, finish)
  } catch (error) {
    // A bug, not bad input (that is always a failed step): still a result the admin can read and send on.
    add(ALL_STEPS[steps.length] ?? DECODE_STEP, unexpectedProblem(error))
    return finish(null, 'the check stopped at the problem above.')
  }
}

async function runChecks(
  input: SamlResponseInput,
  expect: SsoResponseExpectations,
  options: ValidateOptions,
  add: (step: StepDefinition, outcome: StepOutcome) => void,
  finish: (summary: SsoResponseCheck['summary'], reason?: string) => SsoResponseCheck,
): Promise<SsoResponseCheck> {
  const read = readSamlResponse(input)
  if (!read.ok) {
    add(DECODE_STEP, fail(read.detail, read.fix))
    return finish(null, 'the response could not be read.')
  }
  add(DECODE_STEP, pass(`Read a SAML Response of ${formatBytes(Buffer.byteLength(read.xml))}${read.form === 'base64' ? ', decoded from base64' : ''}.`))
  const response = readResponseFacts(read.root)
  const unverified = (verification: SignatureVerification | null = null) =>
    summarizeResponse({ response, assertion: rawAssertion(response), verified: false, verification })

  const status = checkStatus(response.status)
  add(STATUS_STEP, status)
  if (status.status === 'fail') return finish(unverified(), 'JumpCloud sent an error instead of a login.')

  const oneAssertion = checkOneAssertion(response)
  add(ONE_ASSERTION_STEP, oneAssertion)
  if (oneAssertion.status === 'fail') return finish(unverified(), 'the response does not hold exactly one assertion where SAML puts it.')

  const trusted = trustedCertificate(expect.idpCertificate)
  if (!trusted) {
    add(SIGNATURE_STEP, unreadableCertificate())
    return finish(unverified(), 'without a readable IdP certificate nothing in the response can be trusted.')
  }
  const present = {
    response: response.signatures.some((signature) => signature.element === 'response'),
    assertion: response.signatures.some((signature) => signature.element === 'assertion'),
  }
  const verification = await verifySignatures(read.xml, trusted.pem, present)
  const signature = await checkSignature(response, verification, trusted, (pem) => verifySignatures(read.xml, pem, present))
  const signed = signature.status === 'pass' ? readSignedAssertion(verification) : null
  if (signature.status === 'pass' && !signed) {
    add(SIGNATURE_STEP, fail('The signature verified, but the signed assertion could not be read back.', 'Capture the response again; if this keeps happening, send these details to support.'))
  } else {
    add(SIGNATURE_STEP, signature)
  }
  if (!signed) {
    return finish(unverified(verification), 'the signature did not verify with the imported certificate, so nothing in the assertion can be trusted. Fix the signature first.')
  }

  const context: FieldCheckContext = { response, assertion: signed, expect, verification, now: judgedAt(response, options) }
  for (const [step, check] of FIELD_STEPS) {
    const outcome = check(context)
    const judgedEarlier = step === TIME_WINDOW_STEP && context.now !== options.now
    add(step, judgedEarlier ? { ...outcome, detail: `${outcome.detail} Judged at ${context.now.toISOString()}, when JumpCloud issued the response, as asked.` } : outcome)
  }
  add(REPLAY_STEP, checkReplay(context, options.replayGuard))
  for (const [step, check] of USER_STEPS) add(step, check(context))
  return finish(summarizeResponse({ response, assertion: signed, verified: true, verification }))
}

function judgedAt(response: ResponseFacts, options: ValidateOptions): Date {
  if (!options.judgeAtIssueInstant || response.issueInstant === null) return options.now
  const issued = new Date(response.issueInstant)
  return Number.isNaN(issued.getTime()) ? options.now : issued
}

/** The assertion as node-saml returned it from the verified signature: the only content the field checks read. */
function readSignedAssertion(verification: SignatureVerification): AssertionFacts | null {
  if (verification.signedAssertionXml === null) return null
  try {
    const document = parseXmlSafely(verification.signedAssertionXml, { maxBytes: MAX_SAML_RESPONSE_BYTES, what: 'The signed assertion' })
    const root = document.documentElement as Element
    return root.localName === 'Assertion' ? readAssertionFacts(root) : null
  } catch (error) {
    if (error instanceof XmlRefusedError) return null
    throw error
  }
}

/** The unverified assertion, for the summary only. */
function rawAssertion(response: ResponseFacts): AssertionFacts | null {
  return response.assertion ? readAssertionFacts(response.assertion) : null
}
