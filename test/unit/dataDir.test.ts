import { describe, expect, it } from 'vitest'
import { defaultDataDir } from '../../src/core/dataDir'

describe('defaultDataDir: the folder Electron gives the app (userData), so the CLI sees the app’s profiles', () => {
  it('follows each platform’s convention', () => {
    expect(defaultDataDir({ platform: 'linux', env: {}, home: '/home/ana' })).toBe('/home/ana/.config/Dialpad SSO Assistant')
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/srv/config' }, home: '/home/ana' })).toBe('/srv/config/Dialpad SSO Assistant')
    expect(defaultDataDir({ platform: 'darwin', env: {}, home: '/Users/ana' })).toBe('/Users/ana/Library/Application Support/Dialpad SSO Assistant')
    expect(defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, home: 'C:\\Users\\ana' })).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Dialpad SSO Assistant',
    )
    expect(defaultDataDir({ platform: 'win32', env: {}, home: 'C:\\Users\\ana' })).toBe('C:\\Users\\ana\\AppData\\Roaming\\Dialpad SSO Assistant')
  })
})
