import type { Session } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { hardenSession } from '../../src/main/sessionPolicy'
import { FakeSession } from './fakeElectron'

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)

const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'media',
  'display-capture',
  'mediaKeySystem',
  'geolocation',
  'notifications',
  'midi',
  'midiSysex',
  'pointerLock',
  'keyboardLock',
  'fullscreen',
  'openExternal',
  'window-management',
  'idle-detection',
  'storage-access',
  'top-level-storage-access',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'unknown',
]

let session: FakeSession

beforeEach(() => {
  session = new FakeSession()
  hardenSession(session as unknown as Session)
})

describe('hardenSession: permissions', () => {
  it.each(PERMISSIONS)('answers a request for %s with exactly one "no"', (permission) => {
    expect(session.requestPermission(permission)).toEqual([false])
  })

  it('denies requests even from our own page and from remote pages', () => {
    expect(session.requestPermission('media', 'app://bundle/index.html')).toEqual([false])
    expect(session.requestPermission('notifications', 'https://evil.example/')).toEqual([false])
  })

  it.each(PERMISSIONS)('answers a check for %s with "no"', (permission) => {
    expect(session.checkPermission(permission)).toBe(false)
    expect(session.checkPermission(permission, 'https://evil.example')).toBe(false)
  })

  it.each(['hid', 'serial', 'usb'])('denies %s devices', (deviceType) => {
    expect(session.checkDevice(deviceType)).toBe(false)
  })
})

describe('hardenSession: requests', () => {
  it('checks every request (no URL filter)', () => {
    expect(session.beforeRequest).not.toBeNull()
    expect(session.beforeRequestFilter).toBeNull()
  })

  it.each([
    'http://example.com/',
    'https://example.com/script.js',
    'https://dialpad.com/',
    'http://127.0.0.1:8080/',
    'ws://example.com/socket',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'ftp://example.com/',
    'chrome-extension://abc/x.js',
    'not a url',
  ])('cancels %s', (url) => {
    expect(session.request(url)).toEqual([{ cancel: true }])
  })

  it.each([
    'app://bundle/index.html',
    'app://bundle/assets/index.js',
    'devtools://devtools/bundled/inspector.html',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://bundle/6b1f1c5e-6d1c-4a55-9b07-4c3f0b3f5a11',
  ])('lets local %s through', (url) => {
    expect(session.request(url)).toEqual([{ cancel: false }])
  })
})
