import { checkRunFrom, type CheckRun, type CheckStep } from '../../shared/checkRun'
import type { HttpResponse } from '../net/sendRequest'
import { checkBaseUrlAndKey, openDispatcher, sessionFor, type ScimCheckOptions } from './checkInputs'
import { serverMessage, type DiagnoseContext } from './diagnose'
import { failed, pass, passedWith, type Diagnosis, type StepOutcome } from '../../shared/checkOutcome'
import { describeIssues, ListResponse, PATCH_OP_URN, ScimUser, ServiceProviderConfig, USER_URN } from './schemas'
import { scimRequest, type ScimResult, type ScimSession } from './scimRequest'
import { runStep, skippedStep, type HttpStatusListener, type StepContext } from '../checks/stepRunner'
import { isTestEmail, searchByUserName, userNameFilter, userNamed } from './userLookup'

export interface LifecycleTestOptions extends ScimCheckOptions {
  /** The test user's email (and SCIM userName), at one of the company's Dialpad domains: JumpCloud's Test User Email. */
  userEmail: string
}

export const LIFECYCLE_STEP_TITLES = {
  inputs: 'The base URL, API key and test email are usable',
  'update-method': 'Dialpad says how it takes updates (ServiceProviderConfig)',
  'create-user': 'Create a test user',
  'read-user': 'Read the test user back',
  'update-user': 'Update the test user’s name',
  'find-user': 'Find the test user by userName',
  'deactivate-user': 'Deactivate the test user (active: false)',
  'delete-user': 'Delete the test user',
} as const
type StepId = keyof typeof LIFECYCLE_STEP_TITLES

/**
 * Provisioning creates, updates, finds and deactivates users, so those steps decide the verdict. Reading the
 * ServiceProviderConfig and reading a user by id are informational (Dialpad documents neither), and so is the
 * delete: JumpCloud's activation accepts a refused DELETE and leaves its test user deactivated (docs/service-facts.md).
 */
const DECISIVE: Record<StepId, boolean> = {
  inputs: true,
  'update-method': false,
  'create-user': true,
  'read-user': false,
  'update-user': true,
  'find-user': true,
  'deactivate-user': true,
  'delete-user': false,
}
/** Answers to DELETE that mean "this server does not delete users", as opposed to a failure. */
const DELETE_REFUSED = new Set([403, 405, 501])
/** Answers to PATCH that mean "this server does not take PATCH": the test updates with PUT instead. */
const PATCH_UNSUPPORTED = new Set([405, 501])
const SUPPORT_FIX = 'Test again; if it repeats, copy these details for Dialpad Support.'
const GIVEN_NAME = 'SSO Assistant'
const FAMILY_NAME = 'Test'
const UPDATED_FAMILY_NAME = 'Test (updated)'

type UpdateMethod = 'PATCH' | 'PUT'
interface TestUser {
  user?: ScimUser
  /** The create may have happened although no id came back (a timeout after sending). */
  uncertain: boolean
  method: UpdateMethod
  /** Whether Dialpad already changed the user to active: false. */
  deactivated: boolean
  familyName: string
}

/**
 * What provisioning does, step by step, with a test user: create it, read it, update its name (PATCH when Dialpad
 * takes it, else PUT), find it by userName, deactivate it, and delete it (Dialpad's articles: Activate runs a user creation/deletion test). A refused
 * DELETE (403, 405, 501) leaves the user deactivated and the result names it for deletion by hand. Once a user exists
 * it is always cleaned up, even after a failure or a cancel (the cleanup ignores the cancel, within each request's
 * deadline), so the whole test ends within a bounded time.
 */
