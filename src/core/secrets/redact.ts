/**
 * The one redaction helper. Logs, reports, check results, CLI output and error paths pass their text through
 * `redactKnownSecrets` (or `redactSecrets` with explicit values) so a secret never leaves the process in readable
 * form. The only secret the app holds is the Dialpad API key, hence the marker's wording, which admins read in
 * check details ("Token [API key hidden] is not allowed here").
 */
export const REDACTED = '[API key hidden]'

/** Shorter values registered process-wide are not credentials, and replacing them everywhere would mangle unrelated text. */
const MIN_REMEMBERED_LENGTH = 8

/** The secret as written, plus the encodings it commonly travels in: URLs, base64 and JSON strings. */
function formsOf(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64')
  return [
    secret,
    encodeURIComponent(secret),
    base64,
    base64.replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('base64url'),
    JSON.stringify(secret).slice(1, -1),
  ]
}

/** Replaces every secret given, in each of its common encodings, with REDACTED. Empty secrets are ignored. */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (secret === '') continue
    for (const form of formsOf(secret)) forms.add(form)
  }
  // Longest first, so a form that contains another is replaced whole rather than leaving a readable remainder.
  let result = text
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    result = result.split(form).join(REDACTED)
  }
  return result
}

const known = new Set<string>()

/** Registers a secret for the rest of the process's life; it is never forgotten, since old text may still quote it. */
export function rememberSecret(value: string): void {
  if (value.length >= MIN_REMEMBERED_LENGTH) known.add(value)
}

/** Redacts every secret registered with `rememberSecret` so far. */
export function redactKnownSecrets(text: string): string {
  return known.size === 0 ? text : redactSecrets(text, known)
}
