/** Turns a document of version n into version n + 1. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>

export type MigrationResult =
  | { kind: 'current'; document: Record<string, unknown> }
  | { kind: 'newer'; version: number }
  | { kind: 'unversioned' }

/**
 * Brings a stored JSON document up to `currentVersion`, one step at a time, using
 * `migrations[n]` for n → n + 1. Documents from a newer app are reported, never touched.
 */
export function migrateDocument(
  raw: unknown,
  currentVersion: number,
  migrations: Readonly<Record<number, Migration>>,
): MigrationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'unversioned' }
  let document = raw as Record<string, unknown>
  let version = document.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'unversioned' }
  if (version > currentVersion) return { kind: 'newer', version }
  while (version < currentVersion) {
    const migrate = migrations[version]
    if (!migrate) throw new Error(`No migration from schema version ${version} to ${version + 1}`)
    document = { ...migrate(document), schemaVersion: version + 1 }
    version += 1
  }
  return { kind: 'current', document }
}
