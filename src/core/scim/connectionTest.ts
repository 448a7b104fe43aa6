import { checkRunFrom, type CheckRun, type CheckStep } from '../../shared/checkRun'
import { checkBaseUrlAndKey, openDispatcher, sessionFor, type ScimCheckOptions } from './checkInputs'
import { expectedScimBaseUrl } from './scimBaseUrl'
import { describeIssues, discoveryResources, ListResponse, RESOURCE_TYPES_SCHEMA, ServiceProviderConfig, USER_URN } from './schemas'
import { scimRequest, type ScimResult, type ScimSession } from './scimRequest'
import { failed, pass, passedWith, type StepOutcome } from '../../shared/checkOutcome'
import { runStep, skippedStep, type StepContext } from '../checks/stepRunner'
import { plural } from '../../shared/plural'

export type ConnectionTestOptions = ScimCheckOptions

export const CONNECTION_STEP_TITLES = {
  inputs: 'The base URL and API key are usable',
  'list-users': 'Dialpad accepts the API key',
  'service-provider-config': 'Dialpad describes its SCIM service (ServiceProviderConfig)',
  schemas: 'Dialpad lists its SCIM schemas (Schemas)',
  'resource-types': 'Dialpad lists its SCIM resource types (ResourceTypes)',
} as const
type StepId = keyof typeof CONNECTION_STEP_TITLES

/**
 * Which steps decide the verdict. Listing users with the key is what any provisioning needs first; the three
 * discovery endpoints of RFC 7644 section 4 are informational: Dialpad documents none of them, so a 404 there is a
 * note, never a failure (docs/service-facts.md).
 */
const DECISIVE: Record<StepId, boolean> = { inputs: true, 'list-users': true, 'service-provider-config': false, schemas: false, 'resource-types': false }
const DISCOVERY: StepId[] = ['service-provider-config', 'schemas', 'resource-types']

/**
 * Test connection, explained: lists one user with the key (decisive), and reads the discovery endpoints
 * (informational), all at once over the same keep-alive pool.
 */
export async function runConnectionTest(options: ConnectionTestOptions): Promise<CheckRun> {
  const now = options.now ?? (() => new Date())
  const checkedAt = now()
  const ctx: StepContext = { token: options.token.trim(), onProgress: options.onProgress }
  const title = CONNECTION_STEP_TITLES
  const definition = (id: StepId) => ({ id, title: title[id], decisive: DECISIVE[id] })
  const run = (id: StepId, work: Parameters<typeof runStep>[2]) => runStep(ctx, definition(id), work)

  const inputs = checkBaseUrlAndKey(options.baseUrl, options.token)
  const opened = inputs.ok ? openDispatcher(options.dispatcher) : undefined
  const inputStep = await run('inputs', async () => {
    if (!inputs.ok) return failed(inputs)
    if (opened && !opened.ok) return failed(opened)
    return pass(`Testing ${inputs.baseUrl}.`)
  })
  if (!inputs.ok || !opened?.ok) {
    const why = 'Not run: fix the base URL or API key first.'
    const later: StepId[] = ['list-users', ...DISCOVERY]
    return checkRunFrom([inputStep, ...later.map((id) => skippedStep(ctx, definition(id), why))], checkedAt)
  }

  const session = sessionFor(inputs, opened.dispatcher, options, now)
  const signal = options.signal
  try {
    const steps: CheckStep[] = await Promise.all([
      run('list-users', (onHttpStatus) => checkListUsers({ ...session, onHttpStatus }, signal)),
      run('service-provider-config', (onHttpStatus) => checkServiceProviderConfig({ ...session, onHttpStatus }, signal)),
      run('schemas', (onHttpStatus) => checkDiscovery({ ...session, onHttpStatus }, 'Schemas', signal)),
      run('resource-types', (onHttpStatus) => checkDiscovery({ ...session, onHttpStatus }, 'ResourceTypes', signal)),
    ])
    return checkRunFrom([inputStep, ...steps], checkedAt)
  } finally {
    await opened.close()
  }
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
  return passedWith(`Dialpad accepted the API key and listed users (${plural(count, 'user')} in the company).`, result.warning)
}

