import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { APP_WIDE_FILE } from './parseFindings'

/**
 * One reviewed exception. It covers the findings of `check` in `file` (and, when `snippet` is given,
 * only those whose flagged source line contains it), and says why they are acceptable.
 */
export const AllowlistEntry = z.strictObject({
  /** Electronegativity issue id as printed in the report, e.g. OPEN_EXTERNAL_JS_CHECK. */
  check: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'check must be the scanner issue id, e.g. OPEN_EXTERNAL_JS_CHECK'),
  /** POSIX path relative to the project root (src/main/window.ts), or "N/A" for an app-wide finding. */
  file: z
    .string()
    .min(1, 'file is required')
    .refine(
      (file) => file === APP_WIDE_FILE || (!file.startsWith('/') && !file.includes('\\') && !file.split('/').includes('..')),
      'file must be a POSIX path relative to the project root (or "N/A" for an app-wide finding)',
    ),
  /** Optional: a piece of the flagged source line, to pin the entry to one call site. */
  snippet: z.string().min(1, 'snippet, when given, must not be empty').optional(),
  /** Why this finding is acceptable: the mitigation, and where it lives. */
  reason: z
    .string({ error: 'reason is required: say why the finding is acceptable and what mitigates it' })
    .trim()
    .min(1, 'reason must not be empty: say why the finding is acceptable and what mitigates it'),
})
export type AllowlistEntry = z.infer<typeof AllowlistEntry>

export const Allowlist = z
  .strictObject({
    $comment: z.string().optional(),
    entries: z.array(AllowlistEntry),
  })
  .superRefine((allowlist, ctx) => {
    const seen = new Set<string>()
    allowlist.entries.forEach((entry, index) => {
      const key = entryKey(entry)
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['entries', index], message: `duplicate entry ${key}` })
      seen.add(key)
    })
  })
export type Allowlist = z.infer<typeof Allowlist>

export class AllowlistError extends Error {
  override name = 'AllowlistError'
}

export function entryKey(entry: AllowlistEntry): string {
  return `${entry.check} in ${entry.file}${entry.snippet === undefined ? '' : ` at "${entry.snippet}"`}`
}

/** Validates an already-parsed allowlist document; throws AllowlistError listing every problem. */
export function parseAllowlist(data: unknown, source = 'allowlist'): Allowlist {
  const result = Allowlist.safeParse(data)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`)
  throw new AllowlistError(`${source} is invalid:\n${problems.join('\n')}`)
}

export async function loadAllowlist(path: string): Promise<Allowlist> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new AllowlistError(`cannot read the allowlist ${path}: ${(error as Error).message}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new AllowlistError(`${path} is not valid JSON: ${(error as Error).message}`)
  }
  return parseAllowlist(data, path)
}
