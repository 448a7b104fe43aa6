import { DIALPAD_ENVIRONMENTS } from '../../../shared/environments'

/**
 * Why a value the response carries is not the one expected, when the reason is a common slip: case, spaces, a trailing
 * slash, http instead of https, the other Dialpad environment, or another domain. Returns a clause starting with
 * " (", or "" when the values simply differ.
 */
export function nearMiss(actual: string, expected: string): string {
  if (actual.trim() === expected.trim()) return ' (it has spaces before or after it)'
  if (actual.toLowerCase() === expected.toLowerCase()) return ' (only upper and lower case differ, and the comparison is exact)'
  if (actual.replace(/\/+$/, '') === expected.replace(/\/+$/, '')) return ' (only a slash at the end differs)'
  const a = parseUrl(actual)
  const e = parseUrl(expected)
  if (!a || !e) return ''
  if (a.protocol !== e.protocol && actual.slice(a.protocol.length) === expected.slice(e.protocol.length)) {
    return ` (it starts with ${a.protocol}// instead of ${e.protocol}//)`
  }
  if (a.host !== e.host) {
    const environment = environmentOf(a.host)
    return environment ? ` (it is the Dialpad ${environment} value)` : ` (it points to ${a.host}, not ${e.host})`
  }
  const aDomain = lastSegment(a.pathname)
  const eDomain = lastSegment(e.pathname)
  if (a.pathname.slice(0, -aDomain.length) === e.pathname.slice(0, -eDomain.length) && aDomain !== eDomain) {
    return ` (it is for the domain ${aDomain}, not ${eDomain})`
  }
  return ''
}

function parseUrl(value: string): URL | null {
  try {
    return /^https?:\/\//i.test(value) ? new URL(value) : null
  } catch {
    return null
  }
}

function environmentOf(host: string): string | null {
  return Object.values(DIALPAD_ENVIRONMENTS).find((environment) => environment.host === host.toLowerCase())?.label ?? null
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
