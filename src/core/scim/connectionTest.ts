import { checkRunFrom, type CheckRun, type CheckStep } from '../../shared/checkRun'
import { checkBaseUrlAndKey, openDispatcher, sessionFor, type ScimCheckOptions } from './checkInputs'
import { expectedScimBaseUrl } from './scimBaseUrl'
import { describeIssues, ListResponse, ServiceProviderConfig } from './schemas'
import { scimRequest, type ScimSession } from './scimRequest'
import { failed, passed, passedWith, runStep, skippedStep, type StepContext, type StepOutcome } from './steps'

export type ConnectionTestOptions = ScimCheckOptions

export const CONNECTION_STEP_TITLES = {
  inputs: 'The base URL and API key are usable',
  'service-provider-config': 'Dialpad answers as a SCIM 2.0 service',
  'list-users': 'Dialpad accepts the API key',
} as const

/**
 * What JumpCloud's "Test Connection" does, explained: reads the ServiceProviderConfig and lists one user, both at
 * once over the same keep-alive pool.
 */
export async function runConnectionTest(options: ConnectionTestOptions): Promise<CheckRun> {
  const now = options.now ?? (() => new Date())
  const checkedAt = now()
  const ctx: StepContext = { token: options.token.trim(), onProgress: options.onProgress }
  const title = CONNECTION_STEP_TITLES

  const inputs = checkBaseUrlAndKey(options.baseUrl, options.token)
  const opened = inputs.ok ? openDispatcher(options.dispatcher) : undefined
  const inputStep = await runStep(ctx, 'inputs', title.inputs, async () => {
    if (!inputs.ok) return failed(inputs)
    if (opened && !opened.ok) return failed(opened)
    return passed(`Testing ${inputs.baseUrl}.`)
  })
  if (!inputs.ok || !opened?.ok) {
    const why = 'Not run: fix the base URL or API key first.'
    return checkRunFrom(
      [inputStep, skippedStep(ctx, 'service-provider-config', title['service-provider-config'], why), skippedStep(ctx, 'list-users', title['list-users'], why)],
      checkedAt,
    )
  }

  const session = sessionFor(inputs, opened.dispatcher, options, now)
  try {
    const steps: CheckStep[] = await Promise.all([
      runStep(ctx, 'service-provider-config', title['service-provider-config'], (onHttpStatus) => checkServiceProviderConfig({ ...session, onHttpStatus }, options.signal)),
      runStep(ctx, 'list-users', title['list-users'], (onHttpStatus) => checkListUsers({ ...session, onHttpStatus }, options.signal)),
    ])
    return checkRunFrom([inputStep, ...steps], checkedAt)
  } finally {
    await opened.close()
  }
}

async function checkServiceProviderConfig(session: ScimSession, signal: AbortSignal | undefined): Promise<StepOutcome> {
  const result = await scimRequest(session, { method: 'GET', path: 'ServiceProviderConfig', expect: [200], signal })
  if (!result.ok) return failed(result.diagnosis)
  const parsed = ServiceProviderConfig.safeParse(result.json)
  if (!parsed.success) {
    return failed({
      detail: `The answer is not a SCIM ServiceProviderConfig: ${describeIssues(parsed.error)}.`,
      fix: `Check the base URL is ${expectedScimBaseUrl(session.baseUrl)}; if it is, copy these details for Dialpad Support.`,
    })
  }
  const { patch, filter } = parsed.data
  const yesNo = (supported: boolean) => (supported ? 'yes' : 'no')
  const limit = filter.maxResults ? `, up to ${filter.maxResults} results` : ''
  const summary = `Dialpad answers as a SCIM 2.0 service (updates with PATCH: ${yesNo(patch.supported)}; search by filter: ${yesNo(filter.supported)}${limit}).`
  const missing = [!patch.supported && 'PATCH (used to suspend users)', !filter.supported && 'filters (used to find users by email)'].filter(Boolean)
  if (missing.length > 0) {
    return {
      status: 'warn',
      detail: `${summary} It says it does not support ${missing.join(' or ')}, which JumpCloud relies on.`,
      fix: 'Mention this to Dialpad Support if JumpCloud cannot find, update or suspend users.',
    }
  }
  return passedWith(summary, result.warning)
}

async function checkListUsers(session: ScimSession, signal: AbortSignal | undefined): Promise<StepOutcome> {
  const result = await scimRequest(session, { method: 'GET', path: 'Users', query: { startIndex: '1', count: '1' }, expect: [200], signal })
  if (!result.ok) return failed(result.diagnosis)
  const parsed = ListResponse.safeParse(result.json)
  if (!parsed.success) {
    return failed({
      detail: `Dialpad accepted the API key, but the user list is not a SCIM ListResponse: ${describeIssues(parsed.error)}.`,
      fix: `Check the base URL is ${expectedScimBaseUrl(session.baseUrl)}; if it is, copy these details for Dialpad Support.`,
    })
  }
  const count = parsed.data.totalResults
  return passedWith(`Dialpad accepted the API key and listed users (${count} ${count === 1 ? 'user' : 'users'} in the company).`, result.warning)
}