/** A discovery endpoint that is not there: a note, since nothing public says Dialpad serves it or JumpCloud needs it. */
function notServed(result: Extract<ScimResult, { ok: false }>, path: string): StepOutcome | undefined {
  if (result.status !== 404 && result.status !== 501) return undefined
  return {
    status: 'skipped',
    detail: `Dialpad does not serve /${path} (${result.status}). That is allowed: neither Dialpad nor JumpCloud documents needing it, and the user list above is what decides.`,
  }
}

async function checkServiceProviderConfig(session: ScimSession, signal: AbortSignal | undefined): Promise<StepOutcome> {
  const result = await scimRequest(session, { method: 'GET', path: 'ServiceProviderConfig', expect: [200], signal })
  if (!result.ok) return notServed(result, 'ServiceProviderConfig') ?? failed(result.diagnosis)
  const parsed = ServiceProviderConfig.safeParse(result.json)
  if (!parsed.success) {
    return failed({
      detail: `The answer is not a SCIM ServiceProviderConfig: ${describeIssues(parsed.error)}.`,
      fix: 'Nothing to do if JumpCloud’s Test Connection and Activate succeed; otherwise copy these details for Dialpad Support.',
    })
  }
  const { patch, filter } = parsed.data
  const yesNo = (supported: boolean) => (supported ? 'yes' : 'no')
  const limit = filter.maxResults ? `, up to ${filter.maxResults} results` : ''
  const summary = `Dialpad describes its SCIM 2.0 service (updates with PATCH: ${yesNo(patch.supported)}; search by filter: ${yesNo(filter.supported)}${limit}).`
  const missing = [!patch.supported && 'PATCH (partial updates)', !filter.supported && 'filters (finding a user by userName)'].filter(Boolean)
  if (missing.length > 0) {
    return {
      status: 'warn',
      detail: `${summary} It says it does not support ${missing.join(' or ')}.`,
      fix: 'Run the user lifecycle test: it tries what provisioning needs. Mention this to Dialpad Support if JumpCloud cannot find, update or deactivate users.',
    }
  }
  return passedWith(summary, result.warning)
}

async function checkDiscovery(session: ScimSession, path: 'Schemas' | 'ResourceTypes', signal: AbortSignal | undefined): Promise<StepOutcome> {
  const result = await scimRequest(session, { method: 'GET', path, expect: [200], signal })
  if (!result.ok) return notServed(result, path) ?? failed(result.diagnosis)
  const resources = discoveryResources(result.json)
  if (resources === null) {
    return failed({
      detail: `The answer to /${path} is neither a SCIM ListResponse nor a list.`,
      fix: 'Nothing to do if JumpCloud’s Test Connection and Activate succeed; otherwise copy these details for Dialpad Support.',
    })
  }
  const describesUsers =
    path === 'Schemas'
      ? resources.some((resource) => resource.id === USER_URN)
      : resources.some((resource) => resource.schema === USER_URN || resource.name === 'User' || (resource.schemas?.includes(RESOURCE_TYPES_SCHEMA) === true && resource.endpoint === '/Users'))
  const what = path === 'Schemas' ? 'the core User schema' : 'a User resource type'
  if (!describesUsers) {
    return {
      status: 'warn',
      detail: `Dialpad lists ${resources.length} ${path === 'Schemas' ? 'schemas' : 'resource types'}, but not ${what}.`,
      fix: 'Nothing to do if the user lifecycle test passes; otherwise copy these details for Dialpad Support.',
    }
  }
  return passedWith(`Dialpad lists ${resources.length} ${path === 'Schemas' ? 'schemas' : 'resource types'}, including ${what}.`, result.warning)
}
