import { z } from 'zod'
import { CheckRun, CheckStep } from './checkRun'
import { SamlResponseSummary } from './ssoResponse'

export const LiveCheckKind = z.enum(['scim-connection', 'scim-lifecycle', 'sso-services', 'sso-login'])
export type LiveCheckKind = z.infer<typeof LiveCheckKind>

export const RunId = z.string().regex(/^[a-f0-9-]{36}$/, 'Unknown check.')

/**
 * One page load of the test login, as SAML-tracer lists it: where it went, how, and which SAML message it carried.
 * Never a value: no path, no query, no form field, so the chain can be shown and saved as it is.
 */
export const RedirectHop = z.object({
  host: z.string(),
  method: z.string(),
  saml: z.enum(['SAMLRequest', 'SAMLResponse']).nullable(),
  /** How the SAML message travelled: in the address (HTTP-Redirect) or in a posted form (HTTP-POST). */
  binding: z.enum(['HTTP-Redirect', 'HTTP-POST']).nullable(),
  /** The window refused to go there (a host the test login does not allow). */
  blocked: z.boolean(),
})
export type RedirectHop = z.infer<typeof RedirectHop>

/** What a finished test login adds to its CheckRun: the decoded response, and the response itself, handed over once. */
export const LoginCheckExtras = z.object({
  summary: SamlResponseSummary.nullable(),
  /** The page loads of the test login, in order (empty when the window recorded none). */
  hops: z.array(RedirectHop).default([]),
  /**
   * The SAMLResponse as JumpCloud posted it, so the admin can save it to a file. Main gives it out with the first
   * progress report after the check finished and then forgets it.
   */
  capturedResponse: z.string().nullable(),
})
export type LoginCheckExtras = z.infer<typeof LoginCheckExtras>

/** Where a running check is: each step as last reported (a step still running has durationMs null), and the result once done. */
export const LiveCheckProgress = z.object({
  runId: z.string(),
  kind: LiveCheckKind,
  startedAt: z.string(),
  elapsedMs: z.number(),
  steps: z.array(CheckStep.extend({ running: z.boolean() })),
  done: z.boolean(),
  run: CheckRun.nullable(),
  /** Only for a finished test login. */
  login: LoginCheckExtras.nullable(),
})
export type LiveCheckProgress = z.infer<typeof LiveCheckProgress>
