import { describe, expect, it } from 'vitest'
import { InvalidApiKeyError, MAX_API_KEY_LENGTH, parseApiKey, requireValidApiKey } from '../../src/core/secrets/apiKeyFormat'

const KEY = 'dpk_Abc123-xyz.789_QRS~tuv/+=='

function errorFor(input: string): string {
  const parsed = parseApiKey(input)
  if (parsed.ok) throw new Error('expected the key to be refused')
  return parsed.error
}

describe('parseApiKey', () => {
  it('accepts a key and trims what copying adds around it', () => {
    expect(parseApiKey(KEY)).toEqual({ ok: true, key: KEY })
    expect(parseApiKey(`  \t${KEY}\r\n`)).toEqual({ ok: true, key: KEY })
    expect(parseApiKey(`\uFEFF${KEY}`)).toEqual({ ok: true, key: KEY })
  })

  it('asks for the key when nothing was entered', () => {
    expect(errorFor('')).toBe('Paste your Dialpad API key.')
    expect(errorFor(' \n\t ')).toBe('Paste your Dialpad API key.')
  })

  it.each([
    ['a space', `${KEY.slice(0, 10)} ${KEY.slice(10)}`],
    ['a line break', `${KEY.slice(0, 10)}\n${KEY.slice(10)}`],
    ['a tab', `${KEY.slice(0, 10)}\t${KEY.slice(10)}`],
    ['a non-breaking space', `${KEY.slice(0, 10)}\u00A0${KEY.slice(10)}`],
  ])('refuses %s inside the key', (_, input) => {
    expect(errorFor(input)).toMatch(/cannot contain spaces or line breaks/)
  })

  it.each([
    ['a zero-width space', '\u200B'],
    ['a NUL', '\u0000'],
    ['an escape character', '\u001B'],
    ['a DEL', '\u007F'],
    ['a C1 control', '\u0090'],
    ['a soft hyphen', '\u00AD'],
  ])('refuses %s and says where it is', (_, character) => {
    expect(errorFor(`${KEY.slice(0, 5)}${character}${KEY.slice(5)}`)).toMatch(/invisible character \(at position 6\)/)
  })

  it.each([
    ['an accented letter', 'é'],
    ['a curly quote', '\u201C'],
    ['an emoji', '\u{1F511}'],
  ])('refuses %s', (_, character) => {
    expect(errorFor(`${KEY}${character}`)).toMatch(/character that never appears in API keys/)
  })

  it('refuses an absurdly long paste and a truncated one', () => {
    expect(parseApiKey('k'.repeat(MAX_API_KEY_LENGTH)).ok).toBe(true)
    expect(errorFor('k'.repeat(MAX_API_KEY_LENGTH + 1))).toMatch(/far longer than an API key/)
    expect(errorFor('abc123')).toMatch(/too short/)
  })

  it('never repeats the key or a piece of it in a message', () => {
    const canary = 'CanaryKey0123456789'
    const inputs = [`${canary} x`, `${canary}\u200B`, `${canary}é`, canary.slice(0, 8), `${canary}${'x'.repeat(MAX_API_KEY_LENGTH)}`]
    for (const input of inputs) {
      const error = errorFor(input)
      for (let start = 0; start + 4 <= canary.length; start++) expect(error).not.toContain(canary.slice(start, start + 4))
    }
  })
})

describe('requireValidApiKey', () => {
  it('returns the trimmed key or throws a user-facing error', () => {
    expect(requireValidApiKey(` ${KEY} `)).toBe(KEY)
    expect(() => requireValidApiKey('')).toThrow(InvalidApiKeyError)
    expect(() => requireValidApiKey('')).toThrow('Paste your Dialpad API key.')
  })
})
