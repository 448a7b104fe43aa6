import { checkRunFrom, type CheckRun } from '../../shared/checkRun'
import type { ProvisionedUserState } from '../../shared/provisionedUser'
import { checkBaseUrlAndKey, openDispatcher, sessionFor, type ScimCheckOptions } from './checkInputs'
import { describeIssues, ListResponse, ScimUser } from './schemas'
import { scimRequest, type ScimResult, type ScimSession } from './scimRequest'
import { failed, pass, passedWith, type StepOutcome } from '../../shared/checkOutcome'
import { runStep, skippedStep, type StepContext } from '../checks/stepRunner'

const EMAIL = /^[^\s@"<>()[\]\\,;:]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i

/** Whether text can be a SCIM userName for a Dialpad user: an email address. */
export function isTestEmail(email: string): boolean {
  return EMAIL.test(email)
}

/** A filter value inside double quotes (RFC 7644 3.4.2.2): backslashes and quotes escaped. */
export function userNameFilter(email: string): string {
  return `userName eq "${email.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/** The read-only search by userName (filter userName eq "…") that the lifecycle test and the user lookup send. */
export function searchByUserName(session: ScimSession, email: string, signal?: AbortSignal): Promise<ScimResult> {
  return scimRequest(session, { method: 'GET', path: 'Users', query: { filter: userNameFilter(email) }, expect: [200], signal })
}

/** The user in a search answer whose userName is `email`, in any letter case. */
export function userNamed(list: ListResponse, email: string): ScimUser | undefined {
  return (list.Resources ?? []).map((resource) => ScimUser.safeParse(resource).data).find((user) => user?.userName.toLowerCase() === email.toLowerCase())
}

export interface UserLookupOptions extends ScimCheckOptions {
  email: string
}

export const LOOKUP_STEP_TITLES = {
  inputs: 'The base URL, API key and email are usable',
  'find-user': 'Dialpad has the user',
} as const

/** What to check when JumpCloud did not create the user in Dialpad: the three things that decide it, in JumpCloud. */
const NOT_PROVISIONED_FIX =
  'In JumpCloud, check that (1) the user is a member of the user group for Dialpad (User Groups > the group > Users), ' +
  '(2) that group is assigned to the Dialpad app (User Groups > the group > Applications, Dialpad ticked), and (3) Identity ' +
  'Management was activated for the Dialpad app (SSO Applications > Dialpad > Identity Management: Activate, then Save). Then look again in a few minutes.'

/**
 * "Is this user provisioned?": one read-only SCIM search (filter userName eq "…") that never writes. Found and active
 * passes, found but deactivated (suspended in Dialpad) warns, not found fails, each with what to do.
 */
export async function runUserLookup(options: UserLookupOptions): Promise<{ state: ProvisionedUserState; run: CheckRun }> {
  const now = options.now ?? (() => new Date())
  const checkedAt = now()
  const ctx: StepContext = { token: options.token.trim(), onProgress: options.onProgress }
  const email = options.email.trim()
  let state: ProvisionedUserState = 'unknown'

  const inputs = checkBaseUrlAndKey(options.baseUrl, options.token)
  const opened = inputs.ok && isTestEmail(email) ? openDispatcher(options.dispatcher) : undefined
  const inputStep = await runStep(ctx, { id: 'inputs', title: LOOKUP_STEP_TITLES.inputs }, async () => {
    if (!inputs.ok) return failed(inputs)
    if (!isTestEmail(email)) {
      return failed({ detail: `"${email}" is not an email address.`, fix: 'Enter the email of a member of the JumpCloud user group for Dialpad, like jane@yourcompany.com.' })
    }
    if (opened && !opened.ok) return failed(opened)
    return pass(`Looking for ${email} at ${inputs.baseUrl} (read only: nothing is changed).`)
  })
  if (!inputs.ok || !opened?.ok) {
    return { state, run: checkRunFrom([inputStep, skippedStep(ctx, { id: 'find-user', title: LOOKUP_STEP_TITLES['find-user'] }, 'Not run: fix the inputs first.')], checkedAt) }
  }
  const session = sessionFor(inputs, opened.dispatcher, options, now)
  try {
    const findStep = await runStep(ctx, { id: 'find-user', title: LOOKUP_STEP_TITLES['find-user'] }, async (onHttpStatus): Promise<StepOutcome> => {
      const result = await searchByUserName({ ...session, onHttpStatus }, email, options.signal)
      if (!result.ok) return failed(result.diagnosis)
      const list = ListResponse.safeParse(result.json)
      if (!list.success) {
        return failed({ detail: `The search result is not a SCIM ListResponse: ${describeIssues(list.error)}.`, fix: 'Look again; if it repeats, copy these details for Dialpad Support.' })
      }
      const user = userNamed(list.data, email)
      if (!user) {
        state = 'not-found'
        return failed({ detail: `Dialpad has no user ${email}: JumpCloud has not provisioned it.`, fix: NOT_PROVISIONED_FIX })
      }
      if (user.active === false) {
        state = 'suspended'
        return {
          status: 'warn',
          detail: `Dialpad has ${email} (user id ${user.id}), but it is deactivated (active: false), so it shows as suspended in Dialpad.`,
          fix: 'If the user should have Dialpad, check in JumpCloud that they are in the user group for Dialpad and that the group is still assigned to the Dialpad app; JumpCloud deactivates users it no longer provisions.',
        }
      }
      state = 'active'
      return passedWith(`Dialpad has ${email} (user id ${user.id}) and it is active: JumpCloud provisioned it.`, result.warning)
    })
    return { state, run: checkRunFrom([inputStep, findStep], checkedAt) }
  } finally {
    await opened.close()
  }
}
