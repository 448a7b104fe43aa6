import { z } from 'zod'
import { CheckRun, CheckStep } from './checkRun'
import { SamlResponseSummary } from './ssoResponse'

export const LiveCheckKind = z.enum(['scim-connection', 'scim-lifecycle', 'sso-services', 'sso-login'])
export type LiveCheckKind = z.infer<typeof LiveCheckKind>

export const RunId = z.string().regex(/^[a-f0-9-]{36}$/, 'Unknown check.')

/** What a finished test login adds to its CheckRun: the decoded response, and the response itself, handed over once. */
export const LoginCheckExtras = z.object({
  summary: SamlResponseSummary.nullable(),
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
