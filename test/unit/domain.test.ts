import { describe, expect, it } from 'vitest'
import { consumerMailWarning } from '../../src/shared/consumerMailDomains'
import { parseDomain, tidyDomainInput } from '../../src/shared/domain'

function error(input: string): string {
  const result = parseDomain(input)
  if (result.ok) throw new Error(`expected "${input}" to be rejected, got ${result.domain}`)
  return result.error
}

describe('parseDomain', () => {
  it.each([
    ['example.com', 'example.com'],
    ['Example.COM', 'example.com'],
    ['  example.com\t', 'example.com'],
    ['sub.example.co.uk', 'sub.example.co.uk'],
    ['my-company.io', 'my-company.io'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['BÜCHER.DE', 'xn--bcher-kva.de'],
    ['例え.jp', 'xn--r8jz45g.jp'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
  ])('accepts %j as %j', (input, expected) => {
    expect(parseDomain(input)).toEqual({ ok: true, domain: expected })
  })

  it('explains an empty value', () => {
    expect(error('   ')).toMatch(/Enter your company domain/)
  })

  it('rejects a scheme and suggests the bare domain', () => {
    expect(error('https://Example.com/login')).toBe('Enter the domain only, without "https://". Enter example.com instead.')
    expect(error('http://example.com')).toContain('without "http://"')
  })

  it('rejects a path, query or fragment and names the part to remove', () => {
    expect(error('example.com/saml')).toBe('Remove "/saml": the domain is only the part before it (example.com).')
    expect(error('example.com?x=1')).toContain('Remove "?x=1"')
    expect(error('example.com#top')).toContain('Remove "#top"')
  })

  it('rejects spaces inside the domain', () => {
    expect(error('example .com')).toMatch(/cannot contain spaces/)
  })

  it('recognizes an email address and offers the part after @', () => {
    expect(error('admin@example.com')).toBe('That looks like an email address. Enter only the part after "@": example.com.')
  })

  it('rejects a port, a wildcard and an IP address', () => {
    expect(error('example.com:8443')).toBe('Remove the port ":8443": enter the domain only.')
    expect(error('*.example.com')).toMatch(/Wildcards are not allowed/)
    expect(error('192.168.1.10')).toMatch(/not an IP address/)
  })

  it('rejects malformed dots, labels and characters', () => {
    expect(error('example')).toMatch(/at least one dot/)
    expect(error('.example.com')).toMatch(/cannot start with a dot/)
    expect(error('example.com.')).toMatch(/dot at the end/)
    expect(error('example..com')).toMatch(/two dots in a row/)
    expect(error('-example.com')).toMatch(/cannot start or end with a hyphen/)
    expect(error('exa_mple.com')).toBe('Domain names use letters, digits and hyphens only; “_” (U+005F) is not allowed.')
    expect(error('example.123')).toMatch(/only digits/)
  })

  it('refuses pasted quotation marks and stray punctuation instead of turning them into another domain', () => {
    expect(error('\u201Cacme.com\u201D')).toBe('Remove the quotation marks: enter just the domain, for example example.com.')
    expect(error('"acme.com"')).toMatch(/Remove the quotation marks/)
    expect(error('exa%41mple.com')).toBe('Domain names use letters, digits and hyphens only; “%” (U+0025) is not allowed.')
    expect(error('acme!.com')).toContain('“!” (U+0021) is not allowed')
    expect(error('acme\u2024com')).toContain('is not allowed')
  })

  it('accepts ideographic and full-width dots, which IDNA maps to "."', () => {
    expect(parseDomain('example\u3002com')).toEqual({ ok: true, domain: 'example.com' })
    expect(parseDomain('\uFF45xample.com')).toEqual({ ok: true, domain: 'example.com' })
  })

  it('enforces the DNS length limits', () => {
    expect(error(`${'a'.repeat(64)}.com`)).toMatch(/longer than 63 characters/)
    const long = Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.')
    expect(error(`${long}.com`)).toMatch(/too long/)
  })
})

describe('tidyDomainInput', () => {
  it.each([
    ['https://www.Acme-Corp.COM/', 'acme-corp.com', 'Using acme-corp.com: the domain only, without “https://” and “www.”.'],
    ['http://acme.com:8443/login?x=1', 'acme.com', 'Using acme.com: the domain only, without “http://”, the port “:8443” and the path.'],
    ['www.acme.com', 'acme.com', 'Using acme.com: the domain only, without “www.”.'],
    ['acme.com/saml', 'acme.com', 'Using acme.com: the domain only, without the path.'],
    ['admin@Acme.com', 'acme.com', 'Using acme.com: the domain only, without the part before “@”.'],
  ])('reduces %j to %j and says what it removed', (input, text, note) => {
    expect(tidyDomainInput(input)).toEqual({ text, note })
  })

  it('keeps any other subdomain: without the public-suffix list, mail.acme.co.uk may be the company domain', () => {
    expect(tidyDomainInput('mail.acme.co.uk')).toEqual({ text: 'mail.acme.co.uk', note: null })
    expect(tidyDomainInput('https://mail.acme.co.uk')).toEqual({ text: 'mail.acme.co.uk', note: 'Using mail.acme.co.uk: the domain only, without “https://”.' })
  })

  it('only normalizes case and spaces without a note, and leaves what is still no domain for parseDomain to explain', () => {
    expect(tidyDomainInput(' Example.COM ')).toEqual({ text: 'example.com', note: null })
    expect(tidyDomainInput('www.com')).toEqual({ text: 'www.com', note: null })
    expect(tidyDomainInput('exa mple.com')).toEqual({ text: 'exa mple.com', note: null })
    expect(tidyDomainInput('https://192.168.1.1/')).toEqual({ text: 'https://192.168.1.1/', note: null })
  })
})

describe('consumerMailWarning', () => {
  it('warns about a public email service and says nothing about a company domain', () => {
    expect(consumerMailWarning('gmail.com')).toMatch(/^gmail\.com is a public email service, .* cannot be a Dialpad company domain/)
    expect(consumerMailWarning('outlook.com')).not.toBeNull()
    expect(consumerMailWarning('gmx.de')).not.toBeNull()
    expect(consumerMailWarning('acme-corp.com')).toBeNull()
  })
})
