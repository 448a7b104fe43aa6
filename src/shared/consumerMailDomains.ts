/**
 * Public email services: an address there belongs to a person, not to a company, so such a domain cannot be a
 * Dialpad company domain (Dialpad ties a company to the domains its users' addresses are on). The app warns and
 * lets the admin go on: it never blocks on a list it keeps itself.
 */
export const CONSUMER_MAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'gmx.at',
  'gmx.ch',
  'mail.com',
  'yandex.com',
  'yandex.ru',
  'zoho.com',
]

/** The warning for a normalized domain on the list, or null. */
export function consumerMailWarning(domain: string): string | null {
  if (!CONSUMER_MAIL_DOMAINS.includes(domain)) return null
  return `${domain} is a public email service, not your company’s own domain, so it cannot be a Dialpad company domain. Enter the domain your users’ work addresses end with (for example acme.com).`
}
