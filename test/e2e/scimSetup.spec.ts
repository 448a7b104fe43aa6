import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { SETUP_SCHEMA_VERSION } from '../../src/shared/setupState'
import { SAMPLE_SETUP } from '../support/sampleSetup'
import { type ScimServer, startScimServer } from '../support/scimServer'
import { type AppUnderTest, expect, test } from './fixtures'

const API_KEY = 'dpk_e2e_0123456789abcdefWXYZ'
const WRONG_KEY = 'dpk_e2e_revoked_key_000000'

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

test('an admin stores the API key, tests the SCIM connection and the user lifecycle, and hands the key to JumpCloud', async ({ page, app }) => {
  // Start where the SAML half ended: the setup file the wizard itself would have written.
  const visited = ['prerequisites', 'enable-saml', 'configure-jumpcloud', 'idp-values', 'configure-dialpad', 'saml-users', 'create-api-key', 'store-api-key']
  const setup = { ...SAMPLE_SETUP, env: 'production', domainInput: 'example.com', currentStepId: 'store-api-key', visitedStepIds: visited }
  await writeFile(join(app.dataDir, 'setup.json'), JSON.stringify({ schemaVersion: 2, savedAt: new Date().toISOString(), setup }))
  // The setup from before profiles becomes the first profile, named after its domain.
  await app.openWizard('example.com')

  await expect(page.getByRole('heading', { level: 2, name: 'Store the API key' })).toBeVisible()
  await expect(page.getByText('No key stored yet.')).toBeVisible()
  await page.getByLabel('API key', { exact: true }).fill(API_KEY)
  await page.getByRole('button', { name: 'Store in keychain' }).click()
  await expect(page.getByText('Stored in your computer’s keychain: the key ending in WXYZ.')).toBeVisible()
  await expect(page.getByLabel('API key', { exact: true })).toHaveCount(0)
  // Stored for this profile only: its keychain account is the profile's id.
  expect([...app.keychain.values()]).toEqual([API_KEY])
  expect(app.hasKeyFor((await app.savedProfile('example.com')).id)).toBe(true)
  await page.getByRole('button', { name: 'Next' }).click()

  await expect(page.getByRole('heading', { level: 2, name: 'Allow jumpcloud.com as a secondary domain' })).toBeVisible()
  await page.getByRole('button', { name: 'Copy Support request' }).click()
  // The copy goes through main: wait for it rather than racing it.
  await expect.poll(() => app.clipboard.last).toContain('Please add jumpcloud.com as a secondary domain for our company (primary domain: example.com).')
  expect(app.clipboard.last).toContain('ends in WXYZ')
  expect(app.clipboard.last).not.toContain(API_KEY)
  await page.getByRole('checkbox', { name: 'I sent the request' }).check()
  await page.getByRole('checkbox', { name: 'Dialpad Support confirmed' }).check()
  await page.getByRole('button', { name: 'Next' }).click()

  await expect(page.getByRole('heading', { level: 2, name: 'Test the SCIM connection' })).toBeVisible()
  await expect(page.getByText('Dialpad: https://dialpad.com/scim')).toBeVisible()
  await page.getByRole('radio', { name: /Another address, for testing only/ }).check()
  // A plain http address off this computer is refused before anything is sent.
  await page.getByLabel('Custom SCIM base URL').fill('http://scim.example.com/scim')
  await expect(page.getByRole('alert').filter({ hasText: 'Plain http://' })).toContainText('Plain http:// is only allowed for this computer (localhost)')
  await expect(page.getByRole('button', { name: 'Test connection' })).toBeDisabled()
  await page.getByLabel('Custom SCIM base URL').fill(server.url)
  const testOnly = `For testing only: the SCIM checks use ${server.url} instead of Dialpad's https://dialpad.com/scim. JumpCloud's Base URL must still be https://dialpad.com/scim.`
  await expect(page.getByTestId('test-only-address')).toHaveText(testOnly)
  await page.getByRole('button', { name: 'Test connection' }).click()
  const results = page.getByRole('list', { name: 'Test connection results' })
  await expect(page.getByText(/^Passed · last run/)).toBeVisible()
  await expect(results.locator('[data-status="pass"]')).toHaveCount(5)
  await expect(results.locator('[data-decisive="false"]')).toHaveCount(3)
  await expect(results.locator('[data-check-id="service-provider-config"]')).toContainText('informational')
  await expect(results).toContainText('Dialpad accepts the API key')

  // A revoked key: the failure says what happened and what to do.
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: 'Back', exact: true }).click()
  await page.getByRole('button', { name: /Store the API key/ }).click()
  await page.getByRole('button', { name: 'Replace key' }).click()
  await page.getByLabel('API key', { exact: true }).fill(WRONG_KEY)
  await page.getByRole('button', { name: 'Store in keychain' }).click()
  await expect(page.getByText(/the key ending in 0000\./)).toBeVisible()
  await page.getByRole('button', { name: /Test the SCIM connection/ }).click()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText(/^Failed · last run/)).toBeVisible()
  await expect(results.locator('[data-check-id="list-users"]')).toContainText('Dialpad rejected the API key (401).')
  await expect(results.locator('[data-check-id="list-users"]')).toContainText('Create a new key in Admin Settings > My Company > Authentication > API Keys.')

  await page.getByRole('button', { name: /Store the API key/ }).click()
  await page.getByRole('button', { name: 'Replace key' }).click()
  await page.getByLabel('API key', { exact: true }).fill(API_KEY)
  await page.getByRole('button', { name: 'Store in keychain' }).click()
  await page.getByRole('button', { name: /Test the SCIM connection/ }).click()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText(/^Passed · last run/)).toBeVisible()
  await page.getByRole('button', { name: 'Next' }).click()

  // The lifecycle test creates a real user, so it asks first; cleanup leaves nothing behind.
  await expect(page.getByRole('heading', { level: 2, name: 'Test user provisioning (optional)' })).toBeVisible()
  await expect(page.getByTestId('test-only-address')).toHaveText(testOnly)
  // The test user's address defaults to one at the company domain, the same as JumpCloud's Test User Email.
  await expect(page.getByLabel('Test User Email')).toHaveValue('jumpcloud-scim-test@example.com')
  await expect(page.getByTestId('test-user-email-note')).toHaveCount(0)
  // An address Dialpad would not take is explained before anything is created.
  await page.getByLabel('Test User Email').fill('tester@elsewhere.example')
  await expect(page.getByTestId('test-user-email-note')).toContainText('elsewhere.example is not one of your company’s domains (example.com)')
  await page.getByLabel('Test User Email').fill('jumpcloud-scim-test@example.com')
  await expect(page.getByTestId('test-user-email-note')).toHaveCount(0)
  // The app asks first in its own dialog (the browser's confirm box is never used); Cancel creates nothing.
  await page.getByRole('button', { name: 'Create and delete a test user' }).click()
  const asking = page.getByRole('dialog', { name: 'Create a real test user in Dialpad?' })
  await expect(asking).toContainText('creates a real user in your Dialpad company, which may use a paid license and a phone number')
  await asking.getByRole('button', { name: 'Not now' }).click()
  await expect(asking).toHaveCount(0)
  expect(server.requests.filter((r) => r.method !== 'GET')).toEqual([])
  await page.getByRole('button', { name: 'Create and delete a test user' }).click()
  await page.getByRole('dialog', { name: 'Create a real test user in Dialpad?' }).getByRole('button', { name: 'Create the test user' }).click()
  const lifecycle = page.getByRole('list', { name: 'User lifecycle test results' })
  await expect(lifecycle.locator('[data-status="pass"]')).toHaveCount(8)
  // All eight passed: folded into one line, which opens to show each.
  await lifecycle.getByText('8 checks passed').click()
  await expect(lifecycle.locator('[data-check-id="delete-user"]')).toBeVisible()
  expect(server.users.size).toBe(0)
  expect(server.requests.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH', 'DELETE'])
  await page.getByRole('button', { name: 'Next' }).click()

  // Step 13 offers JumpCloud Dialpad's Base URL, never the test address, and says the checks used another one.
  await expect(page.getByRole('heading', { level: 2, name: 'Enable Identity Management in JumpCloud' })).toBeVisible()
  await page.getByRole('button', { name: 'Copy Base URL' }).click()
  await expect.poll(() => app.clipboard.last).toBe('https://dialpad.com/scim')
  // Next to the Base URL, and again where the lookup uses the test address.
  await expect(page.getByTestId('test-only-address')).toHaveText([testOnly, testOnly])
  await expect(page.getByText(server.url, { exact: true })).toHaveCount(0)
  await expect(page.getByLabel('Test User Email')).toHaveValue('jumpcloud-scim-test@example.com')
  await expect(page.getByRole('heading', { name: 'Why Group Management stays off' })).toBeVisible()

  // Is this user provisioned? A read-only lookup: found and active, suspended, or not found.
  server.users.set('u-jane', { id: 'u-jane', userName: 'jane@example.com', active: true, created: '' })
  server.users.set('u-sam', { id: 'u-sam', userName: 'sam@example.com', active: false, created: '' })
  const writesBefore = server.requests.filter((r) => r.method !== 'GET').length
  const lookupEmail = page.getByLabel('Email of a group member')
  for (const [email, verdict] of [
    ['jane@example.com', 'Found and active: jane@example.com'],
    ['sam@example.com', 'Found, but suspended: sam@example.com'],
    ['nobody@example.com', 'Not found: nobody@example.com'],
  ]) {
    await lookupEmail.fill(email)
    await page.getByRole('button', { name: 'Look up in Dialpad' }).click()
    await expect(page.getByText(verdict)).toBeVisible()
  }
  await expect(page.getByRole('list', { name: 'Provisioned user lookup' })).toContainText('(1) the user is a member of the user group for Dialpad')
  // The answer is about the email it was for: typing another one clears it.
  await lookupEmail.fill('someone.else@example.com')
  await expect(page.getByText('Not found: nobody@example.com')).toHaveCount(0)
  await expect(page.getByRole('list', { name: 'Provisioned user lookup' })).toHaveCount(0)
  expect(server.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore)
  server.users.clear()
  await page.getByRole('button', { name: 'Copy API key for Token Key' }).click()
  await page.getByRole('dialog', { name: 'Copy the API key to the clipboard?' }).getByRole('button', { name: 'Copy API key' }).click()
  await expect(page.getByText(/The API key is on the clipboard\. It is cleared in 2 seconds\./)).toBeVisible()
  expect(app.clipboard.last).toBe(API_KEY)
  await expect.poll(() => app.clipboard.last, { timeout: 5000 }).toBe('')
  // Once the clipboard is cleared, the message says so instead of still saying the key is there.
  await expect(page.getByText('The clipboard was cleared: the API key is no longer on it.')).toBeVisible()
  await expect(page.getByText(/The API key is on the clipboard/)).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0)

  // The key never reached the page or any file the app wrote; the results were saved with their time.
  expect(await page.content()).not.toContain(API_KEY)
  const saved = await app.savedProfile('example.com')
  expect(saved.setup.scim.lastLifecycleTest).toMatchObject({ ok: true, checkedAt: expect.any(String) })
  const files = await readdir(app.dataDir, { recursive: true })
  expect(files).toContain(join('profiles', `${saved.id}.json`))
  for (const file of files) {
    const text = await readFile(join(app.dataDir, file), 'utf8').catch(() => '')
    expect(text).not.toContain(API_KEY)
  }
  // The lookup's answers are shown, never saved.
  expect(JSON.stringify(saved)).not.toContain('sam@example.com')

  // The report gives JumpCloud Dialpad's Base URL and warns that the checks used a test-only address.
  await page.getByRole('button', { name: 'All profiles' }).click()
  await page.getByRole('article', { name: 'example.com', exact: true }).getByRole('button', { name: 'Setup report' }).click()
  const baseUrlRow = page.getByTestId('report-values: JumpCloud').getByRole('row', { name: /^SCIM Base URL\b/ })
  await expect(baseUrlRow).toContainText('https://dialpad.com/scim')
  await expect(baseUrlRow).not.toContainText(server.url)
  await expect(page.getByText(testOnly)).toBeVisible()
})

