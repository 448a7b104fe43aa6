import { describe, expect, it } from 'vitest'
import { searchProfiles } from '../../src/shared/profileSearch'

const PROFILES = [
  { id: '1', name: 'Acme Widgets', domain: 'acme-widgets.com' },
  { id: '2', name: 'Globex', domain: 'globex.io' },
  { id: '3', name: 'New customer', domain: null },
]

describe('searchProfiles', () => {
  it('finds by name or domain, ignoring letter case and surrounding spaces, keeping the list order', () => {
    expect(searchProfiles(PROFILES, '  ACME ').map((p) => p.id)).toEqual(['1'])
    expect(searchProfiles(PROFILES, '.io').map((p) => p.id)).toEqual(['2'])
    expect(searchProfiles(PROFILES, 'om').map((p) => p.id)).toEqual(['1', '3'])
    expect(searchProfiles(PROFILES, 'customer').map((p) => p.id)).toEqual(['3'])
  })

  it('keeps every profile for an empty query and none for an unknown one', () => {
    expect(searchProfiles(PROFILES, '   ')).toEqual(PROFILES)
    expect(searchProfiles(PROFILES, 'initech')).toEqual([])
  })
})
