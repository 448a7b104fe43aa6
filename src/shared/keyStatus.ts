import { z } from 'zod'

/** Where the API key lives: the OS keychain, this session's memory only, or nowhere because no keychain is available. */
export const KeyBackend = z.enum(['keychain', 'memory', 'none'])
export type KeyBackend = z.infer<typeof KeyBackend>

/**
 * All the renderer ever learns about the API key. When nothing is stored, `backend` says where the next key would
 * go: 'keychain', or 'none' when no keychain is available (the key can then only be kept for the session).
 */
const KeyStored = z.strictObject({ stored: z.literal(true), last4: z.string().length(4), backend: z.enum(['keychain', 'memory']) })
const NoKeyStored = z.strictObject({ stored: z.literal(false), last4: z.null(), backend: z.enum(['keychain', 'none']) })
export const KeyStatus = z.union([KeyStored, NoKeyStored])
export type KeyStatus = z.infer<typeof KeyStatus>

/**
 * What a profile keeps about its API key, next to the keychain entry: the last 4 characters (to recognise the key the
 * keychain holds) and when it was stored for the profile. Never the key. Main writes it; the renderer never does.
 */
export const KeyRecord = z.strictObject({ last4: z.string().length(4), storedAt: z.iso.datetime() })
export type KeyRecord = z.infer<typeof KeyRecord>

/**
 * A profile's key status as the app and reports see it: with when the key was stored, which tells one key from the
 * next in what each verdict was made against.
 */
export const ProfileKeyStatus = z.union([KeyStored.extend({ storedAt: z.iso.datetime() }), NoKeyStored])
export type ProfileKeyStatus = z.infer<typeof ProfileKeyStatus>
