import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { KeytarLike } from '../../src/core/secrets/keychain'
import { expect, test } from './fixtures'

const API_KEY = 'dpk_e2e_0123456789abcdefWXYZ'

/** A computer with no Secret Service: every keychain call fails as keytar does there. */
const NO_KEYCHAIN: KeytarLike = {
  getPassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
  setPassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
  deletePassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
}

const goToStep = (page: Page, name: RegExp) => page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name }).click()

test.describe('without a keychain', () => {
  test.use({ keytar: NO_KEYCHAIN })

  test('storing the key says why it failed and offers to keep it for this session only, which works', async ({ page, app }) => {
    await app.openWizard()
    await goToStep(page, /Store the API key/)
    await page.getByLabel('API key', { exact: true }).fill(API_KEY)
    await page.getByRole('button', { name: 'Store in keychain' }).click()
    await expect(page.getByRole('alert')).toContainText('no keychain service is running on this computer')
    await page.getByRole('button', { name: 'Keep the key for this session only' }).click()
    await expect(page.getByText('Stored in memory for this session only (it is forgotten when the app closes): the key ending in WXYZ.')).toBeVisible()
    await expect(page.getByLabel('API key', { exact: true })).toHaveCount(0)
  })
})

test('a profile deleted behind the app’s back: the next thing done in it leads back to the list, which says why', async ({ page, app }) => {
  await app.openWizard()
  await goToStep(page, /Store the API key/)
  // Deleted in another window, by the command line, or by a synced folder.
  const profilesDir = join(app.dataDir, 'profiles')
  for (const file of await readdir(profilesDir)) if (file.endsWith('.json')) await rm(join(profilesDir, file))
  await page.getByLabel('API key', { exact: true }).fill(API_KEY)
  await page.getByRole('button', { name: 'Store in keychain' }).click()

  await expect(page.getByRole('heading', { level: 2, name: 'Setup profiles' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'This profile no longer exists' })).toBeVisible()
  await expect(page.getByText('No profiles yet.')).toBeVisible()
  // The key typed for the deleted profile is not left behind in the keychain.
  expect([...app.keychain.values()]).toEqual([])
})
