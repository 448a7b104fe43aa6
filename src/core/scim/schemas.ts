import { z } from 'zod'

export const SCIM_CONTENT_TYPE = 'application/scim+json'
export const LIST_RESPONSE_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse'
export const PATCH_OP_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp'
export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User'
export const SERVICE_PROVIDER_CONFIG_URN = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'

const schemasIncluding = (urn: string) =>
  z.array(z.string()).refine((schemas) => schemas.includes(urn), { message: `does not list ${urn}` })

export const ListResponse = z.object({
  schemas: schemasIncluding(LIST_RESPONSE_URN),
  totalResults: z.number().int().nonnegative(),
  Resources: z.array(z.unknown()).optional(),
})
export type ListResponse = z.infer<typeof ListResponse>

const Feature = z.object({ supported: z.boolean() })

/** RFC 7643 section 5; only what the checks read is required, so a lean but usable answer passes. */
export const ServiceProviderConfig = z.object({
  schemas: schemasIncluding(SERVICE_PROVIDER_CONFIG_URN),
  patch: Feature,
  filter: Feature.extend({ maxResults: z.number().int().optional() }),
  bulk: Feature.optional(),
  changePassword: Feature.optional(),
  sort: Feature.optional(),
  etag: Feature.optional(),
  authenticationSchemes: z.array(z.object({ type: z.string().optional(), name: z.string().optional() })).optional(),
})
export type ServiceProviderConfig = z.infer<typeof ServiceProviderConfig>

export const RESOURCE_TYPES_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType'

export const ScimUser = z.object({
  id: z.string().min(1),
  userName: z.string(),
  active: z.boolean().optional(),
  /** Read only to confirm a name update; a server that sends it in another shape is not refused for it. */
  name: z.object({ givenName: z.string().optional(), familyName: z.string().optional() }).optional().catch(undefined),
})
export type ScimUser = z.infer<typeof ScimUser>

/** "patch.supported: expected boolean" style summary of what is wrong with an answer, for a step's detail. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const parts = error.issues.slice(0, limit).map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`)
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more)` : ''
  return `${parts.join('; ')}${more}`
}

/** One entry of /Schemas or /ResourceTypes (RFC 7644 section 4): only the fields the connection test reads. */
const DiscoveryResource = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  endpoint: z.string().optional(),
  schema: z.string().optional(),
  schemas: z.array(z.string()).optional(),
})
export type DiscoveryResource = z.infer<typeof DiscoveryResource>

/** The entries of a discovery answer, which servers send as a ListResponse or as a bare list; null when it is neither. */
export function discoveryResources(json: unknown): DiscoveryResource[] | null {
  let list: unknown[]
  if (Array.isArray(json)) list = json
  else {
    const parsed = ListResponse.safeParse(json)
    if (!parsed.success) return null
    list = parsed.data.Resources ?? []
  }
  return list.map((entry) => DiscoveryResource.safeParse(entry).data).filter((entry): entry is DiscoveryResource => entry !== undefined)
}
