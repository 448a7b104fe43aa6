import { parseArgs } from 'node:util'
import type { Dispatcher } from 'undici'
import type { CheckRun } from '../../shared/checkRun'
import { oneLine, safeJson } from '../../shared/displayText'
import { createHttpDispatcher } from '../../core/net/httpClient'
import { readCaFile } from '../../core/net/trust'
import { runConnectionTest } from '../../core/scim/connectionTest'
import { runLifecycleTest } from '../../core/scim/lifecycleTest'
import { runUserLookup } from '../../core/scim/userLookup'
import { PROVISIONED_USER_VERDICT } from '../../shared/provisionedUserVerdict'
import { defaultScimBaseUrl } from '../../core/scim/scimBaseUrl'
import type { ProgressListener } from '../../core/checks/stepRunner'
import { NoApiKeyError } from '../../core/secrets/keychainErrors'
import { redactKnownSecrets, redactSecrets, rememberSecret } from '../../core/secrets/redact'
import { checkRunText, progressLine } from '../checkRunText'
import { cliProfiles } from './bundle'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, UsageError } from '../io'

export const DEFAULT_TOKEN_ENV = 'DIALPAD_API_KEY'
const SANDBOX = defaultScimBaseUrl('sandbox')

const KEY_OPTIONS = '[--token-env NAME | --profile NAME [--data-dir DIR]] [--ca FILE] [--json]'
export const SCIM_TEST_USAGE = `scim test --base-url <url> ${KEY_OPTIONS}`
export const SCIM_LIFECYCLE_USAGE = `scim lifecycle --base-url <url> --user-email <email> --yes ${KEY_OPTIONS}`
export const SCIM_FIND_USER_USAGE = `scim find-user --base-url <url> --email <email> ${KEY_OPTIONS}`

const COMMON_OPTIONS = {
  'base-url': { type: 'string' },
  'token-env': { type: 'string' },
  profile: { type: 'string' },
  'data-dir': { type: 'string' },
  ca: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const

type KeyAndOutputValues = { 'token-env'?: string; profile?: string; 'data-dir'?: string; ca?: string; json: boolean }

/** The options every scim check takes besides --base-url (which key, which CA, --json), as runCheck wants them. */
function keyAndOutputOptions(values: KeyAndOutputValues): Pick<CheckRequest, 'tokenEnv' | 'profile' | 'dataDir' | 'caFile' | 'json'> {
  return { tokenEnv: values['token-env'], profile: values.profile, dataDir: values['data-dir'], caFile: values.ca, json: values.json }
}

/** A check's result as the CLI prints it: the run, and for --json the object to print, whether to exit 0 and the answer in words. */
type CheckOutcome = CheckRun | { run: CheckRun; json: unknown; ok: boolean; answer: string }

interface CheckRequest {
  name: string
  baseUrl: string
  tokenEnv?: string
  profile?: string
  dataDir?: string
  caFile?: string
  json: boolean
  run: (options: { baseUrl: string; token: string; dispatcher: Dispatcher; signal: AbortSignal; onProgress?: ProgressListener }) => Promise<CheckOutcome>
  /** Said on stderr at the first Ctrl-C. */
  cancelling: string
}

/** `scim test`, `scim lifecycle` and `scim find-user`: the live SCIM checks, printed as a list or as JSON. */
export async function runScim(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  if (sub === 'test') return runScimTest(rest, io)
  if (sub === 'lifecycle') return runScimLifecycle(rest, io)
  if (sub === 'find-user') return runScimFindUser(rest, io)
  throw new UsageError(
    sub === undefined ? 'scim needs a check to run: test, lifecycle or find-user.' : `Unknown scim check "${oneLine(sub, 60)}": use test, lifecycle or find-user.`,
  )
}

/**
 * "Is this user provisioned?": one read-only search for the email in Dialpad. Prints found and active, suspended or
 * not found with what to check in JumpCloud; --json prints { state, run }. Exit 0 only when the user is found and active.
 */
function runScimFindUser(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON_OPTIONS, email: { type: 'string' } }, strict: true, allowPositionals: false })
  const baseUrl = requireBaseUrl('scim find-user', values['base-url'])
  const email = values.email
  if (email === undefined) throw new UsageError('scim find-user needs --email, the address of a member of the JumpCloud user group for Dialpad, for example: --email jane@example.com')
  return runCheck(io, {
    name: `Is ${oneLine(email, 200)} provisioned in Dialpad? (read only)`,
    baseUrl,
    ...keyAndOutputOptions(values),
    run: async (options) => {
      const lookup = await runUserLookup({ ...options, email })
      return { run: lookup.run, json: lookup, ok: lookup.state === 'active', answer: `${PROVISIONED_USER_VERDICT[lookup.state]}: ${oneLine(email.trim(), 200)}` }
    },
    cancelling: 'Cancelling...',
  })
}