export async function runLifecycleTest(options: LifecycleTestOptions): Promise<CheckRun> {
  const now = options.now ?? (() => new Date())
  const checkedAt = now()
  const ctx: StepContext = { token: options.token.trim(), onProgress: options.onProgress }
  const email = options.userEmail.trim()
  const steps: CheckStep[] = []
  const definition = (id: StepId) => ({ id, title: LIFECYCLE_STEP_TITLES[id], decisive: DECISIVE[id] })
  const run = async (id: StepId, work: (onHttpStatus: HttpStatusListener) => Promise<StepOutcome>) => {
    const step = await runStep(ctx, definition(id), work)
    steps.push(step)
    return step.status !== 'fail'
  }
  const skip = (ids: StepId[], why: string) =>
    ids.forEach((id) => steps.push(skippedStep(ctx, definition(id), why)))

  const inputs = checkBaseUrlAndKey(options.baseUrl, options.token)
  const opened = inputs.ok && isTestEmail(email) ? openDispatcher(options.dispatcher) : undefined
  await run('inputs', async () => {
    if (!inputs.ok) return failed(inputs)
    if (!isTestEmail(email)) {
      return failed({
        detail: `"${email}" is not an email address.`,
        fix: 'Enter an email at one of your company\'s domains for the test user (the address you give JumpCloud as Test User Email), like jumpcloud-scim-test@yourcompany.com.',
      })
    }
    if (opened && !opened.ok) return failed(opened)
    return pass(`Testing ${inputs.baseUrl} with the test user ${email}.`)
  })
  const later: StepId[] = ['update-method', 'create-user', 'read-user', 'update-user', 'find-user', 'deactivate-user', 'delete-user']
  if (!inputs.ok || !opened?.ok) {
    skip(later, 'Not run: fix the inputs first.')
    return checkRunFrom(steps, checkedAt)
  }

  const session = sessionFor(inputs, opened.dispatcher, options, now)
  /** The session for one step, recording the HTTP status its request receives. */
  const forStep = (onHttpStatus: HttpStatusListener): ScimSession => ({ ...session, onHttpStatus })
  const signal = options.signal
  const test: TestUser = { uncertain: false, method: 'PATCH', deactivated: false, familyName: FAMILY_NAME }
  try {
    await run('update-method', (on) => readUpdateMethod(forStep(on), test, signal))
    const sequence: [StepId, (onHttpStatus: HttpStatusListener) => Promise<StepOutcome>][] = [
      ['create-user', (on) => createUser(forStep(on), email, signal, test)],
      ['read-user', (on) => readUser(forStep(on), email, test.user!.id, signal)],
      ['update-user', (on) => updateName(forStep(on), email, test, signal)],
      ['find-user', (on) => findUser(forStep(on), email, test.user!.id, signal)],
      ['deactivate-user', (on) => deactivateUser(forStep(on), email, test, signal)],
    ]
    for (const [index, [id, work]] of sequence.entries()) {
      // An informational step never stops the test (its problems are warnings); a decisive failure or a cancel does.
      if ((await run(id, work)) && !signal?.aborted) continue
      const why = signal?.aborted ? 'Not run: the test was cancelled.' : `Not run because "${LIFECYCLE_STEP_TITLES[id]}" did not pass.`
      skip(sequence.slice(index + 1).map(([next]) => next), why)
      break
    }
    if (test.user) await run('delete-user', (on) => deleteUser(forStep(on), email, test))
    else if (test.uncertain) await run('delete-user', (on) => confirmNothingLeft(forStep(on), email))
    else skip(['delete-user'], 'No test user was created, so there is nothing to delete.')
    const result = checkRunFrom(steps, checkedAt)
    // A cancelled test proved nothing, whichever step the cancel happened to interrupt.
    return signal?.aborted ? { ...result, ok: false } : result
  } finally {
    await opened.close()
  }
}

function userBody(email: string, familyName: string, active: boolean) {
  return {
    schemas: [USER_URN],
    userName: email,
    name: { givenName: GIVEN_NAME, familyName },
    emails: [{ value: email, type: 'work', primary: true }],
    active,
  }
}

/** Failures after which Dialpad may have created the user without us learning its id. */
function outcomeUnknown(result: Extract<ScimResult, { ok: false }>): boolean {
  if (result.status !== undefined) return result.status >= 200 && result.status < 300
  return result.sentMayHaveArrived
}

async function readUpdateMethod(session: ScimSession, test: TestUser, signal: AbortSignal | undefined): Promise<StepOutcome> {
  const result = await scimRequest(session, { method: 'GET', path: 'ServiceProviderConfig', expect: [200], signal })
  const fallback = 'The test updates with PATCH and, if Dialpad refuses PATCH (405 or 501), with PUT.'
  if (!result.ok) {
    if (result.status === 404 || result.status === 501) {
      return { status: 'skipped', detail: `Dialpad does not serve /ServiceProviderConfig (${result.status}), which is allowed. ${fallback}` }
    }
    return failed({ detail: `${result.diagnosis.detail} ${fallback}`, fix: result.diagnosis.fix })
  }
  const config = ServiceProviderConfig.safeParse(result.json)
  if (!config.success) return { status: 'skipped', detail: `The ServiceProviderConfig could not be read (${describeIssues(config.error)}). ${fallback}` }
  if (config.data.patch.supported) return passedWith('Dialpad says it supports PATCH, so the test updates the user with PATCH.', result.warning)
  test.method = 'PUT'
  return passedWith('Dialpad says it does not support PATCH, so the test updates the user with PUT (the whole user).', result.warning)
}

