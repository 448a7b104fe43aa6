import { checkRunFrom, type CheckRun, type CheckStep } from '../../shared/checkRun'
import type { HttpResponse } from '../net/sendRequest'
import { checkBaseUrlAndKey, openDispatcher, sessionFor, type ScimCheckOptions } from './checkInputs'
import { serverMessage, type DiagnoseContext, type Diagnosis } from './diagnose'
import { describeIssues, ListResponse, PATCH_OP_URN, ScimUser, USER_URN } from './schemas'
import { scimRequest, type ScimResult, type ScimSession } from './scimRequest'
import { failed, passed, passedWith, runStep, skippedStep, type HttpStatusListener, type StepContext, type StepOutcome } from './steps'

export interface LifecycleTestOptions extends ScimCheckOptions {
  /** The test user's email (and SCIM userName), at one of the company's Dialpad domains. */
  userEmail: string
}

export const LIFECYCLE_STEP_TITLES = {
  inputs: 'The base URL, API key and test email are usable',
  'create-user': 'Create a test user',
  'read-user': 'Read the test user back',
  'find-user': 'Find the test user by email',
  'suspend-user': 'Suspend the test user',
  'delete-user': 'Delete the test user',
} as const
type StepId = keyof typeof LIFECYCLE_STEP_TITLES

