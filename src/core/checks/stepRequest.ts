import { sendRequest, type HttpOutcome, type HttpRequest } from '../net/sendRequest'
import type { HttpStatusListener } from './stepRunner'

/** Sends one request of a step and tells the step the HTTP status of its answer, when one started (runStep records it). */
export async function sendStepRequest(request: HttpRequest, onHttpStatus: HttpStatusListener | undefined): Promise<HttpOutcome> {
  const sent = await sendRequest(request)
  const status = sent.ok ? sent.response.status : sent.status
  if (status !== undefined) onHttpStatus?.(status)
  return sent
}
