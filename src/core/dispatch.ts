import { type Caller, type EmitEvent, contract, events, isMethod, type Handlers, type Method } from '../shared/contract'
import type { Envelope } from '../shared/envelope'
import { type ErrorLog, consoleErrorLog } from './log/errorLog'
import { oneLine } from '../shared/displayText'
import { errorDetails } from '../shared/errorMessage'
import { UserFacingError } from './userFacingError'

/** A caller that hears nothing (the CLI, a test that does not listen). */
export const SILENT_CALLER: Caller = { emit: () => undefined }

/**
 * The one entry point every transport (IPC, loopback bridge) uses: validates the raw input
 * against the contract, runs the handler, and turns every outcome into an Envelope.
 * A UserFacingError crosses with its message and its code, so the window can act on the code without asking again.
 * Raw exceptions never cross to the renderer; their details go to the log only.
 * Events the call causes go to `caller`, each payload checked against the contract's events first.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  rawInput: unknown,
  log: ErrorLog = consoleErrorLog,
  caller: Caller = SILENT_CALLER,
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
    const handler = handlers[method] as (input: unknown, caller: Caller) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data, { emit: checkedEmit(caller.emit, log) }) }
  } catch (error) {
    if (error instanceof UserFacingError) return { ok: false, error: { code: error.code, message: error.message } }
    log.write(`[${method}] ${errorDetails(error)}`)
    return { ok: false, error: { code: 'failed', message: unexpectedFailure(method, log) } }
  }
}

/**
 * Sends only what the contract says an event carries: a payload that does not match its schema is a bug in core,
 * logged and not sent (the renderer never receives a shape it was not promised).
 */
function checkedEmit(emit: EmitEvent, log: ErrorLog): EmitEvent {
  return (event, payload) => {
    const checked = events[event].payload.safeParse(payload)
    if (!checked.success) {
      log.write(`[event ${event}] not sent, payload does not match the contract: ${checked.error.message}`)
      return
    }
    emit(event, checked.data as typeof payload)
  }
}

function unexpectedFailure(method: Method, log: ErrorLog): string {
  const send = log.location ? ` If it keeps happening, restart the app and send ${log.location} to your support contact.` : ' If it keeps happening, restart the app.'
  return `Something unexpected went wrong while ${contract[method].does}. Try again.${send}`
}