const EMAIL = /^[^\s@"<>()[\]\\,;:]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i
const SUPPORT_FIX = 'Test again; if it repeats, copy these details for Dialpad Support.'

/** A filter value inside double quotes (RFC 7644 3.4.2.2): backslashes and quotes escaped. */
export function userNameFilter(email: string): string {
  return `userName eq "${email.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/**
 * What JumpCloud does when Identity Management is activated, step by step: create a user, read it, find it by
 * email, suspend it, delete it. Each step needs the previous one; once a user exists it is always deleted at the
 * end, even after a failure or a cancel (the delete ignores the cancel, within its own deadline).
 */
export async function runLifecycleTest(options: LifecycleTestOptions): Promise<CheckRun> {
  const now = options.now ?? (() => new Date())
  const checkedAt = now()
  const ctx: StepContext = { token: options.token.trim(), onProgress: options.onProgress }
  const email = options.userEmail.trim()
  const steps: CheckStep[] = []
  const run = async (id: StepId, work: (onHttpStatus: HttpStatusListener) => Promise<StepOutcome>) => {
    const step = await runStep(ctx, id, LIFECYCLE_STEP_TITLES[id], work)
    steps.push(step)
    return step.status !== 'fail'
  }
  const skip = (ids: StepId[], why: string) => ids.forEach((id) => steps.push(skippedStep(ctx, id, LIFECYCLE_STEP_TITLES[id], why)))

  const inputs = checkBaseUrlAndKey(options.baseUrl, options.token)
  const opened = inputs.ok && EMAIL.test(email) ? openDispatcher(options.dispatcher) : undefined
  await run('inputs', async () => {
    if (!inputs.ok) return failed(inputs)
    if (!EMAIL.test(email)) {
      return failed({
        detail: `"${email}" is not an email address.`,
        fix: 'Enter an email at one of your company\'s domains for the test user, like sso-assistant-test@yourcompany.com.',
      })
    }
    if (opened && !opened.ok) return failed(opened)
    return passed(`Testing ${inputs.baseUrl} with the test user ${email}.`)
  })
  if (!inputs.ok || !opened?.ok) {
    skip(['create-user', 'read-user', 'find-user', 'suspend-user', 'delete-user'], 'Not run: fix the inputs first.')
    return checkRunFrom(steps, checkedAt)
  }

  const session = sessionFor(inputs, opened.dispatcher, options, now)
  /** The session for one step, recording the HTTP status its request receives. */
  const forStep = (onHttpStatus: HttpStatusListener): ScimSession => ({ ...session, onHttpStatus })
  const signal = options.signal
  const created: { user?: ScimUser; uncertain: boolean } = { uncertain: false }
  try {
    const sequence: [StepId, (onHttpStatus: HttpStatusListener) => Promise<StepOutcome>][] = [
      ['create-user', (on) => createUser(forStep(on), email, signal, created)],
      ['read-user', (on) => readUser(forStep(on), email, created.user!.id, signal)],
      ['find-user', (on) => findUser(forStep(on), email, created.user!.id, signal)],
      ['suspend-user', (on) => suspendUser(forStep(on), created.user!.id, signal)],
    ]
    for (const [index, [id, work]] of sequence.entries()) {
      if (await run(id, work)) continue
      const why = signal?.aborted ? 'Not run: the test was cancelled.' : `Not run because "${LIFECYCLE_STEP_TITLES[id]}" did not pass.`
      skip(sequence.slice(index + 1).map(([later]) => later), why)
      break
    }
    if (created.user) await run('delete-user', (on) => deleteUser(forStep(on), email, created.user!.id))
    else if (created.uncertain) await run('delete-user', (on) => confirmNothingLeft(forStep(on), email))
    else skip(['delete-user'], 'No test user was created, so there is nothing to delete.')
    return checkRunFrom(steps, checkedAt)
  } finally {
    await opened.close()
  }
}

function newUser(email: string) {
  return {
    schemas: [USER_URN],
    userName: email,
    name: { givenName: 'SSO Assistant', familyName: 'Test' },
    emails: [{ value: email, type: 'work', primary: true }],
    active: true,
  }
}

/** Failures after which Dialpad may have created the user without us learning its id. */
function outcomeUnknown(result: Extract<ScimResult, { ok: false }>): boolean {
  if (result.status !== undefined) return result.status >= 200 && result.status < 300
  return result.sentMayHaveArrived
}

async function createUser(session: ScimSession, email: string, signal: AbortSignal | undefined, created: { user?: ScimUser; uncertain: boolean }): Promise<StepOutcome> {
  const result = await scimRequest(session, { method: 'POST', path: 'Users', body: newUser(email), expect: [200, 201], explain: explainCreateRejection(email), signal })
  if (!result.ok) {
    created.uncertain = outcomeUnknown(result)
    return failed(result.diagnosis)
  }
  const user = ScimUser.safeParse(result.json)
  if (!user.success) {
    created.uncertain = true
    return failed({ detail: `Dialpad answered without a usable user record: ${describeIssues(user.error)}.`, fix: SUPPORT_FIX })
  }
  created.user = user.data
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
        fix: `Ask Dialpad Support to add ${domain} as a secondary domain for your company (JumpCloud's activation test needs it too), or use a test email at one of the company's domains.`,
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

async function findUser(session: ScimSession, email: string, id: string, signal: AbortSignal | undefined): Promise<StepOutcome> {
  const result = await scimRequest(session, { method: 'GET', path: 'Users', query: { filter: userNameFilter(email) }, expect: [200], signal })
  if (!result.ok) return failed(result.diagnosis)
  const list = ListResponse.safeParse(result.json)
  if (!list.success) return failed({ detail: `The search result is not a SCIM ListResponse: ${describeIssues(list.error)}.`, fix: SUPPORT_FIX })
  const found = (list.data.Resources ?? []).some((resource) => ScimUser.safeParse(resource).data?.id === id)
  if (!found) {
    return failed({
      detail: `Searching for ${email} did not return the test user (${list.data.totalResults} found). JumpCloud finds existing users this way, so it would try to create them again.`,
      fix: SUPPORT_FIX,
    })
  }
  return passedWith(`Searching by email (${userNameFilter(email)}) finds the test user, as JumpCloud does.`, result.warning)
}

async function suspendUser(session: ScimSession, id: string, signal: AbortSignal | undefined): Promise<StepOutcome> {
  const result = await scimRequest(session, {
    method: 'PATCH',
    path: `Users/${encodeURIComponent(id)}`,
    body: { schemas: [PATCH_OP_URN], Operations: [{ op: 'replace', value: { active: false } }] },
    expect: [200, 204],
    signal,
  })
  if (!result.ok) return failed(result.diagnosis)
  if (result.json !== undefined && ScimUser.safeParse(result.json).data?.active === true) {
    return failed({ detail: 'Dialpad accepted the change but still reports the test user as active.', fix: SUPPORT_FIX })
  }
  return passedWith('Dialpad suspended the test user (active: false), as JumpCloud does when a user is deactivated.', result.warning)
}

async function deleteUser(session: ScimSession, email: string, id: string): Promise<StepOutcome> {
  // No cancel signal: once a user exists it must be removed, even when the admin cancelled.
  const result = await scimRequest(session, { method: 'DELETE', path: `Users/${encodeURIComponent(id)}`, expect: [200, 204, 404] })
  if (!result.ok) {
    return failed({
      detail: `The test user ${email} (user id ${id}) is still in Dialpad: ${result.diagnosis.detail}`,
      fix: `Remove it by hand: in Dialpad Admin Settings, find the user ${email} (user id ${id}) and delete it.`,
    })
  }
  return passed(result.status === 404 ? `The test user ${email} was already gone.` : `Dialpad deleted the test user ${email}; nothing is left behind.`)
}

/** After a create whose outcome is unknown: look, but do not delete, since a same-named user may be a real one. */
async function confirmNothingLeft(session: ScimSession, email: string): Promise<StepOutcome> {
  const handFix = `In Dialpad Admin Settings, check whether the user ${email} exists and delete it if it is the test user.`
  const result = await scimRequest(session, { method: 'GET', path: 'Users', query: { filter: userNameFilter(email) }, expect: [200] })
  const list = result.ok ? ListResponse.safeParse(result.json) : undefined
  if (!result.ok || !list?.success) {
    return failed({ detail: `The create request was interrupted and it could not be checked whether ${email} was created.`, fix: handFix })
  }
  const match = (list.data.Resources ?? []).map((resource) => ScimUser.safeParse(resource).data).find((user) => user?.userName.toLowerCase() === email.toLowerCase())
  if (list.data.totalResults === 0 || !match) return passed(`The create request was interrupted; Dialpad has no user ${email}, so nothing is left behind.`)
  return failed({
    detail: `The create request was interrupted, and Dialpad now has a user ${email} (user id ${match.id}), probably the test user.`,
    fix: `In Dialpad Admin Settings, find the user ${email} (user id ${match.id}) and delete it if it is the test user.`,
  })
}
