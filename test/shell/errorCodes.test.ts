import type { IpcMain } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startBridge } from '../../src/bridge/httpBridge'
import { createSecretStore, type KeytarLike } from '../../src/core/secrets/keychain'
import { createServices } from '../../src/core/services'
import { registerIpcHandlers } from '../../src/main/ipc'
import type { Handlers, Method } from '../../src/shared/contract'
import { failure, readEnvelope } from '../../src/shared/envelope'
import { ipcChannel } from '../../src/shared/methods'
import { RecordingClipboard } from '../support/recordingClipboard'
import { useTempDirs } from '../support/tempDir'
import { fakeFrame, mockedElectron } from './fakeElectron'

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)
const fakeElectron = await mockedElectron()

const API_KEY = 'dpk-error-codes-ABCDEFGHIJKLMNOPQRSTUVWXYZ-WXYZ'
const NO_SECRET_SERVICE = 'The name org.freedesktop.secrets was not provided by any .service files'
const LOCKED = 'Cannot create an item in a locked collection'

/** A keychain whose saves fail with the text keytar gives on this kind of computer. */
function keychainFailingWith(text: string): KeytarLike {
  return {
    getPassword: async () => null,
    setPassword: async () => Promise.reject(new Error(text)),
    deletePassword: async () => false,
  }
}

type Send = (method: Method, input: unknown) => Promise<unknown>

/** The two ways a call reaches core: Electron IPC (through the faked shell) and the loopback bridge (real HTTP). */
const TRANSPORTS: Array<[string, (handlers: Handlers) => Promise<{ send: Send; close(): Promise<void> }>]> = [
  [
    'IPC',
    async (handlers) => {
      fakeElectron.reset()
      registerIpcHandlers(fakeElectron.ipcMain as unknown as IpcMain, handlers, { write: () => undefined })
      const page = fakeFrame('app://bundle/index.html')
      return { send: (method, input) => fakeElectron.ipcMain.invokeFrom(page, ipcChannel(method), input), close: async () => undefined }
    },
  ],
  [
    'the loopback bridge',
    async (handlers) => {
      const bridge = await startBridge({ handlers, rendererDir: await tempDir(), log: { write: () => undefined } })
      return {
        send: async (method, input) => {
          const response = await fetch(`${bridge.origin}/api/${method}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json' },
            body: JSON.stringify(input),
          })
          return response.json()
        },
        close: () => bridge.close(),
      }
    },
  ],
]

const tempDir = useTempDirs()
let closeTransport: (() => Promise<void>) | undefined
beforeEach(() => {
  closeTransport = undefined
})
afterEach(async () => closeTransport?.())

describe.each(TRANSPORTS)("a handler's error code reaches the window over %s", (_name, connect) => {
  async function app(keytar: KeytarLike) {
    const dataDir = await tempDir()
    const handlers = createServices({ dataDir, clipboard: new RecordingClipboard(), secrets: createSecretStore({ serviceName: 'error codes (test)', keytar }) })
    const transport = await connect(handlers)
    closeTransport = transport.close
    /** The failure as the renderer's client reads it (shared/envelope.ts); store/failures.ts maps its code (test/renderer/storeActions.test.ts). */
    const failed = async (method: Method, input: unknown) => {
      const envelope = readEnvelope(await transport.send(method, input), failure('not an envelope'))
      if (envelope.ok) throw new Error(`${method} did not fail`)
      return envelope.error
    }
    const ok = async (method: Method, input: unknown) => {
      const envelope = readEnvelope(await transport.send(method, input), failure('not an envelope'))
      if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`)
      return envelope.value
    }
    return { failed, ok }
  }

  it('no keychain on this computer: keychain-unavailable', async () => {
    const { failed, ok } = await app(keychainFailingWith(NO_SECRET_SERVICE))
    const profile = (await ok('profiles.create', { name: 'Acme' })) as { id: string }
    await ok('profiles.open', { id: profile.id })
    const stored = await failed('apiKey.store', { apiKey: API_KEY })
    expect(stored).toMatchObject({ code: 'keychain-unavailable' })
    expect(stored.message).toContain('no keychain service is running on this computer')
    expect(stored.message).not.toContain(API_KEY.slice(-8))
  })

  it('a locked keychain: keychain-locked', async () => {
    const { failed, ok } = await app(keychainFailingWith(LOCKED))
    const profile = (await ok('profiles.create', { name: 'Acme' })) as { id: string }
    await ok('profiles.open', { id: profile.id })
    expect(await failed('apiKey.store', { apiKey: API_KEY })).toMatchObject({ code: 'keychain-locked' })
  })

  it('no API key stored: no-api-key', async () => {
    const { failed, ok } = await app(keychainFailingWith(NO_SECRET_SERVICE))
    const profile = (await ok('profiles.create', { name: 'Acme' })) as { id: string }
    await ok('profiles.open', { id: profile.id })
    expect(await failed('apiKey.copyToClipboard', {})).toMatchObject({ code: 'no-api-key', message: expect.stringContaining('Store the API key') })
  })

  it('a profile that is gone: profile-not-found', async () => {
    const { failed } = await app(keychainFailingWith(NO_SECRET_SERVICE))
    expect(await failed('profiles.open', { id: '7d1f6a52-3c1e-4b8e-9a57-2f0e6f1b9c3d' })).toMatchObject({
      code: 'profile-not-found',
      message: expect.stringContaining('This profile no longer exists'),
    })
  })

  it('no profile open in main: no-open-profile', async () => {
    const { failed } = await app(keychainFailingWith(NO_SECRET_SERVICE))
    expect(await failed('apiKey.status', {})).toMatchObject({ code: 'no-open-profile' })
  })

  it('what the admin entered was refused: invalid-input', async () => {
    const { failed, ok } = await app(keychainFailingWith(NO_SECRET_SERVICE))
    await ok('profiles.create', { name: 'Acme' })
    expect(await failed('profiles.create', { name: 'acme' })).toMatchObject({
      code: 'invalid-input',
      message: 'A profile named “acme” already exists. Choose another name.',
    })
  })
})
