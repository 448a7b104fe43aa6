import type { Dispatcher } from 'undici'
import { createHttpDispatcher } from '../net/httpClient'
import { UserFacingError } from '../userFacingError'
import type { Diagnosis } from '../../shared/checkOutcome'
import type { ScimSession } from './scimRequest'
import { parseScimBaseUrl } from './scimBaseUrl'
import type { ProgressListener } from '../checks/stepRunner'

/** Options every live SCIM check takes. */
export interface ScimCheckOptions {
  baseUrl: string
  /** The Dialpad API key. It never appears in the result: every step is redacted. */
  token: string
  /** From createHttpDispatcher (proxy, corporate CA, timeouts). Without one, a default is made and closed afterwards. */
  dispatcher?: Dispatcher
  /** The admin's cancel button. */
  signal?: AbortSignal
  onProgress?: ProgressListener
  now?: () => Date
  /** Per request: everything, including the whole body, must arrive by then. Default 30 s. */
  deadlineMs?: number
  maxBodyBytes?: number
}

export type CheckedInputs = { ok: true; baseUrl: string; token: string } | ({ ok: false } & Diagnosis)

const API_KEY_CHARACTERS = /^[\x21-\x7e]+$/
const KEY_PAGE = 'Admin Settings > My Company > Authentication > API Keys'

export function checkBaseUrlAndKey(baseUrl: string, token: string): CheckedInputs {
  const parsed = parseScimBaseUrl(baseUrl)
  if (!parsed.ok) return { ok: false, detail: parsed.error, fix: 'Correct the base URL, then test again.' }
  const key = token.trim()
  if (!key) return { ok: false, detail: 'No API key was given.', fix: `Paste the Dialpad API key created in ${KEY_PAGE}.` }
  if (!API_KEY_CHARACTERS.test(key)) {
    return {
      ok: false,
      detail: 'The API key contains spaces, line breaks or other characters an API key does not have.',
      fix: `Copy the key again from Dialpad (${KEY_PAGE}) and paste only the key.`,
    }
  }
  return { ok: true, baseUrl: parsed.url, token: key }
}

export type OpenedDispatcher = { ok: true; dispatcher: Dispatcher; close: () => Promise<void> } | ({ ok: false } & Diagnosis)

/** The caller's dispatcher (left open), or a default one the check must close; a bad proxy setting becomes a diagnosis. */
export function openDispatcher(given: Dispatcher | undefined): OpenedDispatcher {
  if (given) return { ok: true, dispatcher: given, close: async () => undefined }
  try {
    const dispatcher = createHttpDispatcher()
    return { ok: true, dispatcher, close: () => dispatcher.close().catch(() => undefined) }
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error
    return { ok: false, detail: error.message, fix: 'Correct the setting named above, then test again.' }
  }
}

/** The session every request of a check shares, once its inputs passed and its dispatcher is open. */
export function sessionFor(
  inputs: { baseUrl: string; token: string },
  dispatcher: Dispatcher,
  options: Pick<ScimCheckOptions, 'deadlineMs' | 'maxBodyBytes'>,
  now: () => Date,
): ScimSession {
  return { baseUrl: inputs.baseUrl, token: inputs.token, dispatcher, now, deadlineMs: options.deadlineMs, maxBodyBytes: options.maxBodyBytes }
}
