/** The fields the profile list's search box looks at. */
export interface Searchable {
  name: string
  domain: string | null
}

/**
 * The profiles whose name or domain contains the query (case-insensitive, surrounding spaces ignored), in their
 * original order. An empty query keeps them all. Pure, so the renderer filters as the admin types.
 */
export function searchProfiles<T extends Searchable>(profiles: readonly T[], query: string): T[] {
  const needle = query.trim().toLowerCase()
  if (needle === '') return [...profiles]
  return profiles.filter((profile) => profile.name.toLowerCase().includes(needle) || (profile.domain?.includes(needle) ?? false))
}
