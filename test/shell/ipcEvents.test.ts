import type { IpcMain } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createServices } from '../../src/core/services'
import { registerIpcHandlers } from '../../src/main/ipc'
import type { Api, Handlers } from '../../src/shared/contract'
import type { LiveCheckProgress } from '../../src/shared/liveCheck'
import { RecordingClipboard } from '../support/recordingClipboard'
import { closedPort, startSilentServer } from '../support/scimNetFixtures'
import { useTempDirs } from '../support/tempDir'
import { FakeWebContents, fakeFrame, mockedElectron } from './fakeElectron'

/**
 * The contract's events over Electron: main sends them with webContents.send to the window whose call caused them,
 * the preload's api.on() hands them to the page. Main (registerIpcHandlers over the real core) and the preload
 * (src/preload/index.ts) both run here against the faked electron module, joined as in the app.
 */

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)
const fakeElectron = await mockedElectron()

const OUR_PAGE = fakeFrame('app://bundle/index.html')
const SERVICES_INPUT = { domain: 'example.com', env: 'production', idpSsoUrl: null, extraCaPem: null }
const tempDir = useTempDirs()

/** Runs the preload afresh; its window.api, wired to the fake ipcRenderer that webContents.send delivers to. */
async function preloadApi(): Promise<Api> {
  vi.resetModules()
  await import('../../src/preload/index')
  return fakeElectron.contextBridge.exposed.api as Api
}

async function registerCore(dialpadBaseUrl: string, log = { write: vi.fn() }) {
  const handlers = createServices({ dataDir: await tempDir(), clipboard: new RecordingClipboard(), dialpadBaseUrl })
  registerIpcHandlers(fakeElectron.ipcMain as unknown as IpcMain, handlers, log)
  return handlers
}

const started = (reply: unknown) => (reply as { ok: true; value: { runId: string } }).value.runId
const sentProgress = (page: FakeWebContents) =>
  page.sent.filter(({ channel }) => channel === 'event:liveCheck.progress').map(({ args }) => args[0] as LiveCheckProgress)

beforeEach(() => fakeElectron.reset())
afterEach(() => vi.restoreAllMocks())

