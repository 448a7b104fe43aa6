import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { buildApi } from '../../src/preload/buildApi'
import { EVENT_NAMES, METHOD_NAMES } from '../../src/shared/methods'
import { mockedElectron } from './fakeElectron'

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)
const fakeElectron = await mockedElectron()

type ExposedApi = Record<string, (...args: unknown[]) => Promise<unknown>>

/** Runs the preload script afresh against the fake contextBridge; returns what it put on window. */
async function runPreload(): Promise<Record<string, unknown>> {
  vi.resetModules()
  await import('../../src/preload/index')
  return fakeElectron.contextBridge.exposed
}

beforeEach(() => fakeElectron.reset())

describe('preload (src/preload/index.ts)', () => {
  it('exposes exactly one key, api, once', async () => {
    const exposed = await runPreload()
    expect(Object.keys(exposed)).toEqual(['api'])
    expect(fakeElectron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
  })

  it('gives api exactly one function per contract method and on() for the events, frozen', async () => {
    const api = (await runPreload()).api as ExposedApi

    expect(Reflect.ownKeys(api).sort()).toEqual([...METHOD_NAMES, 'on'].sort())
    expect(typeof api.on).toBe('function')
    for (const method of METHOD_NAMES) expect(typeof api[method], method).toBe('function')
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype)
  })

  it.each(METHOD_NAMES)('api[%j] invokes its own channel with the input only', async (method) => {
    const api = (await runPreload()).api as ExposedApi
    const input = { marker: method }

    const reply = await api[method](input, 'extra argument', () => 'callback')

    expect(fakeElectron.ipcRenderer.invoke.mock.calls).toEqual([[`api:${method}`, input]])
    expect(reply).toEqual({ ok: true, value: { channel: `api:${method}`, args: [input] } })
  })

  it('never uses fire-and-forget or listener IPC', async () => {
    const api = (await runPreload()).api as ExposedApi
    for (const method of METHOD_NAMES) await api[method]({})

    const { ipcRenderer } = fakeElectron
    for (const unused of [ipcRenderer.send, ipcRenderer.sendSync, ipcRenderer.on, ipcRenderer.once, ipcRenderer.postMessage]) {
      expect(unused).not.toHaveBeenCalled()
    }
  })

  it('exposes nothing generic and not ipcRenderer itself', async () => {
    const exposed = await runPreload()
    const api = exposed.api as ExposedApi
    const { ipcRenderer } = fakeElectron

    // on() is the contract's own, narrow subscription (see below), not ipcRenderer.on.
    for (const name of ['invoke', 'send', 'sendSync', 'once', 'removeListener', 'ipcRenderer', 'electron', 'require', 'process']) {
      expect(api, name).not.toHaveProperty(name)
      expect(exposed, name).not.toHaveProperty(name)
    }
    const values = [...Object.values(exposed), ...Object.values(api)]
    for (const leaked of [ipcRenderer, ipcRenderer.invoke, ipcRenderer.send, ipcRenderer.on, fakeElectron.contextBridge]) {
      expect(values).not.toContain(leaked)
    }
  })

  it('on() listens to a contract event on its own channel, hands the listener the payload alone, and unsubscribes', async () => {
    const api = (await runPreload()).api as unknown as { on(event: string, listener: (...args: unknown[]) => void): () => void }
    const heard: unknown[][] = []
    const stop = api.on('liveCheck.progress', (...args) => heard.push(args))

    expect(fakeElectron.ipcRenderer.on).toHaveBeenCalledTimes(1)
    expect(fakeElectron.ipcRenderer.on.mock.calls[0][0]).toBe('event:liveCheck.progress')
    fakeElectron.ipcRenderer.deliver('event:liveCheck.progress', { runId: 'r1' })
    fakeElectron.ipcRenderer.deliver('event:somethingElse', { runId: 'r2' })
    // Electron's event object (whose sender is ipcRenderer) never reaches the page.
    expect(heard).toEqual([[{ runId: 'r1' }]])

    stop()
    expect(fakeElectron.ipcRenderer.listenerCount('event:liveCheck.progress')).toBe(0)
    fakeElectron.ipcRenderer.deliver('event:liveCheck.progress', { runId: 'r3' })
    expect(heard).toHaveLength(1)
  })

  it('on() refuses anything but a contract event, and a listener that is not a function', async () => {
    const api = (await runPreload()).api as unknown as { on(event: unknown, listener: unknown): () => void }
    for (const name of ['api:liveCheck.cancel', 'liveCheck.cancel', 'event:liveCheck.progress', '__proto__', '', 42]) {
      expect(() => api.on(name, () => undefined), String(name)).toThrow(TypeError)
    }
    expect(() => api.on(EVENT_NAMES[0], 'not a function')).toThrow(TypeError)
    expect(fakeElectron.ipcRenderer.on).not.toHaveBeenCalled()
  })

  it('imports only contextBridge and ipcRenderer from electron', () => {
    const source = readFileSync(join(__dirname, '../../src/preload/index.ts'), 'utf8')
    const electronImports = [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'electron'/g)].map(([, names]) => names.split(',').map((name) => name.trim()))
    expect(electronImports).toEqual([['contextBridge', 'ipcRenderer']])
  })
})

describe('buildApi', () => {
  it('binds each method to api:<method> and passes the invoke result through', async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ channel, input }))
    const api = buildApi(invoke, vi.fn()) as unknown as ExposedApi

    for (const method of METHOD_NAMES) {
      expect(await api[method]({ n: 1 }, 'extra argument')).toEqual({ channel: `api:${method}`, input: { n: 1 } })
    }
    expect(invoke.mock.calls).toEqual(METHOD_NAMES.map((method) => [`api:${method}`, { n: 1 }]))
  })

  it('cannot be modified by the page', () => {
    const api = buildApi(vi.fn(), vi.fn()) as unknown as ExposedApi
    expect(() => {
      'use strict'
      ;(api as Record<string, unknown>).invoke = () => undefined
    }).toThrow(TypeError)
    expect(api).not.toHaveProperty('invoke')
  })
})
