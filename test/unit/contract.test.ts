import { describe, expect, it } from 'vitest'
import { contract } from '../../src/shared/contract'
import { METHOD_NAMES } from '../../src/shared/methods'

describe('contract', () => {
  it('lists exactly the methods the preload exposes', () => {
    expect(Object.keys(contract).sort()).toEqual([...METHOD_NAMES].sort())
  })

  it('normalizes the domain at the trust boundary and explains bad ones', () => {
    const schema = contract['sp.derive'].input
    expect(schema.parse({ domain: 'Example.COM', env: 'sandbox' })).toEqual({ domain: 'example.com', env: 'sandbox' })
    const bad = schema.safeParse({ domain: 'example.com/path', env: 'production' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0].message).toContain('Remove "/path"')
  })

  it('rejects unknown keys and environments', () => {
    const schema = contract['sp.derive'].input
    expect(schema.safeParse({ domain: 'example.com', env: 'staging' }).success).toBe(false)
    expect(schema.safeParse({ domain: 'example.com', env: 'production', extra: 1 }).success).toBe(false)
  })
})