describe('events over IPC', () => {
  it('delivers a live check\'s progress to the page that started it, through api.on(), ending with the result', async () => {
    await registerCore(`http://127.0.0.1:${await closedPort()}`)
    const api = await preloadApi()
    const heard: unknown[][] = []
    api.on('liveCheck.progress', (...args: unknown[]) => heard.push(args))
    const page = new FakeWebContents()

    const runId = started(await fakeElectron.ipcMain.invokeAs(page, OUR_PAGE, 'api:sso.checkServices', SERVICES_INPUT))
    await expect.poll(() => sentProgress(page).at(-1)?.done).toBe(true)

    // Sent on the event's own channel, one payload per message; the page hears the payload alone.
    expect(page.send.mock.calls.every(([channel, ...rest]) => channel === 'event:liveCheck.progress' && rest.length === 1)).toBe(true)
    expect(heard.every((args) => args.length === 1)).toBe(true)
    const progress = heard.map(([payload]) => payload as LiveCheckProgress)
    expect(progress.length).toBeGreaterThanOrEqual(3)
    expect(progress.every((p) => p.runId === runId && p.kind === 'sso-services')).toBe(true)
    expect(progress.some((p) => !p.done && p.steps.some((s) => s.running))).toBe(true)
    expect(progress.filter((p) => p.done)).toHaveLength(1)
    expect(progress.at(-1)?.run?.steps.find((s) => s.id === 'sp-metadata')?.detail).toContain('refused the connection to Dialpad')
  })

  it('sends only to the sender: another window hears nothing of a check it did not start', async () => {
    await registerCore(`http://127.0.0.1:${await closedPort()}`)
    const page = new FakeWebContents()
    const other = new FakeWebContents()
    await fakeElectron.ipcMain.invokeAs(page, OUR_PAGE, 'api:sso.checkServices', SERVICES_INPUT)
    await expect.poll(() => sentProgress(page).at(-1)?.done).toBe(true)
    expect(other.send).not.toHaveBeenCalled()
  })

  it('stops sending to a window that closed, or whose page is no longer the app\'s own', async () => {
    const silent = await startSilentServer()
    try {
      await registerCore(`https://127.0.0.1:${silent.port}`)
      const closing = new FakeWebContents()
      const navigated = new FakeWebContents()
      const closingRun = started(await fakeElectron.ipcMain.invokeAs(closing, OUR_PAGE, 'api:sso.checkServices', SERVICES_INPUT))
      const navigatedRun = started(await fakeElectron.ipcMain.invokeAs(navigated, OUR_PAGE, 'api:sso.checkServices', SERVICES_INPUT))
      const before = [closing.send.mock.calls.length, navigated.send.mock.calls.length]
      closing.destroyed = true
      navigated.mainFrame = fakeFrame('https://evil.example/')

      // Both runs end (cancelled), which would send their last event.
      await fakeElectron.ipcMain.invokeFrom(OUR_PAGE, 'api:liveCheck.cancel', { runId: closingRun })
      await fakeElectron.ipcMain.invokeFrom(OUR_PAGE, 'api:liveCheck.cancel', { runId: navigatedRun })
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect([closing.send.mock.calls.length, navigated.send.mock.calls.length]).toEqual(before)
    } finally {
      await silent.close()
    }
  })

  it('cancels through liveCheck.cancel: the waiting request is aborted and the last event says so', async () => {
    const silent = await startSilentServer()
    try {
      await registerCore(`https://127.0.0.1:${silent.port}`)
      const page = new FakeWebContents()
      const runId = started(await fakeElectron.ipcMain.invokeAs(page, OUR_PAGE, 'api:sso.checkServices', SERVICES_INPUT))
      expect(sentProgress(page).at(-1)?.steps.find((s) => s.id === 'sp-metadata')?.running).toBe(true)
      expect(await fakeElectron.ipcMain.invokeFrom(OUR_PAGE, 'api:liveCheck.cancel', { runId })).toEqual({ ok: true, value: { cancelled: true } })
      // At once: the connection still being opened is given up, not waited for until its connect timeout (5 s).
      await expect.poll(() => sentProgress(page).at(-1)?.done, { timeout: 2_000 }).toBe(true)
      const run = sentProgress(page).at(-1)?.run
      expect(run?.ok).toBe(false)
      expect(run?.steps.find((s) => s.id === 'sp-metadata')).toMatchObject({ detail: 'Cancelled before the answer arrived.' })
    } finally {
      await silent.close()
    }
  })

  it('sends nothing the contract does not describe: a malformed payload is logged, not sent', async () => {
    const log = { write: vi.fn() }
    const handlers = { 'sp.derive': vi.fn(async (_input: unknown, caller: { emit: (event: string, payload: unknown) => void }) => {
      caller.emit('liveCheck.progress', { runId: 'r', steps: 'not steps' })
      return { spEntityId: '' }
    }) }
    registerIpcHandlers(fakeElectron.ipcMain as unknown as IpcMain, handlers as unknown as Handlers, log)
    const page = new FakeWebContents()
    expect(await fakeElectron.ipcMain.invokeAs(page, OUR_PAGE, 'api:sp.derive', { domain: 'example.com', env: 'production' })).toMatchObject({ ok: true })
    expect(page.send).not.toHaveBeenCalled()
    expect(log.write).toHaveBeenCalledWith(expect.stringContaining('[event liveCheck.progress] not sent'))
  })

  it('refuses a call from an untrusted frame before it can start anything that would send events', async () => {
    await registerCore(`http://127.0.0.1:${await closedPort()}`)
    const page = new FakeWebContents()
    const reply = await fakeElectron.ipcMain.invokeAs(page, fakeFrame('https://evil.example/'), 'api:sso.checkServices', SERVICES_INPUT)
    expect(reply).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(page.send).not.toHaveBeenCalled()
  })
})
