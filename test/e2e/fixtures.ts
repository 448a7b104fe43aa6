import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { type RunningBridge, startBridge } from '../../src/bridge/httpBridge'
import { OpenedFiles } from '../../src/core/profiles/openedFiles'
import { type KeytarLike, type SecretStore, createSecretStore } from '../../src/core/secrets/keychain'
import { createServices } from '../../src/core/services'
import type { LoginCapturePort } from '../../src/core/sso/loginCapture'
import type { Profile } from '../../src/shared/profile'
import { memoryKeytar } from '../support/memoryKeytar'
import { RecordingClipboard } from '../support/recordingClipboard'

const RENDERER_DIR = join(__dirname, '../../out/renderer')
const KEYCHAIN_SERVICE = 'Dialpad SSO Assistant (e2e)'

/** The profile new e2e walks create when they do not open a seeded one. */
export const TEST_PROFILE = 'Test customer'

/** A profile document as the app writes it to `<dataDir>/profiles/<id>.json`. */
export type SavedProfile = Profile & { schemaVersion: number }

export interface AppUnderTest {
  bridge: RunningBridge
  clipboard: RecordingClipboard
  /** What the (in-memory) keychain holds, by "<service>\0<account>" (the account is the profile id). */
  keychain: Map<string, string>
  /** The app's own secret store over that keychain (to give a profile a key as the "Store the API key" step does). */
  secrets: SecretStore
  dataDir: string
  /** Files the OS asked the app to open ("Open with", a double-click), as main hands them to core. */
  openedFiles: OpenedFiles
  /** Opens the app in the page (logs in to the bridge with its per-run token): the profile list. */
  open(): Promise<void>
  /** Opens the app and the wizard: of the named profile, or of a new profile "Test customer" created from the list. */
  openWizard(profileName?: string): Promise<void>
  /** On the profile list: creates a profile from the "New profile" form; it opens in the wizard. */
  createProfile(name?: string): Promise<void>
  /** On the profile list (after open() or a reload): opens the named profile in the wizard. */
  openProfile(name: string): Promise<void>
  /** The saved document of the profile with this name. */
  savedProfile(name: string): Promise<SavedProfile>
  /** Whether the keychain holds an API key for this profile id. */
  hasKeyFor(profileId: string): boolean
}

/**
 * The real renderer (built) against the real core, over the loopback bridge, with a fresh data folder. The desktop
 * app's login window does not exist here; a test can stand one in with `test.use({ loginCapture })`.
 */
export const test = base.extend<{ app: AppUnderTest; loginCapture: LoginCapturePort | undefined; keytar: KeytarLike | undefined }>({
  loginCapture: [undefined, { option: true }],
  /** The OS keychain the app sees; by default one in memory (`keychain` below). */
  keytar: [undefined, { option: true }],
  app: async ({ page, loginCapture, keytar }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dpsso-e2e-'))
    const clipboard = new RecordingClipboard()
    const keychain = memoryKeytar()
    const secrets = createSecretStore({ serviceName: KEYCHAIN_SERVICE, keytar: keytar ?? keychain })
    const openedFiles = new OpenedFiles()
    const handlers = createServices({ dataDir, clipboard, secrets, openedFiles, clearClipboardAfterMs: 1500, loginCapture })
    const bridge = await startBridge({ handlers, rendererDir: RENDERER_DIR })

    const open = async () => {
      await page.goto(bridge.loginUrl)
      await expect(page.getByRole('heading', { level: 1, name: 'Dialpad SSO Assistant' })).toBeVisible()
      await expect(page.getByRole('heading', { level: 2, name: 'Setup profiles' })).toBeVisible()
    }
    const openProfile = async (name: string) => {
      await page.getByRole('article', { name, exact: true }).getByRole('button', { name: 'Open', exact: true }).click()
      await expect(page.getByText(`Profile: ${name}`, { exact: true })).toBeVisible()
    }
    const createProfile = async (name = TEST_PROFILE) => {
      await page.getByLabel('New profile name').fill(name)
      await page.getByRole('button', { name: 'Create profile' }).click()
      await expect(page.getByText(`Profile: ${name}`, { exact: true })).toBeVisible()
    }
    const openWizard = async (profileName?: string) => {
      await open()
      await (profileName === undefined ? createProfile() : openProfile(profileName))
    }
    const savedProfile = async (name: string): Promise<SavedProfile> => {
      const folder = join(dataDir, 'profiles')
      for (const file of await readdir(folder)) {
        if (!/^[0-9a-f-]{36}\.json$/.test(file)) continue
        const document = JSON.parse(await readFile(join(folder, file), 'utf8')) as SavedProfile
        if (document.name === name) return document
      }
      throw new Error(`No saved profile named "${name}" in ${folder}`)
    }
    const hasKeyFor = (profileId: string) => keychain.entries.has(`${KEYCHAIN_SERVICE}\u0000${profileId}`)

    await use({ bridge, clipboard, keychain: keychain.entries, secrets, dataDir, openedFiles, open, openWizard, createProfile, openProfile, savedProfile, hasKeyFor })
    await bridge.close()
    await rm(dataDir, { recursive: true, force: true })
  },
})

export { expect }
