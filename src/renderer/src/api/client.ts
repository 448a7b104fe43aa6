import type { Api, Method, MethodInput, MethodOutput, Subscribe } from '../../../shared/contract'
import { displayText } from '../../../shared/displayText'
import { type ApiFailure, type ErrorCode, failure, readEnvelope } from '../../../shared/envelope'
import { apiFrom } from '../../../shared/methods'
import { createHttpApi } from './httpApi'

/**
 * A failed call, carrying the message written for the admin and its code (store/failures.ts turns codes into what the
 * window does). Messages may quote outside text (a file name, a value from a file): every screen shows them through
 * displayText, so they are made safe here, once.
 */
export class ApiError extends Error {
  readonly code: ErrorCode
  constructor(failure: ApiFailure) {
    super(displayText(failure.message))
    this.name = 'ApiError'
    this.code = failure.code
  }
}

/** In the app the preload provides window.api; over http(s) the page is the browser preview. */
function chooseApi(): Api {
  if (window.api) return window.api
  if (location.protocol === 'http:' || location.protocol === 'https:') return createHttpApi()
  const lost = failure(
    'The app window lost its connection to the rest of the app. Quit and reopen Dialpad SSO Assistant; if this keeps happening, reinstall it.',
  )
  return apiFrom(
    async () => lost,
    () => () => undefined,
  )
}

// Chosen at the first call, not when this module loads: the store imports it, and loads in tests without a window.
let api: Api | undefined

const GARBLED = failure('The app answered with something this window cannot read. Quit and reopen Dialpad SSO Assistant; if this keeps happening, reinstall it.')

/** Listens to one contract event, over whichever transport the window has; returns the function that stops it. */
export const on: Subscribe = (event, listener) => (api ??= chooseApi()).on(event, listener)

export async function call<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  api ??= chooseApi()
  const send = api[method] as (input: MethodInput<M>) => Promise<unknown>
  const envelope = readEnvelope(await send(input), GARBLED)
  if (!envelope.ok) throw new ApiError(envelope.error)
  return envelope.value as MethodOutput<M>
}
