import { z } from 'zod'

export const CheckStatus = z.enum(['pass', 'warn', 'fail', 'skipped'])
export type CheckStatus = z.infer<typeof CheckStatus>

/** One verified fact: what was checked, how it went, and on a problem, what the admin should do. */
export const CheckStep = z.object({
  id: z.string(),
  title: z.string(),
  status: CheckStatus,
  /** The HTTP status of the answer the step received, for live checks that got one. */
  httpStatus: z.number().int().optional(),
  durationMs: z.number().nullable(),
  detail: z.string(),
  /** Present when status is warn or fail: one sentence naming the console and field to change. */
  fix: z.string().optional(),
})
export type CheckStep = z.infer<typeof CheckStep>

/** The result of a check, printed the same way by the renderer, the CLI (--json), reports and bundles. */
export const CheckRun = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  steps: z.array(CheckStep),
})
export type CheckRun = z.infer<typeof CheckRun>

/** A run is ok when nothing failed (warnings are worth reading but do not block). */
export function checkRunFrom(steps: CheckStep[], checkedAt: Date): CheckRun {
  return { ok: steps.every((step) => step.status !== 'fail'), checkedAt: checkedAt.toISOString(), steps }
}