function runScimTest(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: COMMON_OPTIONS, strict: true, allowPositionals: false })
  const baseUrl = requireBaseUrl('scim test', values['base-url'])
  return runCheck(io, {
    name: 'SCIM connection test',
    baseUrl,
    ...keyAndOutputOptions(values),
    run: (options) => runConnectionTest(options),
    cancelling: 'Cancelling...',
  })
}

function runScimLifecycle(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...COMMON_OPTIONS, 'user-email': { type: 'string' }, yes: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  })
  const baseUrl = requireBaseUrl('scim lifecycle', values['base-url'])
  const userEmail = values['user-email']
  if (userEmail === undefined) {
    throw new UsageError('scim lifecycle needs --user-email, the test user\'s email at one of the company\'s domains, for example: --user-email sso-assistant-test@example.com')
  }
  if (!values.yes) {
    throw new UsageError(
      [
        `scim lifecycle creates a real user (${oneLine(userEmail, 200)}) in the Dialpad company behind ${oneLine(baseUrl, 300)}, then reads, updates, finds, deactivates and deletes it.`,
        'While it exists, Dialpad may give it a paid license and a phone number.',
        `Run it against the Dialpad sandbox (${SANDBOX}) if you can.`,
        'Add --yes to confirm.',
      ].join('\n'),
    )
  }
  return runCheck(io, {
    name: `SCIM user lifecycle test with ${oneLine(userEmail, 200)}`,
    baseUrl,
    ...keyAndOutputOptions(values),
    run: (options) => runLifecycleTest({ ...options, userEmail }),
    cancelling: 'Cancelling: the test user, if created, is deleted first. Press Ctrl-C again to stop at once (the test user may then be left in Dialpad).',
  })
}

function requireBaseUrl(command: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`${command} needs --base-url, for example: --base-url ${defaultScimBaseUrl('production')} (or ${SANDBOX})`)
  return value
}

async function runCheck(io: CliIo, request: CheckRequest): Promise<number> {
  if (request.profile !== undefined && request.tokenEnv !== undefined) {
    throw new UsageError('Use either --token-env or --profile, not both.')
  }
  // Read before any network work, so an unreadable file fails fast with its own message (exit 1).
  const extraCaPem = request.caFile === undefined ? undefined : await readCaFile(request.caFile)
  if (request.profile !== undefined) {
    const { store, secrets } = cliProfiles(io, request.dataDir)
    const profile = await store.requireByName(request.profile)
    try {
      return await secrets.use(profile.id, (token) => runWithToken(io, request, token, extraCaPem))
    } catch (error) {
      if (!(error instanceof NoApiKeyError)) throw error
      throw new UsageError(
        `No API key is saved in the system keychain for the profile "${oneLine(profile.name)}", or the keychain cannot be reached from here. ` +
          `Store the key in the app (step “Store the API key” of that profile), or set ${DEFAULT_TOKEN_ENV} to it and leave out --profile.`,
      )
    }
  }
  const name = request.tokenEnv ?? DEFAULT_TOKEN_ENV
  const token = (io.env ?? process.env)[name]?.trim()
  if (!token) {
    throw new UsageError(
      `No API key: the environment variable ${oneLine(name, 100)} is not set. Set it to the Dialpad API key (Admin Settings > My Company > Authentication > API Keys), ` +
        `name another variable with --token-env NAME, or use the key the app saved for a profile with --profile NAME.`,
    )
  }
  return runWithToken(io, request, token, extraCaPem)
}

async function runWithToken(io: CliIo, request: CheckRequest, token: string, extraCaPem: string | undefined): Promise<number> {
  rememberSecret(token)
  // Everything printed from here on passes through redaction, whatever a server or an error echoes back.
  const redact = (text: string) => redactKnownSecrets(redactSecrets(text, [token]))
  const stdout = (text: string) => io.stdout(redact(text))
  const stderr = (text: string) => io.stderr(redact(text))

  const dispatcher = createHttpDispatcher({ extraCaPem, env: io.env ?? process.env })
  const cancel = new AbortController()
  const stopWatching = io.onInterrupt?.(() => {
    stderr(`\n${request.cancelling}\n`)
    cancel.abort()
  })
  try {
    const outcome = await request.run({
      baseUrl: request.baseUrl,
      token,
      dispatcher,
      signal: cancel.signal,
      onProgress: request.json ? undefined : (step, phase) => stderr(progressLine(step, phase)),
    })
    const { run, json, ok, answer } = 'steps' in outcome ? { run: outcome, json: outcome, ok: outcome.ok, answer: undefined } : outcome
    if (request.json) stdout(`${safeJson(json)}\n`)
    else stdout(checkRunText(`${request.name}: ${oneLine(request.baseUrl, 300)}`, run, answer))
    return ok ? EXIT_OK : EXIT_INVALID_INPUT
  } finally {
    stopWatching?.()
    await dispatcher.close().catch(() => undefined)
  }
}
