import { z } from 'zod'
import { CheckRun, CheckStep } from './checkRun'

export const LiveCheckKind = z.enum(['scim-connection', 'scim-lifecycle', 'sso-services', 'sso-login'])
export type LiveCheckKind = z.infer<typeof LiveCheckKind>

export const RunId = z.string().regex(/^[a-f0-9-]{36}$/, 'Unknown check.')

/** Where a running check is: each step as last reported (a step still running has durationMs null), and the result once done. */
export const LiveCheckProgress = z.object({
  runId: z.string(),
  kind: LiveCheckKind,
  startedAt: z.string(),
  elapsedMs: z.number(),
  steps: z.array(CheckStep.extend({ running: z.boolean() })),
  done: z.boolean(),
  run: CheckRun.nullable(),
})
export type LiveCheckProgress = z.infer<typeof LiveCheckProgress>
