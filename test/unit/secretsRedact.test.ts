import { describe, expect, it } from 'vitest'
import { REDACTED, redactKnownSecrets, redactSecrets, rememberSecret } from '../../src/core/secrets/redact'

const SECRET = 'sk_live/Abc+123=xyz&q'

describe('redactSecrets', () => {
  it('replaces every occurrence', () => {
    expect(redactSecrets(`key=${SECRET}; again ${SECRET}${SECRET}`, [SECRET])).toBe(`key=${REDACTED}; again ${REDACTED}${REDACTED}`)
  })

  it('replaces the URL-encoded, base64, base64url and JSON-escaped forms', () => {
    const base64 = Buffer.from(SECRET).toString('base64')
    const text = [
      `https://api.example.com/?apikey=${encodeURIComponent(SECRET)}`,
      `Authorization: Basic ${base64}`,
      `unpadded ${base64.replace(/=+$/, '')}.`,
      `url-safe ${Buffer.from(SECRET).toString('base64url')}`,
      JSON.stringify({ key: 'quote"back\\slash' }),
    ].join('\n')
    const redacted = redactSecrets(text, [SECRET, 'quote"back\\slash'])
    expect(redacted).not.toContain(encodeURIComponent(SECRET))
    expect(redacted).not.toContain(base64.replace(/=+$/, ''))
    expect(redacted).not.toContain(Buffer.from(SECRET).toString('base64url'))
    expect(redacted).not.toContain('back')
    expect(redacted.split(REDACTED)).toHaveLength(6)
  })

  it('leaves text without secrets, and empty secrets, alone', () => {
    expect(redactSecrets('nothing to see', [SECRET, ''])).toBe('nothing to see')
    expect(redactSecrets('', [SECRET])).toBe('')
  })

  it('redacts overlapping secrets without leaving a readable remainder', () => {
    expect(redactSecrets('abcdefghijkl', ['cdefgh', 'abcdefghij'])).toBe(`${REDACTED}kl`)
  })
})

describe('the process-wide registry', () => {
  it('redacts every remembered secret from then on', () => {
    const first = 'first-secret-value-1'
    const second = 'second-secret-value-2'
    expect(redactKnownSecrets(`${first} ${second}`)).toBe(`${first} ${second}`)
    rememberSecret(first)
    rememberSecret(second)
    rememberSecret(first)
    expect(redactKnownSecrets(`a ${first} b ${second} c`)).toBe(`a ${REDACTED} b ${REDACTED} c`)
  })

  it('ignores values too short to be credentials', () => {
    rememberSecret('abc')
    rememberSecret('')
    expect(redactKnownSecrets('abc is fine')).toBe('abc is fine')
  })
})
