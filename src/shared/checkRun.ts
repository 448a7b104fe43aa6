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
  /**
   * Decisive: the integration cannot work when this step fails, so a failure fails the run. Informational: worth
   * knowing, never more than a warning (a fact nobody has verified about Dialpad or JumpCloud is never decisive; see
   * docs/service-facts.md). Runs saved before steps said so were judged with every step deciding, so a step without
   * the field reads as decisive and such a run keeps the verdict it was saved with.
   */
  decisive: z.boolean().default(true),
})
export type CheckStep = z.infer<typeof CheckStep>

/** The result of a check, printed the same way by the renderer, the CLI (--json), reports and bundles. */
export const CheckRun = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  steps: z.array(CheckStep),
})
export type CheckRun = z.infer<typeof CheckRun>

/** A run is ok when no decisive step failed (warnings and informational steps are worth reading but do not block). */
export function checkRunFrom(steps: CheckStep[], checkedAt: Date): CheckRun {
  return { ok: steps.every((step) => !step.decisive || step.status !== 'fail'), checkedAt: checkedAt.toISOString(), steps }
}
