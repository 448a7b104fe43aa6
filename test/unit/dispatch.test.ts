import { describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../src/core/dispatch'
import { createServices } from '../../src/core/services'
import { KeychainUnavailableError, NoApiKeyError } from '../../src/core/secrets/keychainErrors'
import { UserFacingError } from '../../src/core/userFacingError'
import type { Handlers } from '../../src/shared/contract'
import { RecordingClipboard } from '../support/recordingClipboard'
import { useTempDirs } from '../support/tempDir'

describe('dispatch', () => {
  const tempDir = useTempDirs()

  async function services() {
    const clipboard = new RecordingClipboard()
    return { clipboard, handlers: createServices({ dataDir: await tempDir(), clipboard }) }
  }

  it('runs a method with normalized input', async () => {
    const { handlers } = await services()
    expect(await dispatch(handlers, 'sp.derive', { domain: ' Example.COM ', env: 'production' })).toEqual({
      ok: true,
      value: {
        domain: 'example.com',
        env: 'production',
        host: 'dialpad.com',
        spEntityId: 'https://dialpad.com/api/saml/metadata/custom/example.com',
        acsUrl: 'https://dialpad.com/saml/sso/custom/example.com',
      },
    })
  })

  it('answers invalid input with the specific reason and never calls the handler', async () => {
    const handler = vi.fn()
    const handlers = { 'sp.derive': handler } as unknown as Handlers
    const result = await dispatch(handlers, 'sp.derive', { domain: 'admin@example.com', env: 'production' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'That looks like an email address. Enter only the part after "@": example.com.' },
    })
    expect(handler).not.toHaveBeenCalled()
  })

  it('refuses methods that are not in the contract, including prototype names', async () => {
    const { handlers } = await services()
    for (const name of ['fs.read', '__proto__', 'constructor', 'toString']) {
      const result = await dispatch(handlers, name, {})
      expect(result.ok).toBe(false)
      expect(!result.ok && result.error.code).toBe('unknown-method')
    }
  })

  it('passes admin-facing errors through and hides unexpected ones, pointing at the log', async () => {
    const write = vi.fn()
    const log = { write, location: '/home/admin/.config/Dialpad SSO Assistant/logs/main.log' }
    const failing = (error: Error) => ({ 'profiles.list': async () => Promise.reject(error) }) as unknown as Handlers
    const shown = await dispatch(failing(new UserFacingError('Check the disk.')), 'profiles.list', {}, log)
    expect(shown).toEqual({ ok: false, error: { code: 'failed', message: 'Check the disk.' } })

    const hidden = await dispatch(failing(new Error('EACCES /home/admin/secret-path')), 'profiles.list', {}, log)
    expect(hidden.ok).toBe(false)
    expect(!hidden.ok && hidden.error.message).not.toContain('secret-path')
    expect(!hidden.ok && hidden.error.message).toBe(
      'Something unexpected went wrong while listing your profiles. Try again. If it keeps happening, restart the app and send /home/admin/.config/Dialpad SSO Assistant/logs/main.log to your support contact.',
    )
    expect(write).toHaveBeenCalledWith(expect.stringContaining('secret-path'))
  })

  it("carries a UserFacingError's code with its message, so the window need not ask again what failed", async () => {
    const failing = (error: Error) => ({ 'apiKey.store': async () => Promise.reject(error) }) as unknown as Handlers
    const keychain = new KeychainUnavailableError('no-secret-service', 'save', 'linux')
    expect(await dispatch(failing(keychain), 'apiKey.store', { apiKey: 'dpk-0123456789abcdefghij' })).toEqual({
      ok: false,
      error: { code: 'keychain-unavailable', message: keychain.message },
    })
    const locked = new KeychainUnavailableError('locked', 'save', 'linux')
    expect(await dispatch(failing(locked), 'apiKey.store', { apiKey: 'dpk-0123456789abcdefghij' })).toMatchObject({ error: { code: 'keychain-locked' } })
    expect(await dispatch(failing(new NoApiKeyError()), 'apiKey.store', { apiKey: 'dpk-0123456789abcdefghij' })).toMatchObject({ error: { code: 'no-api-key' } })
    const custom = new UserFacingError('No profile is open.', { code: 'no-open-profile' })
    expect(await dispatch(failing(custom), 'apiKey.store', { apiKey: 'dpk-0123456789abcdefghij' })).toEqual({
      ok: false,
      error: { code: 'no-open-profile', message: 'No profile is open.' },
    })
  })

  it('copies through the clipboard port', async () => {
    const { handlers, clipboard } = await services()
    expect(await dispatch(handlers, 'clipboard.copy', { text: 'https://dialpad.com/saml/sso/custom/example.com' })).toEqual({
      ok: true,
      value: { copied: true },
    })
    expect(clipboard.last).toBe('https://dialpad.com/saml/sso/custom/example.com')
  })
})
