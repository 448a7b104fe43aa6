import { FORBIDDEN_BUNDLE_KEYS } from '../../shared/bundle'
import { redactThenShorten } from '../secrets/redact'

/** A bundle is a few levels deep; anything nested far deeper was made to exhaust a parser, not by the app. */
export const MAX_BUNDLE_DEPTH = 32

export type KeyScan = { kind: 'clean' } | { kind: 'forbidden'; key: string; path: string } | { kind: 'too-deep'; path: string }

/**
 * Looks at every key of a parsed JSON value before anything else reads it, iteratively (no recursion, so no stack
 * to exhaust). JSON.parse stores "__proto__" as a plain own key; refusing it here means it can never reach an
 * object spread or merge that would turn it into a prototype change.
 */
export function scanBundleKeys(root: unknown): KeyScan {
  const pending: { value: unknown; path: string[] }[] = [{ value: root, path: [] }]
  while (pending.length > 0) {
    const { value, path } = pending.pop() as { value: unknown; path: string[] }
    if (value === null || typeof value !== 'object') continue
    if (path.length > MAX_BUNDLE_DEPTH) return { kind: 'too-deep', path: describePath(path) }
    const keys = Array.isArray(value) ? value.map((_, i) => String(i)) : Object.keys(value)
    for (const key of keys) {
      if (!Array.isArray(value) && FORBIDDEN_BUNDLE_KEYS.includes(key)) return { kind: 'forbidden', key, path: describePath(path) }
      pending.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] })
    }
  }
  return { kind: 'clean' }
}

/** "profile.setup.checklist", or "the top level" for the root. Keys come from the file: shown short and on one line. */
export function describePath(path: readonly (string | number)[]): string {
  return path.length === 0 ? 'the top level' : redactThenShorten(path.join('.'), 200)
}
