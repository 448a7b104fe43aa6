import type { IpcMain } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isTrustedSender, registerIpcHandlers } from '../../src/main/ipc'
import type { Handlers } from '../../src/shared/contract'
import { METHOD_NAMES } from '../../src/shared/methods'
import { fakeFrame, mockedElectron, type FakeFrame } from './fakeElectron'

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)
const fakeElectron = await mockedElectron()

const OUR_PAGE = fakeFrame('app://bundle/index.html')
/** What main hands every handler after its input: where the events the call causes go (see ipcEvents.test.ts). */
const CALLER = { emit: expect.any(Function) }
const VALID_SP_INPUT = { domain: 'example.com', env: 'production' }

function fakeHandlers() {
  return {
    'sp.derive': vi.fn(async (input: unknown) => ({ derived: input })),
    'profiles.list': vi.fn(async () => ({ profiles: [], problems: [] })),
    'setup.save': vi.fn(async () => ({ savedAt: '2025-01-01T00:00:00.000Z' })),
    'clipboard.copy': vi.fn(async () => ({ copied: true as const })),
  }
}

let handlers: ReturnType<typeof fakeHandlers>
const invoke = (frame: FakeFrame | null, channel: string, ...args: unknown[]) => fakeElectron.ipcMain.invokeFrom(frame, channel, ...args)

beforeEach(() => {
  fakeElectron.reset()
  handlers = fakeHandlers()
  registerIpcHandlers(fakeElectron.ipcMain as unknown as IpcMain, handlers as unknown as Handlers)
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('registerIpcHandlers: wiring', () => {
  it('registers exactly one ipcMain.handle per contract method, on api:<method>', () => {
    expect(fakeElectron.ipcMain.handle).toHaveBeenCalledTimes(METHOD_NAMES.length)
    expect([...fakeElectron.ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((method) => `api:${method}`).sort())
    expect(fakeElectron.ipcMain.on).not.toHaveBeenCalled()
  })

  it('routes each channel to its own method', async () => {
    await invoke(OUR_PAGE, 'api:profiles.list', {})
    await invoke(OUR_PAGE, 'api:clipboard.copy', { text: 'acs url' })

    expect(handlers['profiles.list']).toHaveBeenCalledTimes(1)
    expect(handlers['clipboard.copy']).toHaveBeenCalledWith({ text: 'acs url' }, CALLER)
    expect(handlers['sp.derive']).not.toHaveBeenCalled()
    expect(handlers['setup.save']).not.toHaveBeenCalled()
  })
})

describe('registerIpcHandlers: sender check', () => {
  const top = (url: string) => fakeFrame(url)
  const UNTRUSTED: Array<[string, FakeFrame | null]> = [
    ['a remote page', top('https://evil.example/')],
    ['a remote page naming our host', top('https://bundle/index.html')],
    ['a local file', top('file:///tmp/index.html')],
    ['another app:// host', top('app://other/index.html')],
    ['a look-alike app:// host', top('app://bundle.evil/index.html')],
    ['our host behind credentials', top('app://evil@bundle/index.html')],
    ['about:blank', top('about:blank')],
    ['a subframe of our own page', fakeFrame('app://bundle/index.html', OUR_PAGE)],
    ['a remote subframe in our page', fakeFrame('https://evil.example/', OUR_PAGE)],
    ['a destroyed frame (null)', null],
  ]

  it.each(UNTRUSTED)('refuses %s before validating or handling anything', async (_what, frame) => {
    for (const method of METHOD_NAMES) {
      const reply = await invoke(frame, `api:${method}`, VALID_SP_INPUT)
      expect(reply).toEqual({ ok: false, error: { code: 'untrusted-sender', message: expect.any(String) } })
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled()
  })

  it('trusts only the top frame of app://bundle', () => {
    expect(isTrustedSender(OUR_PAGE as never)).toBe(true)
    expect(isTrustedSender(fakeFrame('app://bundle/index.html#/steps/domain') as never)).toBe(true)
    expect(isTrustedSender(fakeFrame('app://bundle/index.html', OUR_PAGE) as never)).toBe(false)
    expect(isTrustedSender(undefined)).toBe(false)
    expect(isTrustedSender(null)).toBe(false)
  })
})

describe('registerIpcHandlers: input validation', () => {
  it.each([
    [{ domain: 'https://x.com', env: 'production' }, 'Enter the domain only, without "https://". Enter x.com instead.'],
    [{ domain: 'admin@example.com', env: 'production' }, 'That looks like an email address. Enter only the part after "@": example.com.'],
    [{ domain: 'example.com', env: 'staging' }, 'Invalid option: expected one of "production"|"sandbox"'],
    [{ domain: 'example.com', env: 'production', extra: 1 }, 'Unrecognized key: "extra"'],
    ['example.com', 'Invalid input: expected object, received string'],
  ])('refuses sp.derive(%j) with the specific reason', async (input, message) => {
    const reply = await invoke(OUR_PAGE, 'api:sp.derive', input)
    expect(reply).toEqual({ ok: false, error: { code: 'invalid-input', message } })
    expect(handlers['sp.derive']).not.toHaveBeenCalled()
  })

  it('refuses bad input to the other methods too', async () => {
    expect(await invoke(OUR_PAGE, 'api:clipboard.copy', { text: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await invoke(OUR_PAGE, 'api:clipboard.copy', { text: 'x'.repeat(64 * 1024 + 1) })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await invoke(OUR_PAGE, 'api:profiles.list', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await invoke(OUR_PAGE, 'api:setup.save', { state: { currentStepId: '../x' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(handlers['clipboard.copy']).not.toHaveBeenCalled()
    expect(handlers['profiles.list']).not.toHaveBeenCalled()
    expect(handlers['setup.save']).not.toHaveBeenCalled()
  })

  it('passes valid input to the handler normalized, and returns its value', async () => {
    const reply = await invoke(OUR_PAGE, 'api:sp.derive', { domain: '  Example.COM ', env: 'sandbox' })

    expect(handlers['sp.derive']).toHaveBeenCalledTimes(1)
    expect(handlers['sp.derive']).toHaveBeenCalledWith({ domain: 'example.com', env: 'sandbox' }, CALLER)
    expect(reply).toEqual({ ok: true, value: { derived: { domain: 'example.com', env: 'sandbox' } } })
  })

  it('hands the handler only the parsed first argument (and main\'s caller, never anything more from the page)', async () => {
    await invoke(OUR_PAGE, 'api:sp.derive', { domain: 'Example.COM', env: 'production' }, { sneaky: true })
    expect(handlers['sp.derive'].mock.calls).toEqual([[{ domain: 'example.com', env: 'production' }, CALLER]])
  })
})

describe('registerIpcHandlers: failures', () => {
  it('turns an unexpected error into a generic message without its internals', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    handlers['profiles.list'].mockRejectedValueOnce(new Error('EACCES: permission denied, open /home/admin/.config/secret-token-123'))

    const reply = (await invoke(OUR_PAGE, 'api:profiles.list', {})) as { ok: boolean; error: { code: string; message: string } }

    expect(reply.ok).toBe(false)
    expect(reply.error.code).toBe('failed')
    expect(reply.error.message).toContain('Something unexpected went wrong while listing your profiles')
    expect(reply.error.message).not.toMatch(/EACCES|permission denied|secret-token|\/home\/admin/)
    // The details go to the log, not to the renderer.
    expect(log).toHaveBeenCalledWith(expect.stringContaining('secret-token-123'))
  })
})
