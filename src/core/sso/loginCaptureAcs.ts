import { describeSamlPostProblem, readSamlPost, type UploadPart } from './loginCaptureForm'

/**
 * Which requests the login window sees: page and frame loads over https (it navigates nowhere else). Each becomes a
 * hop of the redirect chain (host, method, SAML kind: loginCaptureHops.ts); only those on the Dialpad host of the
 * ACS URL are inspected for the SAML response. The whole host rather than the ACS path alone, so a response JumpCloud
 * posts to a slightly different address (a typo in the ACS URL field, the SP Entity ID pasted there) is still caught
 * and reported instead of ending on a Dialpad error page.
 */
export function frameRequestFilter(): { urls: string[]; types: Array<'mainFrame' | 'subFrame'> } {
  return { urls: ['https://*/*'], types: ['mainFrame', 'subFrame'] }
}

/** Same https origin and path as Dialpad's ACS URL; query and fragment do not matter. */
export function isAcsUrl(raw: string, acsUrl: string): boolean {
  const url = URL.parse(raw)
  const acs = URL.parse(acsUrl)
  return url !== null && acs !== null && url.protocol === 'https:' && url.origin === acs.origin && url.pathname === acs.pathname
}

export interface InterceptedRequest {
  method: string
  url: string
  uploadData?: readonly UploadPart[] | null
}

export type AcsDecision =
  /** Not the SAML response: let the request go on as usual. */
  | { action: 'ignore' }
  /** The SAML response, read from the form. */
  | { action: 'capture'; samlResponse: string; relayState: string | null; postedTo: string }
  /** A POST to the ACS URL that carries no readable response. */
  | { action: 'unreadable'; message: string }

/**
 * What to do with a request to the Dialpad host. Responses arrive by POST (the HTTP-POST binding Dialpad's
 * ACS uses), so other methods go on untouched. A POST to the ACS URL must carry a response; a POST elsewhere
 * on the host counts only when it does.
 */
export function classifyDialpadRequest(request: InterceptedRequest, acsUrl: string): AcsDecision {
  if (request.method.toUpperCase() !== 'POST') return { action: 'ignore' }
  const post = readSamlPost(request.uploadData)
  if (post.ok) return { action: 'capture', samlResponse: post.samlResponse, relayState: post.relayState, postedTo: request.url }
  if (!isAcsUrl(request.url, acsUrl)) return { action: 'ignore' }
  return { action: 'unreadable', message: describeSamlPostProblem(post.problem, acsUrl, post.bytes) }
}
