import { describe, expect, it } from 'vitest'
import { daysToExpiryText, plural, pluralWord } from '../../src/shared/plural'

describe('plural', () => {
  it('picks the singular for one and the plural otherwise, counting as English does', () => {
    expect(plural(1, 'day')).toBe('1 day')
    expect(plural(0, 'day')).toBe('0 days')
    expect(plural(2, 'certificate')).toBe('2 certificates')
    expect(plural(-1, 'day')).toBe('-1 day')
    expect(plural(1.5, 'minute')).toBe('1.5 minutes')
  })

  it('takes an irregular plural', () => {
    expect(plural(3, 'entry', 'entries')).toBe('3 entries')
    expect(pluralWord(1, 'entry', 'entries')).toBe('entry')
  })
})

describe('daysToExpiryText', () => {
  it('says how long a certificate has left, or how long ago it expired', () => {
    expect(daysToExpiryText(1)).toBe('1 day from now')
    expect(daysToExpiryText(30, 'left')).toBe('30 days left')
    expect(daysToExpiryText(-1)).toBe('expired 1 day ago')
    expect(daysToExpiryText(-12, 'left')).toBe('expired 12 days ago')
  })
})
