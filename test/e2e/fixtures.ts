import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { type RunningBridge, startBridge } from '../../src/bridge/httpBridge'
import { createSecretStore } from '../../src/core/secrets/keychain'
import { createServices } from '../../src/core/services'
import { memoryKeytar } from '../support/memoryKeytar'
import { RecordingClipboard } from '../support/recordingClipboard'

const RENDERER_DIR = join(__dirname, '../../out/renderer')

export interface AppUnderTest {
  bridge: RunningBridge
  clipboard: RecordingClipboard
  /** What the (in-memory) keychain holds, to prove where the API key is and is not. */
  keychain: Map<string, string>
  dataDir: string
  /** Opens the app in the page (logs in to the bridge with its per-run token). */
  open(): Promise<void>
}

/** The real renderer (built) against the real core, over the loopback bridge, with a fresh data folder. */
export const test = base.extend<{ app: AppUnderTest }>({
  app: async ({ page }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dpsso-e2e-'))
    const clipboard = new RecordingClipboard()
    const keychain = memoryKeytar()
    const secrets = createSecretStore({ serviceName: 'Dialpad SSO Assistant (e2e)', keytar: keychain })
    const handlers = createServices({ dataDir, clipboard, secrets, clearClipboardAfterMs: 1500 })
    const bridge = await startBridge({ handlers, rendererDir: RENDERER_DIR })
    const open = async () => {
      await page.goto(bridge.loginUrl)
      await expect(page.getByRole('heading', { level: 1, name: 'Dialpad SSO Assistant' })).toBeVisible()
    }
    await use({ bridge, clipboard, keychain: keychain.entries, dataDir, open })
    await bridge.close()
    await rm(dataDir, { recursive: true, force: true })
  },
})

export { expect }
