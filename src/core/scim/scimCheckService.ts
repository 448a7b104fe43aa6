import type { z } from 'zod'
import type { ScimCheckRequest, ScimFindUserRequest } from '../../shared/contract'
import type { ProvisionedUserLookup } from '../../shared/provisionedUser'
import { checkRunFrom } from '../../shared/checkRun'
import type { LiveCheckStarter } from '../checks/liveCheckRunner'
import { fail, stepFrom } from '../../shared/checkOutcome'
import { createHttpDispatcher, type HttpClientOptions, releaseDispatcher } from '../net/httpClient'
import { NoApiKeyError } from '../secrets/keychainErrors'
import type { SecretStore } from '../secrets/keychain'
import { UserFacingError } from '../userFacingError'
import { runConnectionTest } from './connectionTest'
import { runLifecycleTest } from './lifecycleTest'
import { runUserLookup } from './userLookup'

export interface ScimCheckDeps {
  secrets: SecretStore
  /** The keychain account of the setup being worked on. */
  account: string
  runner: LiveCheckStarter
  /** Timeouts and proxy environment; tests shorten them. */
  http?: Omit<HttpClientOptions, 'extraCaPem'>
}

const API_KEY_STEP = { id: 'api-key', title: 'The API key can be read' } as const

/**
 * Starts a live SCIM check with the stored API key: the key is read inside core and never leaves it.
 * Refuses before any network traffic when there is no key, or when a user-creating test was not confirmed.
 */
export async function startScimCheck(request: z.output<typeof ScimCheckRequest>, deps: ScimCheckDeps): Promise<{ runId: string }> {
  if (request.kind === 'scim-lifecycle') {
    if (request.confirmedRealUser !== true) {
      throw new UserFacingError('The user lifecycle test creates a real Dialpad user. Confirm that first, then run it.', { code: 'invalid-input' })
    }
    if (!request.userEmail?.trim()) throw new UserFacingError('Enter the email address for the test user, then run the test.', { code: 'invalid-input' })
  }
  if (!(await deps.secrets.status(deps.account)).stored) throw new NoApiKeyError()
  const dispatcher = createHttpDispatcher({ ...deps.http, extraCaPem: request.extraCaPem ?? undefined })

  return deps.runner.start(request.kind, async (signal, onProgress) => {
    try {
      return await deps.secrets.use(deps.account, (token) => {
        const options = { baseUrl: request.baseUrl, token, dispatcher, signal, onProgress }
        return request.kind === 'scim-lifecycle'
          ? runLifecycleTest({ ...options, userEmail: (request.userEmail ?? '').trim() })
          : runConnectionTest(options)
      })
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error
      return checkRunFrom([stepFrom(API_KEY_STEP, fail(error.message, 'Store the API key again, then test again.'))], new Date())
    } finally {
      await releaseDispatcher(dispatcher, signal)
    }
  })
}

/**
 * "Is this user provisioned?" with the stored API key: one read-only search, answered directly (it is short and
 * never writes, so it needs no progress or cancel). The result is shown, never saved.
 */
export async function findProvisionedUser(
  request: z.output<typeof ScimFindUserRequest>,
  deps: Omit<ScimCheckDeps, 'runner'>,
): Promise<ProvisionedUserLookup> {
  if (!request.email.trim()) throw new UserFacingError('Enter the email of a member of the JumpCloud user group for Dialpad, then look again.', { code: 'invalid-input' })
  if (!(await deps.secrets.status(deps.account)).stored) throw new NoApiKeyError()
  const dispatcher = createHttpDispatcher({ ...deps.http, extraCaPem: request.extraCaPem ?? undefined })
  try {
    return await deps.secrets.use(deps.account, (token) => runUserLookup({ baseUrl: request.baseUrl, token, dispatcher, email: request.email }))
  } finally {
    await dispatcher.close().catch(() => undefined)
  }
}
