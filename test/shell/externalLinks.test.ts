import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from '../../src/main/externalLinks'
import { DIALPAD_ENVIRONMENTS } from '../../src/shared/environments'

describe('links the wizard shows', () => {
  it('opens every Dialpad environment and the JumpCloud console in the OS browser', () => {
    for (const { host } of Object.values(DIALPAD_ENVIRONMENTS)) expect(isAllowedExternalUrl(`https://${host}/`)).toBe(true)
    expect(isAllowedExternalUrl('https://console.jumpcloud.com/')).toBe(true)
  })
})
