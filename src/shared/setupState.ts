import { z } from 'zod'
import { ENVIRONMENT_IDS } from './environments'

export const SETUP_SCHEMA_VERSION = 1

export const Env = z.enum(ENVIRONMENT_IDS)
export const StepId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'Step ids are lowercase words joined by hyphens.')
export const ChecklistItemId = z.string().regex(/^[a-z0-9.-]{1,100}$/)

/** The wizard's durable state: what the admin typed and ticked, and where they are. */
export const SetupState = z.strictObject({
  currentStepId: StepId,
  visitedStepIds: z.array(StepId).max(100),
  /** Exactly what the admin typed, so a reload shows it unchanged; normalized on use. */
  domainInput: z.string().max(1000),
  env: Env,
  checklist: z.record(ChecklistItemId, z.boolean()).refine((r) => Object.keys(r).length <= 500, 'Too many checklist items.'),
})
export type SetupState = z.infer<typeof SetupState>

/** The document main writes to disk. */
export const SetupDocument = z.strictObject({
  schemaVersion: z.literal(SETUP_SCHEMA_VERSION),
  savedAt: z.iso.datetime(),
  setup: SetupState,
})
export type SetupDocument = z.infer<typeof SetupDocument>
