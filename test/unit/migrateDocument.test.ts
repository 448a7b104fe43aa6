import { describe, expect, it } from 'vitest'
import { migrateDocument } from '../../src/core/storage/migrateDocument'

const MIGRATIONS = {
  1: (doc: Record<string, unknown>) => ({ ...doc, domainInput: doc.domain, domain: undefined }),
  2: (doc: Record<string, unknown>) => ({ ...doc, env: doc.env ?? 'production' }),
}

describe('migrateDocument', () => {
  it('upgrades one version at a time up to the current one', () => {
    expect(migrateDocument({ schemaVersion: 1, domain: 'example.com' }, 3, MIGRATIONS)).toEqual({
      kind: 'current',
      document: { schemaVersion: 3, domainInput: 'example.com', domain: undefined, env: 'production' },
    })
  })

  it('leaves a current document as it is', () => {
    expect(migrateDocument({ schemaVersion: 3, env: 'sandbox' }, 3, MIGRATIONS)).toEqual({
      kind: 'current',
      document: { schemaVersion: 3, env: 'sandbox' },
    })
  })

  it('reports a document from a newer app without changing it', () => {
    expect(migrateDocument({ schemaVersion: 7 }, 3, MIGRATIONS)).toEqual({ kind: 'newer', version: 7 })
  })

  it.each([[null], [[]], ['text'], [{}], [{ schemaVersion: '1' }], [{ schemaVersion: 0 }], [{ schemaVersion: 1.5 }]])(
    'calls %j unversioned',
    (raw) => {
      expect(migrateDocument(raw, 3, MIGRATIONS)).toEqual({ kind: 'unversioned' })
    },
  )

  it('fails loudly when a migration step is missing', () => {
    expect(() => migrateDocument({ schemaVersion: 1 }, 3, { 2: MIGRATIONS[2] })).toThrow(/No migration from schema version 1 to 2/)
  })
})