async function createUser(session: ScimSession, email: string, signal: AbortSignal | undefined, test: TestUser): Promise<StepOutcome> {
  const body = userBody(email, FAMILY_NAME, true)
  const result = await scimRequest(session, { method: 'POST', path: 'Users', body, expect: [200, 201], explain: explainCreateRejection(email), signal })
  if (!result.ok) {
    test.uncertain = outcomeUnknown(result)
    return failed(result.diagnosis)
  }
  const user = ScimUser.safeParse(result.json)
  if (!user.success) {
    test.uncertain = true
    return failed({ detail: `Dialpad answered without a usable user record: ${describeIssues(user.error)}.`, fix: SUPPORT_FIX })
  }
  test.user = user.data
  return passedWith(`Dialpad created ${email} (user id ${user.data.id}).`, result.warning)
}

function explainCreateRejection(email: string) {
  const domain = email.slice(email.lastIndexOf('@') + 1)
  return (response: HttpResponse, ctx: DiagnoseContext): Diagnosis | undefined => {
    const said = serverMessage(response, ctx.secrets)
    if (response.status === 409) {
      return {
        detail: `A user with the email ${email} already exists in Dialpad (409).`,
        fix: `Choose another test email, or remove ${email} in Dialpad first if it is a leftover test user.`,
      }
    }
    if (response.status === 400 && /domain/i.test(said ?? response.body.slice(0, 2000))) {
      return {
        detail: `Dialpad refused ${email}: @${domain} is not one of your company's domains (400).${said ? ` Dialpad said: "${said}".` : ''}`,
        fix: `Use a test email at one of the company's domains (and enter the same address as Test User Email in JumpCloud), or ask Dialpad Support to add ${domain} as a secondary domain for your company.`,
      }
    }
    return undefined
  }
}

async function readUser(session: ScimSession, email: string, id: string, signal: AbortSignal | undefined): Promise<StepOutcome> {
  const result = await scimRequest(session, {
    method: 'GET',
    path: `Users/${encodeURIComponent(id)}`,
    expect: [200],
    signal,
    explain: (response) =>
      response.status === 404 ? { detail: `Dialpad created the test user but does not find it by its id ${id} (404).`, fix: SUPPORT_FIX } : undefined,
  })
  if (!result.ok) return failed(result.diagnosis)
  const user = ScimUser.safeParse(result.json)
  if (!user.success) return failed({ detail: `The user record is not usable: ${describeIssues(user.error)}.`, fix: SUPPORT_FIX })
  if (user.data.userName.toLowerCase() !== email.toLowerCase()) {
    return failed({ detail: `Reading user ${id} returned ${user.data.userName}, not ${email}.`, fix: SUPPORT_FIX })
  }
  return passedWith(`Dialpad returned ${email} by its id.`, result.warning)
}

/**
 * Changes the user with the method chosen (PATCH operations or the whole user for PUT); a PATCH refused as not
 * supported is sent again as PUT, and later changes use PUT too.
 */
async function sendChange(
  session: ScimSession,
  email: string,
  test: TestUser,
  change: { operations: unknown[]; familyName: string; active: boolean },
  signal: AbortSignal | undefined,
): Promise<{ result: ScimResult; method: UpdateMethod; fellBack: boolean }> {
  const path = `Users/${encodeURIComponent(test.user!.id)}`
  const put = () => scimRequest(session, { method: 'PUT', path, body: { ...userBody(email, change.familyName, change.active), id: test.user!.id }, expect: [200, 204], signal })
  if (test.method === 'PUT') return { result: await put(), method: 'PUT', fellBack: false }
  const patched = await scimRequest(session, { method: 'PATCH', path, body: { schemas: [PATCH_OP_URN], Operations: change.operations }, expect: [200, 204], signal })
  if (patched.ok || patched.status === undefined || !PATCH_UNSUPPORTED.has(patched.status)) return { result: patched, method: 'PATCH', fellBack: false }
  test.method = 'PUT'
  return { result: await put(), method: 'PUT', fellBack: true }
}

/** Sets the test user to active: false (by PATCH, or by PUT of the whole user with its current name). */
function sendDeactivation(session: ScimSession, email: string, test: TestUser, signal: AbortSignal | undefined): ReturnType<typeof sendChange> {
  return sendChange(session, email, test, { operations: [{ op: 'replace', path: 'active', value: false }], familyName: test.familyName, active: false }, signal)
}

async function updateName(session: ScimSession, email: string, test: TestUser, signal: AbortSignal | undefined): Promise<StepOutcome> {
  const operations = [{ op: 'replace', path: 'name.familyName', value: UPDATED_FAMILY_NAME }]
  const { result, method, fellBack } = await sendChange(session, email, test, { operations, familyName: UPDATED_FAMILY_NAME, active: true }, signal)
  if (!result.ok) return failed(result.diagnosis)
  test.familyName = UPDATED_FAMILY_NAME
  const answered = result.json === undefined ? undefined : ScimUser.safeParse(result.json).data
  if (answered?.name?.familyName !== undefined && answered.name.familyName !== UPDATED_FAMILY_NAME) {
    return failed({ detail: `Dialpad accepted the ${method} but still reports the family name "${answered.name.familyName}".`, fix: SUPPORT_FIX })
  }
  const how = fellBack ? 'PUT (Dialpad refused PATCH as not supported)' : method
  return passedWith(`Dialpad changed the test user's family name (name.familyName) to "${UPDATED_FAMILY_NAME}" with ${how}.`, result.warning)
}

