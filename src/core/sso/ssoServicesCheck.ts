import type { Dispatcher } from 'undici'
import { checkRunFrom, type CheckRun, type CheckStep } from '../../shared/checkRun'
import type { SpValues } from '../../shared/contract'
import type { StepDefinition } from '../../shared/checkOutcome'
import { runStep, skippedStep, type ProgressListener, type StepContext } from '../checks/stepRunner'
import { judgeClockSkew, type ClockObservation } from './clockSkew'
import { checkIdpReachable, idpNotEntered } from './idpReachability'
import { checkSpMetadata } from './spMetadataCheck'
import type { ServiceCheckResult, ServiceRequestOptions } from './ssoServicesCheckStep'

export interface DialpadMetadataCheckOptions {
  /** The SP values the wizard showed (deriveSpValues(domain, env)). */
  sp: SpValues
  /** Fetch the metadata from here instead of https://<sp.host> (tests point it at 127.0.0.1). */
  metadataBaseUrl?: string
  /** From createHttpDispatcher (proxy, corporate CA, timeouts); the caller closes it. */
  dispatcher: Dispatcher
  /** The admin's cancel button. */
  signal?: AbortSignal
  onProgress?: ProgressListener
  now?: () => Date
  /** Per request: everything, including the whole body, must arrive by then. Default 30 s. */
  deadlineMs?: number
}

export interface SsoServicesCheckOptions extends DialpadMetadataCheckOptions {
  /** The IdP SSO URL as entered (JumpCloud's IDP URL); null when not entered yet, which skips that step. */
  idpSsoUrl: string | null
}

/**
 * The SP metadata address and the clock are informational: Dialpad documents neither the metadata address nor its
 * clock tolerance. Whether the IdP SSO URL answers decides, since no login can start without it.
 */
const INFORMATIONAL = { decisive: false } as const
const METADATA_STEP = { id: 'sp-metadata', title: 'Dialpad has SAML saved with the Custom provider', ...INFORMATIONAL } as const
const IDP_STEP = { id: 'idp-reachable', title: 'The IdP SSO URL answers over a trusted connection' } as const
const CLOCK_STEP = { id: 'clock', title: "This computer's clock agrees with Dialpad's and JumpCloud's", ...INFORMATIONAL } as const

export const SSO_SERVICES_STEP_TITLES = { 'sp-metadata': METADATA_STEP.title, 'idp-reachable': IDP_STEP.title, clock: CLOCK_STEP.title } as const

const DIALPAD_CLOCK_STEP = { ...CLOCK_STEP, title: "This computer's clock agrees with Dialpad's" } as const

/**
 * Issue #5 checks 1-3: Dialpad publishes the SP metadata the wizard showed, the IdP SSO URL answers over valid TLS,
 * and this computer's clock agrees with both services' Date headers. The two requests go out at once; the clock
 * step reads their answers. Cancel with `signal`: steps still waiting fail as cancelled.
 */
export async function runSsoServicesCheck(options: SsoServicesCheckOptions): Promise<CheckRun> {
  const now = options.now ?? (() => new Date())
  const checkedAt = now()
  const ctx: StepContext = { token: '', onProgress: options.onProgress }
  const request = (onHttpStatus: (status: number) => void): ServiceRequestOptions => ({ ...requestOptions(options, now), onHttpStatus })

  const observations: ClockObservation[] = []
  const notEntered = idpNotEntered(options.idpSsoUrl)
  const [metadataStep, idpStep] = await Promise.all([
    runStep(ctx, METADATA_STEP, async (onHttpStatus) =>
      observed(observations, await checkSpMetadata({ ...request(onHttpStatus), sp: options.sp, metadataBaseUrl: options.metadataBaseUrl })),
    ),
    notEntered
      ? Promise.resolve(skippedStep(ctx, IDP_STEP, notEntered))
      : runStep(ctx, IDP_STEP, async (onHttpStatus) =>
          observed(observations, await checkIdpReachable({ ...request(onHttpStatus), idpSsoUrl: options.idpSsoUrl })),
        ),
  ])
  const clockStep = await judgeClockStep(ctx, CLOCK_STEP, observations, options.signal)
  return checkRunFrom([metadataStep, idpStep, clockStep], checkedAt)
}

/**
 * Check 1 alone, with the clock read from Dialpad's answer: what `dialpad-sso sso metadata` runs. There the metadata
 * step decides (exit 1 when Dialpad does not publish it), since whether it is published is the command's question;
 * in the wizard's services check the same step is informational.
 */
export async function runDialpadMetadataCheck(options: DialpadMetadataCheckOptions): Promise<CheckRun> {
  const now = options.now ?? (() => new Date())
  const checkedAt = now()
  const ctx: StepContext = { token: '', onProgress: options.onProgress }
  const observations: ClockObservation[] = []
  const metadataStep = await runStep(ctx, { ...METADATA_STEP, decisive: true }, async (onHttpStatus) => observed(observations, await checkSpMetadata({ ...requestOptions(options, now), onHttpStatus, sp: options.sp, metadataBaseUrl: options.metadataBaseUrl })),
  )
  const clockStep = await judgeClockStep(ctx, DIALPAD_CLOCK_STEP, observations, options.signal)
  return checkRunFrom([metadataStep, clockStep], checkedAt)
}

function requestOptions(options: DialpadMetadataCheckOptions, now: () => Date): Omit<ServiceRequestOptions, 'onHttpStatus'> {
  return { dispatcher: options.dispatcher, signal: options.signal, now, deadlineMs: options.deadlineMs }
}

/** Keeps the step's clock observation for the clock step, and hands its outcome to runStep. */
function observed(observations: ClockObservation[], result: ServiceCheckResult): ServiceCheckResult['outcome'] {
  if (result.clock) observations.push(result.clock)
  return result.outcome
}

async function judgeClockStep(ctx: StepContext, step: StepDefinition, observations: ClockObservation[], signal: AbortSignal | undefined): Promise<CheckStep> {
  if (signal?.aborted) return skippedStep(ctx, step, 'Not run: the check was cancelled.')
  // Dialpad first, whichever answered first.
  const ordered = [...observations].sort((a, b) => (a.service === b.service ? 0 : a.service === 'Dialpad' ? -1 : 1))
  const outcome = judgeClockSkew(ordered)
  if (outcome.status === 'skipped') return skippedStep(ctx, step, outcome.detail)
  return runStep(ctx, step, async () => outcome)
}
