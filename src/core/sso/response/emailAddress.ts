/** local@domain.tld, no spaces: the shape of an address Dialpad can match to a user. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value)
}

/** The domain of an address, lower-cased. */
export function emailDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase()
}
