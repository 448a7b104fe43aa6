/**
 * One exact text for a JSON value, whatever order its keys were written in: object keys sorted by code unit, no
 * whitespace, strings and numbers as JSON.stringify writes them. Bundle digests are computed over it, so
 * re-indenting a bundle or reordering its keys does not count as an edit; changing any value does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
  return `{${entries.join(',')}}`
}