// Live checks as the admin drives them: progress arrives as events (no polling), Cancel reaches the request in flight,
// and the store keeps a run going when its step is left.

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
}

/** Clicks the lifecycle test and answers the app's own "create a real test user?" dialog. */
async function startLifecycleTest(page: Page) {
  await page.getByRole('button', { name: 'Create and delete a test user' }).click()
  await page.getByRole('dialog', { name: 'Create a real test user in Dialpad?' }).getByRole('button', { name: 'Create the test user' }).click()
}

test('Cancel on a running lifecycle test stops the request in flight, and the test user is still deleted', async ({ page, app }) => {
  await openLifecycleStep(app, page)
  server.faults.set('GET /Users/:id', { kind: 'delay', ms: 15_000 })
  await startLifecycleTest(page)

  const progress = page.getByRole('list', { name: 'User lifecycle test progress' })
  await expect(progress.locator('[data-check-id="read-user"][data-status="running"]')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^Running… \d+ s$/ })).toBeVisible()
  expect(server.users.size).toBe(1)
  await page.getByRole('button', { name: 'Cancel', exact: true }).click()

  const results = page.getByRole('list', { name: 'User lifecycle test results' })
  await expect(results.locator('[data-check-id="read-user"]')).toContainText('Cancelled before the answer arrived.')
  // The failure comes first; the passed steps, the clean-up among them, are folded behind "N checks passed".
  await page.getByText(/^✓ \d+ checks passed$/).click()
  await expect(results.locator('[data-check-id="delete-user"][data-status="pass"]')).toBeVisible()
  await expect(page.getByText(/^Failed · last run/)).toBeVisible()
  expect(server.users.size).toBe(0)
  expect(server.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1)
})

test('leaving the step while its check runs keeps the run: its result is there on coming back', async ({ page, app }) => {
  await openLifecycleStep(app, page)
  server.faults.set('GET /Users/:id', { kind: 'delay', ms: 1_500 })
  await startLifecycleTest(page)
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
