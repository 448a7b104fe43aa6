import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { SETUP_SCHEMA_VERSION } from '../../src/shared/setupState'
import { SAMPLE_SETUP } from '../support/sampleSetup'
import { type ScimServer, startScimServer } from '../support/scimServer'
import { type AppUnderTest, expect, test } from './fixtures'

/**
 * Live checks as the admin drives them in the real renderer over the bridge: progress arrives as events (no polling),
 * Cancel reaches the request in flight, and the store keeps a run going when its step is left.
 */

const API_KEY = 'dpk_e2e_events_0123456789WXYZ'

let server: ScimServer
test.beforeAll(async () => {
  server = await startScimServer({ token: API_KEY })
})
test.afterAll(async () => {
  await server.close()
})
test.beforeEach(() => {
  server.faults.clear()
  server.users.clear()
  server.requests.length = 0
})

/** A setup at the lifecycle step, testing against the local SCIM server, with the key in the keychain. */
async function openLifecycleStep(app: AppUnderTest, page: Page): Promise<void> {
  const visited = ['prerequisites', 'enable-saml', 'configure-jumpcloud', 'idp-values', 'configure-dialpad', 'saml-users', 'create-api-key', 'store-api-key', 'secondary-domain', 'scim-connection', 'scim-lifecycle']
  const setup = {
    ...SAMPLE_SETUP,
    env: 'production',
    domainInput: 'example.com',
    currentStepId: 'scim-lifecycle',
    visitedStepIds: visited,
    scim: { ...SAMPLE_SETUP.scim, baseUrlMode: 'custom', customBaseUrl: server.url, testUserEmail: 'jumpcloud-scim-test@example.com' },
  }
  await writeFile(join(app.dataDir, 'setup.json'), JSON.stringify({ schemaVersion: SETUP_SCHEMA_VERSION, savedAt: new Date().toISOString(), setup }))
  await app.secrets.set('default', API_KEY)
  await app.openWizard('example.com')
  await expect(page.getByRole('heading', { level: 2, name: 'Test user provisioning (optional)' })).toBeVisible()
  page.on('dialog', (dialog) => void dialog.accept())
}

test('Cancel on a running lifecycle test stops the request in flight, and the test user is still deleted', async ({ page, app }) => {
  await openLifecycleStep(app, page)
  server.faults.set('GET /Users/:id', { kind: 'delay', ms: 15_000 })
  await page.getByRole('button', { name: 'Create and delete a test user' }).click()

  const progress = page.getByRole('list', { name: 'User lifecycle test progress' })
  await expect(progress.locator('[data-check-id="read-user"][data-status="running"]')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^Running… \d+ s$/ })).toBeVisible()
  expect(server.users.size).toBe(1)
  await page.getByRole('button', { name: 'Cancel', exact: true }).click()

  const results = page.getByRole('list', { name: 'User lifecycle test results' })
  await expect(results.locator('[data-check-id="read-user"]')).toContainText('Cancelled before the answer arrived.')
  await expect(results.locator('[data-check-id="delete-user"][data-status="pass"]')).toBeVisible()
  await expect(page.getByText(/^Failed · last run/)).toBeVisible()
  expect(server.users.size).toBe(0)
  expect(server.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1)
})

test('leaving the step while its check runs keeps the run: its result is there on coming back', async ({ page, app }) => {
  await openLifecycleStep(app, page)
  server.faults.set('GET /Users/:id', { kind: 'delay', ms: 1_500 })
  await page.getByRole('button', { name: 'Create and delete a test user' }).click()
  await expect(page.getByRole('list', { name: 'User lifecycle test progress' }).locator('[data-check-id="read-user"][data-status="running"]')).toBeVisible()

  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Enable Identity Management in JumpCloud' })).toBeVisible()
  // The test goes on without its panel, and cleans up.
  await expect.poll(() => server.requests.some((request) => request.method === 'DELETE'), { timeout: 10_000 }).toBe(true)

  await page.getByRole('button', { name: 'Back', exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Test user provisioning (optional)' })).toBeVisible()
  await expect(page.getByText(/^Passed · last run/)).toBeVisible()
  await expect(page.getByRole('list', { name: 'User lifecycle test results' }).locator('[data-status="pass"]')).toHaveCount(8)
  expect(server.users.size).toBe(0)
})
