import type { Dispatcher } from 'undici'
import type { NetFailureKind } from '../net/netFailure'
import type { HttpMethod, HttpResponse } from '../net/sendRequest'
import { sendStepRequest } from '../checks/stepRequest'
import { diagnoseNetFailure } from '../checks/netDiagnosis'
import type { Diagnosis } from '../../shared/checkOutcome'
import { diagnoseHttpStatus, readScimBody, scimTarget, type DiagnoseContext } from './diagnose'
import { SCIM_CONTENT_TYPE } from './schemas'
import { scimEndpoint } from './scimBaseUrl'

/** What every request of one check shares. */
export interface ScimSession {
  baseUrl: string
  token: string
  dispatcher: Dispatcher
  now: () => Date
  deadlineMs?: number
  maxBodyBytes?: number
  /** Told the HTTP status of every answer received (the step records it); set per step, see runStep. */
  onHttpStatus?: (status: number) => void
}

export interface ScimCall {
  method: HttpMethod
  path: string
  query?: Record<string, string>
  body?: unknown
  /** Statuses that mean success. */
  expect: number[]
  /** Explains another status in the check's own terms (409 on create...) before the generic diagnosis. */
  explain?: (response: HttpResponse, ctx: DiagnoseContext) => Diagnosis | undefined
  /** The admin's cancel; cleanup deliberately passes none. */
  signal?: AbortSignal
}

export type ScimResult =
  /** `json` is undefined for an answer without a body (204). */
  | { ok: true; status: number; json: unknown; warning?: Diagnosis }
  /** `sentMayHaveArrived`: the request may have reached the server (so a create may have happened) though no answer came. */
  | { ok: false; diagnosis: Diagnosis; status?: number; cancelled: boolean; sentMayHaveArrived: boolean }

const FAILS_BEFORE_SENDING: ReadonlySet<NetFailureKind> = new Set([
  'blocked-url',
  'dns',
  'refused',
  'unreachable',
  'connect-timeout',
  'tls-untrusted',
  'tls-expired',
  'tls-hostname',
  'tls-other',
  'proxy',
])

export async function scimRequest(session: ScimSession, call: ScimCall): Promise<ScimResult> {
  const url = scimEndpoint(session.baseUrl, call.path, call.query)
  const ctx: DiagnoseContext = { url, baseUrl: session.baseUrl, now: session.now, secrets: [session.token] }
  const headers: Record<string, string> = {
    authorization: `Bearer ${session.token}`,
    accept: `${SCIM_CONTENT_TYPE}, application/json`,
  }
  if (call.body !== undefined) headers['content-type'] = SCIM_CONTENT_TYPE

  const outcome = await sendStepRequest(
    {
      url,
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      dispatcher: session.dispatcher,
      signal: call.signal,
      deadlineMs: session.deadlineMs,
      maxBodyBytes: session.maxBodyBytes,
    },
    session.onHttpStatus,
  )
  if (!outcome.ok) {
    const diagnosis = diagnoseNetFailure(outcome.failure, scimTarget(ctx))
    const { kind } = outcome.failure
    return { ok: false, status: outcome.status, diagnosis, cancelled: kind === 'cancelled', sentMayHaveArrived: !FAILS_BEFORE_SENDING.has(kind) }
  }

  const { response } = outcome
  if (!call.expect.includes(response.status)) {
    const diagnosis = call.explain?.(response, ctx) ?? diagnoseHttpStatus(response, ctx)
    return { ok: false, status: response.status, diagnosis, cancelled: false, sentMayHaveArrived: true }
  }
  if (response.status === 204 || (!response.body.trim() && call.method === 'DELETE')) {
    return { ok: true, status: response.status, json: undefined }
  }
  const body = readScimBody(response, ctx)
  if (!body.ok) return { ok: false, status: response.status, diagnosis: body.diagnosis, cancelled: false, sentMayHaveArrived: true }
  return { ok: true, status: response.status, json: body.json, warning: body.warning }
}
