import { MAX_PROFILE_NAME_LENGTH, ProfileName } from '../../shared/profile'
import { UserFacingError } from '../userFacingError'

/** Names are compared as the admin reads them: surrounding spaces and letter case do not make two profiles different. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en')
}

/** The trimmed name, or a UserFacingError saying what is wrong with it. */
export function requireProfileName(input: string): string {
  const parsed = ProfileName.safeParse(input)
  if (!parsed.success) throw new UserFacingError(parsed.error.issues[0].message, { code: 'invalid-input' })
  return parsed.data
}

/**
 * A name no existing profile uses. With a label: `base (label)`, `base (label 2)`, ...; without one: `base`,
 * `base (2)`, ... Shortened to fit the name limit.
 */
export function uniqueName(base: string, taken: readonly string[], label?: string): string {
  const isTaken = (name: string) => taken.some((other) => sameName(other, name))
  const trimmed = base.trim()
  if (!label && !isTaken(trimmed)) return trimmed
  for (let n = label ? 1 : 2; ; n += 1) {
    const suffix = label ? ` (${label}${n === 1 ? '' : ` ${n}`})` : ` (${n})`
    const candidate = `${trimmed.slice(0, MAX_PROFILE_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`
    if (!isTaken(candidate)) return candidate
  }
}
