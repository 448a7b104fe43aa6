/** The zod schemas of provenance records (provenance.ts holds the types and the rules, without zod). */
import { z } from 'zod'
import { ENVIRONMENT_IDS } from './environments'
import { INPUT_NAMES, type InputName, type InputValues, type KeyIdentity as KeyIdentityType, type MadeAgainst as MadeAgainstType, type Provenance as ProvenanceType } from './provenance'

export const KeyIdentity: z.ZodType<KeyIdentityType> = z.strictObject({
  last4: z.string().length(4).nullable(),
  storedAt: z.iso.datetime(),
})

const Text = z.string().max(2000).nullable()

/** How each input's recorded value is checked when a profile or bundle is read. */
const INPUT_SCHEMAS: { readonly [K in InputName]: z.ZodType<InputValues[K]> } = {
  domain: z.string().max(253).nullable(),
  env: z.enum(ENVIRONMENT_IDS),
  idpEntityId: Text,
  idpSsoUrl: Text,
  certificate: z.string().regex(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/, 'A SHA-256 fingerprint is 32 hex pairs joined by ":".').nullable(),
  scimBaseUrl: Text,
  apiKey: KeyIdentity.nullable(),
  otherEmailDomains: z.array(z.string().max(253)).max(100),
}

export const MadeAgainst = z.strictObject(
  Object.fromEntries(INPUT_NAMES.map((name) => [name, (INPUT_SCHEMAS[name] as z.ZodType<unknown>).optional()])),
) as unknown as z.ZodType<MadeAgainstType>

export const Provenance: z.ZodType<ProvenanceType> = z.strictObject({ at: z.iso.datetime().nullable(), against: MadeAgainst })
