import { contract, isMethod, type Handlers, type Method } from '../shared/contract'
import type { Envelope } from '../shared/envelope'
import { type ErrorLog, consoleErrorLog } from './log/errorLog'
import { oneLine } from '../shared/displayText'
import { errorDetails } from '../shared/errorMessage'
import { UserFacingError } from './userFacingError'

/**
 * The one entry point every transport (IPC, loopback bridge) uses: validates the raw input
 * against the contract, runs the handler, and turns every outcome into an Envelope.
 * A UserFacingError crosses with its message and its code, so the window can act on the code without asking again.
 * Raw exceptions never cross to the renderer; their details go to the log only.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  rawInput: unknown,
  log: ErrorLog = consoleErrorLog,
): Promise<Envelope<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown-method', message: `The app has no action named "${oneLine(method, 60)}".` } }
  }
  const parsed = contract[method].input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => issue.message).join(' ')
    return { ok: false, error: { code: 'invalid-input', message } }
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    if (error instanceof UserFacingError) return { ok: false, error: { code: error.code, message: error.message } }
    log.write(`[${method}] ${errorDetails(error)}`)
    return { ok: false, error: { code: 'failed', message: unexpectedFailure(method, log) } }
  }
}

function unexpectedFailure(method: Method, log: ErrorLog): string {
  const send = log.location ? ` If it keeps happening, restart the app and send ${log.location} to your support contact.` : ' If it keeps happening, restart the app.'
  return `Something unexpected went wrong while ${contract[method].does}. Try again.${send}`
}
