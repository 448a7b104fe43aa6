/**
 * Counted words for messages ("1 day", "3 days"), chosen by Intl.PluralRules so "certificate(s)" never reaches an
 * admin. English only, as every message in the app is; the other form defaults to the word plus "s".
 */
const RULES = new Intl.PluralRules('en')

/** The word alone in the form the count asks for: pluralWord(1, 'day') is "day", pluralWord(2, 'day') "days". */
export function pluralWord(count: number, one: string, other = `${one}s`): string {
  return RULES.select(count) === 'one' ? one : other
}

/** The count and the word: plural(1, 'day') is "1 day", plural(0, 'certificate') "0 certificates". */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${count} ${pluralWord(count, one, other)}`
}

/**
 * A certificate's days to expiry as a phrase: "30 days from now" (or "30 days left") while it is valid, "expired
 * 1 day ago" after.
 */
export function daysToExpiryText(days: number, style: 'from now' | 'left' = 'from now'): string {
  return days >= 0 ? `${plural(days, 'day')} ${style}` : `expired ${plural(-days, 'day')} ago`
}
