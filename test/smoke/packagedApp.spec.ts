import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { launchPackagedApp } from './packagedApp'

/** The renderer's bridge as the preload exposes it; every method answers with an envelope. */
type Envelope = { ok: true; value: unknown } | { ok: false; error: { message: string } }
type BridgeApi = Record<string, (input: unknown) => Promise<Envelope>>

const EXAMPLE_BUNDLE = join(__dirname, '../../examples/example.dialpad-sso.json')

test('the installed app opens its window on the profile list, from its own package, with a sandboxed preload', async () => {
  const app = await launchPackagedApp()
  try {
    const window = await app.firstWindow()
    await expect(window).toHaveTitle('Dialpad SSO Assistant')
    await expect(window.getByRole('heading', { name: 'Setup profiles' })).toBeVisible()
    await expect(window.getByLabel('New profile name')).toBeVisible()

    const main = await app.evaluate(({ app: electronApp }) => ({ packaged: electronApp.isPackaged, name: electronApp.getName(), path: electronApp.getAppPath() }))
    expect(main).toMatchObject({ packaged: true, name: 'Dialpad SSO Assistant' })
    expect(main.path).toMatch(/app\.asar$/)
    // The renderer reaches main only through the preload's bridge: no Node in the page.
    expect(await window.evaluate(() => ({ bridge: 'api' in window, node: typeof (globalThis as { require?: unknown }).require }))).toEqual({ bridge: true, node: 'undefined' })
  } finally {
    await app.close()
  }
})

test('the installed app keeps the API key in the operating system’s keychain (keytar loads from the package)', async () => {
  const app = await launchPackagedApp()
  try {
    const window = await app.firstWindow()
    await expect(window.getByRole('heading', { name: 'Setup profiles' })).toBeVisible()
    const result = await window.evaluate(async () => {
      const api = (window as unknown as { api: BridgeApi }).api
      const value = async (method: string, input: unknown) => {
        const envelope = await api[method](input)
        if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`)
        return envelope.value as Record<string, unknown>
      }
      const profile = await value('profiles.create', { name: 'Packaged app smoke test' })
      try {
        await value('profiles.open', { id: profile.id })
        const before = await value('apiKey.status', {})
        const stored = await value('apiKey.store', { apiKey: 'dpk_packaged_smoke_0123456789abcdef' })
        const after = await value('apiKey.status', {})
        return { before, stored, after }
      } finally {
        // Deleting the profile deletes its keychain entry too.
        await value('profiles.delete', { id: profile.id })
      }
    })
    console.log(`keychain backend of the installed app: ${String(result.after.backend)}`)
    test.info().annotations.push({ type: 'keychain backend', description: String(result.after.backend) })
    expect(result.before).toEqual({ stored: false, last4: null, backend: 'keychain' })
    expect(result.stored).toEqual({ stored: true, last4: 'cdef', backend: 'keychain' })
    expect(result.after).toEqual({ stored: true, last4: 'cdef', backend: 'keychain' })
  } finally {
    await app.close()
  }
})

test('a bundle the OS opens with the app (double-click, "Open with") shows the import preview', async () => {
  const app = await launchPackagedApp([EXAMPLE_BUNDLE])
  try {
    const window = await app.firstWindow()
    const panel = window.getByRole('region', { name: 'Import a configuration bundle' })
    await expect(panel).toContainText('example.dialpad-sso.json')
    await expect(panel.getByRole('definition').filter({ hasText: /^Example Inc\.$/ })).toHaveCount(1)
  } finally {
    await app.close()
  }
})
