import { redactKnownSecrets } from '../secrets/redact'

/** Every string in a JSON-like value with the secrets the process knows replaced: a key quoted anywhere never leaves. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactKnownSecrets(value) as T
  if (Array.isArray(value)) return value.map(redactDeep) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item)])) as T
  }
  return value
}
