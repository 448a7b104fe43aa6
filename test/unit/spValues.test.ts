import { describe, expect, it } from 'vitest'
import { deriveSpValues } from '../../src/shared/spValues'

describe('deriveSpValues', () => {
  it('builds the production values exactly as the help article shows them', () => {
    expect(deriveSpValues('projectgemma.com', 'production')).toEqual({
      domain: 'projectgemma.com',
      env: 'production',
      host: 'dialpad.com',
      spEntityId: 'https://dialpad.com/api/saml/metadata/custom/projectgemma.com',
      acsUrl: 'https://dialpad.com/saml/sso/custom/projectgemma.com',
    })
  })

  it('uses sandbox.dialpad.com for the sandbox', () => {
    const values = deriveSpValues('example.com', 'sandbox')
    expect(values.spEntityId).toBe('https://sandbox.dialpad.com/api/saml/metadata/custom/example.com')
    expect(values.acsUrl).toBe('https://sandbox.dialpad.com/saml/sso/custom/example.com')
  })
})