async function findUser(session: ScimSession, email: string, id: string, signal: AbortSignal | undefined): Promise<StepOutcome> {
  const result = await searchByUserName(session, email, signal)
  if (!result.ok) return failed(result.diagnosis)
  const list = ListResponse.safeParse(result.json)
  if (!list.success) return failed({ detail: `The search result is not a SCIM ListResponse: ${describeIssues(list.error)}.`, fix: SUPPORT_FIX })
  const found = (list.data.Resources ?? []).some((resource) => ScimUser.safeParse(resource).data?.id === id)
  if (!found) {
    return failed({
      detail: `Searching for ${email} did not return the test user (${list.data.totalResults} found). A provisioning client that looks users up this way would not find existing users, and would try to create them again.`,
      fix: SUPPORT_FIX,
    })
  }
  return passedWith(`Searching by userName (${userNameFilter(email)}) finds the test user.`, result.warning)
}

async function deactivateUser(session: ScimSession, email: string, test: TestUser, signal: AbortSignal | undefined): Promise<StepOutcome> {
  const { result, method } = await sendDeactivation(session, email, test, signal)
  if (!result.ok) return failed(result.diagnosis)
  if (result.json !== undefined && ScimUser.safeParse(result.json).data?.active === true) {
    return failed({ detail: `Dialpad accepted the ${method} but still reports the test user as active.`, fix: SUPPORT_FIX })
  }
  test.deactivated = true
  return passedWith(`Dialpad deactivated the test user (active: false) with ${method}, as JumpCloud does when it deprovisions a user.`, result.warning)
}

async function deleteUser(session: ScimSession, email: string, test: TestUser): Promise<StepOutcome> {
  const id = test.user!.id
  const who = `${email} (user id ${id})`
  const byHand = `In Dialpad Admin Settings, find the user ${who} and delete it.`
  // No cancel signal: once a user exists it must be cleaned up, even when the admin cancelled.
  const result = await scimRequest(session, { method: 'DELETE', path: `Users/${encodeURIComponent(id)}`, expect: [200, 204, 404] })
  if (result.ok) return pass(result.status === 404 ? `The test user ${email} was already gone.` : `Dialpad deleted the test user ${email}; nothing is left behind.`)
  if (result.status === undefined || !DELETE_REFUSED.has(result.status)) {
    return failed({ detail: `The test user ${who} is still in Dialpad${test.deactivated ? ', deactivated' : ''}: ${result.diagnosis.detail}`, fix: byHand })
  }
  // Refused, as JumpCloud's activation allows: leave the user deactivated, as JumpCloud does.
  if (!test.deactivated) {
    const { result: deactivated } = await sendDeactivation(session, email, test, undefined)
    if (!deactivated.ok) {
      return failed({ detail: `Dialpad refused to delete the test user (${result.status}), and deactivating it failed too: ${deactivated.diagnosis.detail} The user ${who} is still active.`, fix: byHand })
    }
    test.deactivated = true
  }
  return failed({
    detail: `Dialpad refused to delete the test user (${result.status}), so it was left deactivated, as JumpCloud documents for its own activation test user. The user ${who} is still in Dialpad.`,
    fix: byHand,
  })
}

/** After a create whose outcome is unknown: look, but do not delete, since a same-named user may be a real one. */
async function confirmNothingLeft(session: ScimSession, email: string): Promise<StepOutcome> {
  const handFix = `In Dialpad Admin Settings, check whether the user ${email} exists and delete it if it is the test user.`
  const result = await searchByUserName(session, email)
  const list = result.ok ? ListResponse.safeParse(result.json) : undefined
  if (!result.ok || !list?.success) {
    return failed({ detail: `The create request was interrupted and it could not be checked whether ${email} was created.`, fix: handFix })
  }
  const match = userNamed(list.data, email)
  if (list.data.totalResults === 0 || !match) return pass(`The create request was interrupted; Dialpad has no user ${email}, so nothing is left behind.`)
  return failed({
    detail: `The create request was interrupted, and Dialpad now has a user ${email} (user id ${match.id}), probably the test user.`,
    fix: `In Dialpad Admin Settings, find the user ${email} (user id ${match.id}) and delete it if it is the test user.`,
  })
}
