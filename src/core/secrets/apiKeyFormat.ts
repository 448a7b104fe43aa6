import { UserFacingError } from '../userFacingError'

/**
 * Checks an API key as the admin typed or pasted it. Messages describe the problem without ever repeating the key
 * or any part of it, because they are shown on screen and may end up in logs or screenshots.
 */
export type ApiKeyParse = { ok: true; key: string } | { ok: false; error: string }

export const MIN_API_KEY_LENGTH = 16
export const MAX_API_KEY_LENGTH = 4096

const WHITESPACE = /\s/u
/** Control characters (C0, DEL, C1) and invisible format characters such as zero-width spaces and byte order marks. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u
/** API keys are plain ASCII; anything else (accented letters, curly quotes, emoji) came from somewhere else. */
const NOT_PRINTABLE_ASCII = /[^\x21-\x7E]/

function fail(error: string): ApiKeyParse {
  return { ok: false, error }
}

export function parseApiKey(input: string): ApiKeyParse {
  // Trimming removes spaces, line breaks and byte order marks that come along when copying the key from a page.
  const key = input.trim()
  if (key === '') return fail('Paste your Dialpad API key.')
  if (key.length > MAX_API_KEY_LENGTH) {
    return fail(`That is far longer than an API key (more than ${MAX_API_KEY_LENGTH} characters). Copy only the key itself.`)
  }
  if (WHITESPACE.test(key)) {
    return fail('The API key cannot contain spaces or line breaks. Copy it again so it is on one line, with nothing before or after it.')
  }
  const invisible = key.search(INVISIBLE)
  if (invisible >= 0) {
    return fail(
      `The API key contains an invisible character (at position ${invisible + 1}), which often comes along when copying ` +
        'from a document or chat. Copy the key again directly from Dialpad.',
    )
  }
  const foreign = key.search(NOT_PRINTABLE_ASCII)
  if (foreign >= 0) {
    return fail(
      `The API key contains a character that never appears in API keys (at position ${foreign + 1}), such as an accented ` +
        'letter or a curly quote. Copy the key again directly from Dialpad.',
    )
  }
  if (key.length < MIN_API_KEY_LENGTH) {
    return fail(`That is too short to be a Dialpad API key (fewer than ${MIN_API_KEY_LENGTH} characters). Check that you copied all of it.`)
  }
  return { ok: true, key }
}

export class InvalidApiKeyError extends UserFacingError {
  override name = 'InvalidApiKeyError'
  constructor(message: string) {
    super(message, { code: 'invalid-input' })
  }
}

/** The trimmed key, or an InvalidApiKeyError whose message says what is wrong without quoting the key. */
export function requireValidApiKey(input: string): string {
  const parsed = parseApiKey(input)
  if (!parsed.ok) throw new InvalidApiKeyError(parsed.error)
  return parsed.key
}
