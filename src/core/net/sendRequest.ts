import { request, type Dispatcher } from 'undici'
import { insecureUrlReason } from './loopback'
import { classifyNetError, type NetFailure } from './netFailure'

export const MAX_BODY_BYTES = 1024 * 1024
export const DEFAULT_DEADLINE_MS = 30_000

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface HttpRequest {
  url: URL
  method: HttpMethod
  headers?: Record<string, string>
  body?: string
  dispatcher: Dispatcher
  /** The admin's cancel button. */
  signal?: AbortSignal
  /** Everything (connect, headers, whole body) must be done by then, even if bytes keep trickling in. */
  deadlineMs?: number
  maxBodyBytes?: number
}

export interface HttpResponse {
  status: number
  /** Lowercase names; repeated headers joined with ", ". */
  headers: Record<string, string>
  body: string
}

export type HttpOutcome =
  | { ok: true; response: HttpResponse }
  /** `status` is set when the failure happened while reading the body of an answer that had already started. */
  | { ok: false; failure: NetFailure; status?: number }

/**
 * Sends one request and reads the whole answer, never throwing: every problem comes back as a classified failure.
 * Redirects are returned as they are, not followed.
 */
export async function sendRequest(req: HttpRequest): Promise<HttpOutcome> {
  const blocked = insecureUrlReason(req.url)
  if (blocked) return { ok: false, failure: { kind: 'blocked-url', message: blocked } }

  const deadlineMs = req.deadlineMs ?? DEFAULT_DEADLINE_MS
  const deadline = AbortSignal.timeout(deadlineMs)
  const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline
  const failed = (error: unknown, status?: number): HttpOutcome => {
    if (req.signal?.aborted) return { ok: false, status, failure: { kind: 'cancelled', message: 'Cancelled.' } }
    if (deadline.aborted) {
      return { ok: false, status, failure: { kind: 'deadline', message: `No complete answer within ${formatSeconds(deadlineMs)}.` } }
    }
    return { ok: false, status, failure: classifyNetError(error) }
  }

  let answer: Dispatcher.ResponseData
  try {
    const pending = request(req.url, {
      dispatcher: req.dispatcher,
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal,
    })
    answer = await Promise.race([pending, abortedWhileWaiting(pending, signal)])
  } catch (error) {
    return failed(error)
  }

  const status = answer.statusCode
  const headers = flattenHeaders(answer.headers)
  const limit = req.maxBodyBytes ?? MAX_BODY_BYTES
  const tooLarge = (): HttpOutcome => {
    answer.body.destroy()
    return { ok: false, status, failure: { kind: 'too-large', message: `The answer is larger than ${formatBytes(limit)}; reading stopped there.` } }
  }
  if (Number(headers['content-length']) > limit) return tooLarge()

  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of answer.body as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > limit) return tooLarge()
      chunks.push(chunk)
    }
  } catch (error) {
    return failed(error, status)
  }
  // undici marks the connection free for the next request one macrotask after the body ends (setImmediate(resume));
  // waiting for it lets a step that follows straight away reuse this keep-alive connection instead of opening another.
  await new Promise((resolve) => setImmediate(resolve))
  return { ok: true, response: { status, headers, body: Buffer.concat(chunks).toString('utf8') } }
}

/**
 * Rejects as soon as `signal` aborts. undici takes the signal but does not give up a connection it is still opening
 * (TCP or TLS to a silent host) until its connect timeout; a cancel must not wait that long. The abandoned request
 * never sends anything (undici drops an aborted request once connected); its late outcome is discarded.
 */
function abortedWhileWaiting(pending: Promise<Dispatcher.ResponseData>, signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    const abort = () => {
      pending.then((late) => late.body.destroy(), () => undefined)
      reject(signal.reason)
    }
    if (signal.aborted) return abort()
    signal.addEventListener('abort', abort, { once: true })
    pending.finally(() => signal.removeEventListener('abort', abort)).catch(() => undefined)
  })
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`
}
