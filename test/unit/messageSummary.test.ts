import { describe, expect, it } from 'vitest'
import { splitMessage } from '../../src/shared/messageSummary'

describe('splitMessage', () => {
  it('keeps a short message whole', () => {
    expect(splitMessage('Dialpad rejected the API key (401). Create a new key in Admin Settings.')).toEqual({
      summary: 'Dialpad rejected the API key (401). Create a new key in Admin Settings.',
      details: '',
    })
    expect(splitMessage('One. Two. Three.').details).toBe('')
  })

  it('folds everything after the first two sentences into the details', () => {
    const text = 'The file is not a certificate. It holds a private key. Never share it. Export the certificate from JumpCloud (SSO tab) instead.'
    expect(splitMessage(text)).toEqual({
      summary: 'The file is not a certificate. It holds a private key.',
      details: 'Never share it. Export the certificate from JumpCloud (SSO tab) instead.',
    })
  })

  it('does not split inside a host name, a version or an abbreviation followed by lower case', () => {
    const text = 'sso.jumpcloud.com could not be found. Check e.g. the proxy. Version 1.2 is fine. Then try again.'
    expect(splitMessage(text)).toEqual({ summary: 'sso.jumpcloud.com could not be found. Check e.g. the proxy.', details: 'Version 1.2 is fine. Then try again.' })
  })
})
