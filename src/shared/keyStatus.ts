import { z } from 'zod'

/** Where the API key lives: the OS keychain, this session's memory only, or nowhere because no keychain is available. */
export const KeyBackend = z.enum(['keychain', 'memory', 'none'])
export type KeyBackend = z.infer<typeof KeyBackend>

/**
 * All the renderer ever learns about the API key. When nothing is stored, `backend` says where the next key would
 * go: 'keychain', or 'none' when no keychain is available (the key can then only be kept for the session).
 */
export const KeyStatus = z.union([
  z.strictObject({ stored: z.literal(true), last4: z.string().length(4), backend: z.enum(['keychain', 'memory']) }),
  z.strictObject({ stored: z.literal(false), last4: z.null(), backend: z.enum(['keychain', 'none']) }),
])
export type KeyStatus = z.infer<typeof KeyStatus>
