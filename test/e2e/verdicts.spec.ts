import { X509Certificate } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { deriveSpValues } from '../../src/shared/spValues'
import { SAVE_BEFORE_CLOSE_HOOK } from '../../src/shared/saveBeforeClose'
import { SETUP_SCHEMA_VERSION } from '../../src/shared/setupState'
import { jumpCloudMetadataXml } from '../support/idpMetadataXml'
import { type TestIdp, makeTestIdp, signedResponse, toBase64 } from '../support/samlTestIdp'
import { SAMPLE_SETUP } from '../support/sampleSetup'
import { type ScimServer, startScimServer } from '../support/scimServer'
import { type AppUnderTest, TEST_PROFILE, expect, test } from './fixtures'
import { CREATE_APP_CHECKS, DIALPAD_CHECKS, DIALPAD_SAML_CHECKS, PREREQUISITES, SAML_USER_CHECKS, SSO_TAB_CHECKS, dropFile, expectNoAxeViolations, expectSaved, saveScreenshot, tickAll } from './support'

const SSO_URL = 'https://sso.jumpcloud.com/saml2/dialpad'
const API_KEY = 'dpk_e2e_verdicts_0123456789WXYZ'

let jumpCloud: TestIdp
let scim: ScimServer
test.beforeAll(async () => {
  jumpCloud = await makeTestIdp('JumpCloud')
  scim = await startScimServer({ token: API_KEY })
})
test.afterAll(async () => {
  await scim.close()
})

/** "AB:CD:…", as the certificate card and the dialogs show a SHA-256 fingerprint. */
const fingerprintOf = (body: string) => new X509Certificate(Buffer.from(body, 'base64')).fingerprint256

const stepList = (page: Page) => page.getByRole('navigation', { name: 'Setup steps' })
const stepButton = (page: Page, title: string) => stepList(page).getByRole('button', { name: new RegExp(title) })
const profileCard = (page: Page, name: string) => page.getByRole('article', { name, exact: true })

async function openStep(page: Page, title: string): Promise<void> {
  await stepButton(page, title).click()
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()
}

/** Opens a profile "example.com" with the domain and JumpCloud's values in (as a setup saved before profiles), nothing ticked. */
async function openWithIdpValues(app: AppUnderTest): Promise<void> {
  const setup = {
    ...SAMPLE_SETUP,
    env: 'production',
    domainInput: 'example.com',
    checklist: {},
    idp: { entityIdInput: 'JumpCloud', ssoUrlInput: SSO_URL, certificate: jumpCloud.certificateBody, metadata: null },
  }
  await writeFile(join(app.dataDir, 'setup.json'), JSON.stringify({ schemaVersion: SETUP_SCHEMA_VERSION, savedAt: new Date().toISOString(), setup }))
  await app.openWizard('example.com')
}

/** Checks a SAML response JumpCloud would send for this domain, in paste mode. */
async function checkLoginFor(page: Page, domain: string): Promise<void> {
  const response = toBase64(signedResponse(jumpCloud, deriveSpValues(domain, 'production'), { issuedAt: new Date(), nameId: `jane.doe@${domain}` }))
  await page.getByLabel('SAML response (base64 or XML)').fill(response)
  await page.getByRole('button', { name: 'Check response' }).click()
  await expect(page.getByText('The response passes every check.')).toBeVisible()
}

test('a domain changed after steps 2–7 were done: asked first, then out of date everywhere, and done again once redone', async ({ page, app }) => {
  await app.openWizard()
  // Steps 1–7 for acme-corp.com, as an admin does them.
  await tickAll(page, PREREQUISITES)
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByLabel('Company domain').fill('acme-corp.com')
  await tickAll(page, DIALPAD_CHECKS)
  await page.getByRole('button', { name: 'Next' }).click()
  await tickAll(page, [...CREATE_APP_CHECKS, ...SSO_TAB_CHECKS])
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByLabel('Or paste the certificate').fill(jumpCloud.certificatePem)
  await page.getByRole('button', { name: 'Use pasted certificate' }).click()
  await expect(page.getByText('Certificate imported from the pasted text.')).toBeVisible()
  await page.getByLabel('IdP Entity ID').fill('JumpCloud')
  await page.getByLabel('IdP SSO URL').fill(SSO_URL)
  await page.getByRole('button', { name: 'Next' }).click()
  await tickAll(page, DIALPAD_SAML_CHECKS)
  await page.getByRole('button', { name: 'Next' }).click()
  await tickAll(page, SAML_USER_CHECKS)
  await page.getByRole('button', { name: 'Next' }).click()
  await checkLoginFor(page, 'acme-corp.com')
  await expect(page.getByText('7 of 13 steps done')).toBeVisible()

  // The domain changes: the app asks first and says what will be out of date.
  await openStep(page, 'Enable SAML in Dialpad')
  const domain = page.getByLabel('Company domain')
  await domain.fill('acme.com')
  await expect(page.getByText('Not changed yet: steps done for acme-corp.com depend on the domain.')).toBeVisible()
  // Still the old values until the admin confirms.
  await expect(page.getByText('https://dialpad.com/saml/sso/custom/acme-corp.com')).toBeVisible()
  await domain.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Change the company domain to acme.com?' })
  await expect(dialog).toContainText('These were done for acme-corp.com and will be out of date until you do them again for acme.com:')
  await expect(dialog).toContainText('Step 3. Configure the Dialpad app in JumpCloud')
  await expect(dialog).toContainText('“I pasted the SP Entity ID and ACS URL into the SSO tab and selected Save.” (tick it again)')
  await expect(dialog).toContainText('SSO login check (run it again)')
  await expect(dialog.getByRole('button', { name: 'Keep acme-corp.com' })).toBeFocused()
  // Focus stays in the dialog: Tab goes round its two buttons.
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Change to acme.com' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Keep acme-corp.com' })).toBeFocused()
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectNoAxeViolations(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await expectNoAxeViolations(page)
  await saveScreenshot(page, 'confirm-domain-change.png', { docs: true })

  // Escape keeps the domain; nothing changed.
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(domain).toHaveValue('acme-corp.com')
  await expect(page.getByText('7 of 13 steps done')).toBeVisible()

  // Asked again, and confirmed.
  await domain.fill('acme.com')
  await domain.blur()
  await dialog.getByRole('button', { name: 'Change to acme.com' }).click()
  await expect(page.getByText('https://dialpad.com/saml/sso/custom/acme.com')).toBeVisible()

  // The progress count drops; the step list, step 3 and the SSO check say what they were for.
  await expect(page.getByText('3 of 13 steps done')).toBeVisible()
  await expect(page.getByTestId('progress-extra')).toHaveText('4 out of date')
  await expect(stepButton(page, 'Configure the Dialpad app in JumpCloud')).toContainText('(out of date)')
  await openStep(page, 'Configure the Dialpad app in JumpCloud')
  await expect(page.locator('.step-note')).toHaveText('Out of date: was for acme-corp.com. Tick again for the current values.')
  const pasted = page.getByRole('checkbox', { name: 'I pasted the SP Entity ID and ACS URL' })
  await expect(pasted).not.toBeChecked()
  await expect(pasted).toHaveAccessibleDescription('Out of date: was for acme-corp.com. Tick it again for the current values.')
  await expectNoAxeViolations(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectNoAxeViolations(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await saveScreenshot(page, 'wizard-out-of-date.png', { docs: true, fullPage: true })

  await openStep(page, 'Check a real SSO login')
  await expect(page.getByText('Out of date: was for acme-corp.com. Run it again for the current values.').first()).toBeVisible()

  // The report agrees.
  await page.getByRole('banner').getByRole('button', { name: 'Setup report' }).click()
  await expect(page.getByTestId('report-overview').locator('.report__headline')).toHaveText(
    '4 steps are out of date: they were done for values that have changed since. 3 of 13 steps done, 6 not done yet.',
  )
  await expect(page.locator('[data-step-id="configure-jumpcloud"] h3')).toHaveText('3. Configure the Dialpad app in JumpCloud ! Out of date')
  await expect(page.getByTestId('report-check: SSO login check').getByRole('heading', { level: 3 })).toHaveText('SSO login check ✓ Passed ! Out of date')
  await expect(page.getByTestId('report-check: SSO login check')).toContainText('Out of date: was for acme-corp.com.')
  await page.getByRole('button', { name: 'Back' }).click()

  // So does the profile list.
  await page.getByRole('button', { name: 'All profiles' }).click()
  await expect(profileCard(page, TEST_PROFILE).getByRole('progressbar', { name: '3 of 13 steps done' })).toBeVisible()
  await expect(profileCard(page, TEST_PROFILE).getByTestId('profile-status')).toHaveText(/^4 steps are out of date/)

  // Doing them again for acme.com makes them count again.
  await app.openProfile(TEST_PROFILE)
  await openStep(page, 'Configure the Dialpad app in JumpCloud')
  await pasted.check()
  await expect(stepButton(page, 'Configure the Dialpad app in JumpCloud')).not.toContainText('(out of date)')
  await expect(stepButton(page, 'Configure the Dialpad app in JumpCloud')).toHaveAccessibleName(/, done/)
  await expect(page.getByText('4 of 13 steps done')).toBeVisible()
  await openStep(page, 'Enable SAML in Dialpad')
  await page.getByRole('checkbox', { name: 'I kept the Dialpad tab open' }).check()
  await openStep(page, 'Set up SAML users')
  await page.getByRole('checkbox', { name: 'I clicked “Login with Another Provider”' }).check()
  await page.getByRole('checkbox', { name: 'the test user is logged in to Dialpad' }).check()
  await openStep(page, 'Check a real SSO login')
  await checkLoginFor(page, 'acme.com')
  await expect(page.getByText('7 of 13 steps done')).toBeVisible()
  await expect(page.getByTestId('progress-extra')).toHaveCount(0)
  await expectSaved(page)
})

test('replacing IdP values asks on every route, says what changes and what goes out of date, and Keep changes nothing', async ({ page, app }) => {
  await openWithIdpValues(app)
  await openStep(page, 'Configure SAML in Dialpad')
  await tickAll(page, DIALPAD_SAML_CHECKS)
  await expect(stepButton(page, 'Configure SAML in Dialpad')).toHaveAccessibleName(/, done/)
  await openStep(page, 'Bring the IdP values back from JumpCloud')

  // Metadata with another IdP SSO URL: asked, with the value before and after.
  await dropFile(page, 'metadata file', 'moved.xml', jumpCloudMetadataXml({ ssoUrl: 'https://sso.jumpcloud.com/saml2/dialpad-2', certificates: [jumpCloud.certificateBody] }))
  const values = page.getByRole('dialog', { name: 'Change the IdP values?' })
  await expect(values.getByRole('definition')).toHaveText(`${SSO_URL} → https://sso.jumpcloud.com/saml2/dialpad-2`)
  await expect(values).toContainText('Step 5. Configure SAML in Dialpad')
  await values.getByRole('button', { name: 'Keep the current values' }).click()
  await expect(page.getByText('Kept the current IdP values; nothing from moved.xml was used.')).toBeVisible()
  await expect(page.getByLabel('IdP SSO URL')).toHaveValue(SSO_URL)
  await expect(stepButton(page, 'Configure SAML in Dialpad')).toHaveAccessibleName(/, done/)

  // Metadata with a new certificate: the certificate dialog, both fingerprints, and only what the certificate changes.
  const rotatedIdp = await makeTestIdp('JumpCloud')
  await dropFile(page, 'metadata file', 'rotated.xml', jumpCloudMetadataXml({ certificates: [rotatedIdp.certificateBody] }))
  const replace = page.getByRole('dialog', { name: 'Replace the IdP certificate?' })
  await expect(replace).toContainText(fingerprintOf(jumpCloud.certificateBody))
  await expect(replace).toContainText(fingerprintOf(rotatedIdp.certificateBody))
  await expect(replace).not.toContainText(' → ')
  await expect(replace).toContainText('Out of date until you do them again with the new certificate:')
  await expect(replace).toContainText('“I pasted the IdP Entity ID (Issuer), IdP SSO URL and Certificate.” (tick it again)')
  await replace.getByRole('button', { name: 'Replace the certificate' }).click()
  await expect(stepButton(page, 'Configure SAML in Dialpad')).toContainText('(out of date)')

  // The certificate file route asks the same way; keeping it leaves the certificate as it is.
  await dropFile(page, 'certificate file', 'old.pem', jumpCloud.certificatePem)
  await expect(replace).toContainText(fingerprintOf(jumpCloud.certificateBody))
  await replace.getByRole('button', { name: 'Keep the current certificate' }).click()
  await expect(page.getByText('Kept the current certificate; nothing was changed.')).toBeVisible()
  await expect(page.getByTestId('certificate-card')).toContainText(fingerprintOf(rotatedIdp.certificateBody))
  // Back to the certificate the ticks were made with: they count again.
  await dropFile(page, 'certificate file', 'old.pem', jumpCloud.certificatePem)
  await replace.getByRole('button', { name: 'Replace the certificate' }).click()
  await expect(stepButton(page, 'Configure SAML in Dialpad')).toHaveAccessibleName(/, done/)
  await expectSaved(page)
})

test('no dead ends: step 11 runs with step 10 waiting on Support, and step 7 diagnoses a login before step 6 is ticked', async ({ page, app }) => {
  // A setup with the domain and JumpCloud's values in, nothing ticked yet.
  await openWithIdpValues(app)

  // Step 6's help for a failing login leads to step 7, which works with step 6 unticked.
  await openStep(page, 'Set up SAML users')
  await expect(page.getByRole('checkbox', { name: 'the test user is logged in to Dialpad' })).not.toBeChecked()
  await page.getByRole('button', { name: 'Diagnose the login in “Check a real SSO login”' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Check a real SSO login' })).toBeFocused()
  await expect(page.getByRole('button', { name: 'Check both services' })).toBeEnabled()
  await checkLoginFor(page, 'example.com')

  // The key, then the secondary domain: requested, and the step waits with the date.
  await openStep(page, 'Store the API key')
  await page.getByLabel('API key', { exact: true }).fill(API_KEY)
  await page.getByRole('button', { name: 'Store in keychain' }).click()
  await expect(page.getByText(/the key ending in WXYZ\./)).toBeVisible()
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('checkbox', { name: 'I sent the request' }).check()
  await expect(page.getByTestId('secondary-domain-waiting')).toContainText(/^Requested from Dialpad Support on \d{4}-\d\d-\d\d \d\d:\d\d UTC: this step waits for their answer\./)
  await expect(page.locator('.step-note')).toHaveText(/^Waiting on Dialpad Support: requested on /)
  await expect(stepButton(page, 'Allow jumpcloud.com as a secondary domain')).toContainText('(waiting)')
  await expect(page.getByTestId('progress-extra')).toHaveText('1 waiting')

  // Next moves on without complaint: waiting is not a step left undone.
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Test the SCIM connection' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'not done yet' })).toHaveCount(0)
  await page.getByRole('radio', { name: /Another address/ }).check()
  await page.getByLabel('Custom SCIM base URL').fill(scim.url)
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText(/^Passed · last run/)).toBeVisible()
  await expect(stepButton(page, 'Test the SCIM connection')).toHaveAccessibleName(/, done/)
  await expect(stepButton(page, 'Allow jumpcloud.com as a secondary domain')).toContainText('(waiting)')

  // Replacing the key makes what was made with the old one out of date, and says which key it was for.
  await openStep(page, 'Store the API key')
  await page.getByRole('button', { name: 'Replace key' }).click()
  await page.getByLabel('API key', { exact: true }).fill(API_KEY)
  await page.getByRole('button', { name: 'Store in keychain' }).click()
  await openStep(page, 'Test the SCIM connection')
  await expect(page.getByText(/^Out of date: was for the API key ending in …WXYZ stored /).first()).toBeVisible()
  await expectSaved(page)

  // Opening the profile again shows its state with its key from the first frame: never out of date for a moment.
  await page.getByRole('button', { name: 'All profiles' }).click()
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { progressSeen: string[] }).progressSeen = seen
    new MutationObserver(() => {
      const label = document.querySelector('.app__sidebar .progress-label')?.textContent
      const extra = document.querySelector('[data-testid="progress-extra"]')?.textContent ?? ''
      if (label) seen.push(`${label}${extra ? ` · ${extra}` : ''}`)
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  await app.openProfile('example.com')
  await expect(stepButton(page, 'Store the API key')).toHaveAccessibleName(/, done/)
  expect(new Set(await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen))).toEqual(new Set(['3 of 13 steps done · 1 out of date · 1 waiting']))
})

test('no dead ends: step 7 checks both services as soon as the domain is there, before any certificate', async ({ page, app }) => {
  await app.openWizard()
  await openStep(page, 'Enable SAML in Dialpad')
  await page.getByLabel('Company domain').fill('acme.com')
  await openStep(page, 'Check a real SSO login')
  // Dialpad's SP metadata and the clock need no certificate: only the login checks wait for it, and say so.
  await expect(page.getByRole('button', { name: 'Check both services' })).toBeEnabled()
  await expect(page.getByRole('button', { name: 'Test SSO login' })).toBeDisabled()
  await expect(page.getByText('Import JumpCloud’s certificate in “Bring the IdP values back from JumpCloud” first: responses are checked against it.').first()).toBeVisible()
})

test.describe('with the desktop app’s login window (stood in by a JumpCloud that signs the test user in)', () => {
  test.use({
    loginCapture: {
      capture: async (request) => ({
        samlResponse: toBase64(signedResponse(jumpCloud, deriveSpValues('example.com', 'production'), { issuedAt: new Date(), nameId: 'jane.doe@example.com' })),
        relayState: null,
        postedTo: request.acsUrl,
        blockedNavigations: [],
        hops: [],
        authnRequest: null,
      }),
    },
  })

  test('the login check shows only its saved result: a test login and a pasted response replace each other’s, on screen too', async ({ page, app }) => {
    await openWithIdpValues(app)
    await openStep(page, 'Check a real SSO login')
    const loginPanel = page.getByRole('region', { name: 'Test SSO login' })
    const pastePanel = page.getByRole('region', { name: 'Check a SAML response from a browser' })

    await loginPanel.getByRole('radio', { name: /Start at the JumpCloud user portal/ }).check()
    await loginPanel.getByRole('button', { name: 'Test SSO login' }).click()
    await expect(loginPanel.getByRole('status')).toHaveText(/^Passed · last run/)
    await expect(stepButton(page, 'Check a real SSO login')).toHaveAccessibleName(/, done/)

    // A pasted response for a user outside the company's domains fails, and is the step's result now: the test
    // login's "Passed" is no longer shown as a result.
    const foreign = toBase64(signedResponse(jumpCloud, deriveSpValues('example.com', 'production'), { issuedAt: new Date(), nameId: 'jane.doe@elsewhere.example' }))
    await pastePanel.getByLabel('SAML response (base64 or XML)').fill(foreign)
    await pastePanel.getByRole('button', { name: 'Check response' }).click()
    await expect(pastePanel.getByRole('status')).toHaveText('The response has problems: see each fix below.')
    await expect(stepButton(page, 'Check a real SSO login')).toHaveAccessibleName(/, in progress/)
    await expect(loginPanel.getByRole('status')).toHaveText('')
    await expect(loginPanel.getByRole('list', { name: 'Test SSO login results' })).toHaveCount(0)

    // A test login again: its result replaces the pasted one, which is no longer shown as the result either.
    await loginPanel.getByRole('button', { name: 'Test SSO login' }).click()
    await expect(loginPanel.getByRole('status')).toHaveText(/^Passed · last run/)
    await expect(stepButton(page, 'Check a real SSO login')).toHaveAccessibleName(/, done/)
    await expect(pastePanel.getByText('The response has problems: see each fix below.')).toHaveCount(0)
    await expect(pastePanel.getByRole('list', { name: 'Response checks' })).toHaveCount(0)
  })
})

test('after the last step: the completion view with the overall status, the certificate’s expiry, the report and a bundle', async ({ page, app }) => {
  const example = JSON.parse(await readFile(join(__dirname, '../../examples/example.dialpad-sso.json'), 'utf8')) as { profile: { setup: object } }
  await writeFile(join(app.dataDir, 'setup.json'), JSON.stringify({ schemaVersion: SETUP_SCHEMA_VERSION, savedAt: new Date().toISOString(), setup: example.profile.setup }))
  await app.openWizard('example.com')
  await openStep(page, 'Enable Identity Management in JumpCloud')
  await page.getByRole('button', { name: 'Finish' }).click()

  await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeFocused()
  const status = page.getByTestId('completion-status')
  // Here no API key is stored yet: the example's SCIM results were made with another key.
  await expect(status).toContainText('3 steps are out of date')
  await expect(status.getByRole('region', { name: 'Out of date' })).toContainText('11. Test the SCIM connection')
  await expect(status.getByRole('region', { name: 'Skipped' })).toContainText('7. Check a real SSO login')
  await expect(status.getByRole('region', { name: 'Not done yet' })).toContainText('9. Store the API key')
  await expect(page.getByTestId('completion-certificate')).toContainText(/CN=JumpCloud example.* is valid until \d{4}-\d\d-\d\d \d\d:\d\d UTC \(\d+ days from now\)/)
  await expectNoAxeViolations(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectNoAxeViolations(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await saveScreenshot(page, 'completion.png', { docs: true, fullPage: true })

  // A step named there opens from it.
  await status.getByRole('button', { name: '9. Store the API key' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Store the API key' })).toBeFocused()
  await stepList(page).getByRole('button', { name: 'Summary and report' }).click()

  // A bundle export.
  await page.getByRole('button', { name: 'Export a bundle…' }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save bundle file' }).click()
  expect((await download).suggestedFilename()).toBe('example.com.dialpad-sso.json')
  await expect(page.getByRole('status').filter({ hasText: 'Exported as example.com.dialpad-sso.json.' })).toBeVisible()

  // The report, opening with the same status.
  await page.getByRole('button', { name: 'Open the setup report' }).click()
  await expect(page.getByTestId('report-overview')).toContainText('3 steps are out of date')
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible()
})

const SAVED_BEFORE = 'Example Inc. (saved by 0.1.0)'

test('what the previous version saved reads sensibly: a profile and a 1.0 bundle keep what their results carry and ask to confirm the rest', async ({
  page,
  app,
}) => {
  // A profile as the previous release wrote it (format 1, setup version 3): the setup of the example it shipped.
  const previous = JSON.parse(await readFile(join(__dirname, '../fixtures/previous-release/example-1.0.dialpad-sso.json'), 'utf8')) as {
    profile: { setup: object }
  }
  await mkdir(join(app.dataDir, 'profiles'), { recursive: true })
  const v1 = { schemaVersion: 1, id: '3f2b8c1e-5a6d-4e7f-8a9b-0c1d2e3f4a5b', name: SAVED_BEFORE, notes: '', createdAt: '2026-11-20T09:00:00.000Z', modifiedAt: '2026-11-22T16:00:00.000Z' }
  await writeFile(join(app.dataDir, 'profiles', `${v1.id}.json`), JSON.stringify({ ...v1, setup: previous.profile.setup }))
  // And one of this version whose domain changed since its steps were done, waiting on Dialpad Support.
  const example = JSON.parse(await readFile(join(__dirname, '../../examples/example.dialpad-sso.json'), 'utf8')) as {
    profile: { setup: { checklist: Record<string, boolean> } }
  }
  const { 'secondary-domain.confirmed': _confirmed, ...checklist } = example.profile.setup.checklist
  const v2 = { schemaVersion: 2, id: '7a1c9e2b-3d4f-4a5b-8c6d-0e1f2a3b4c5d', name: 'Globex', notes: '', createdAt: '2026-12-01T09:00:00.000Z', modifiedAt: '2026-12-02T09:00:00.000Z' }
  await writeFile(join(app.dataDir, 'profiles', `${v2.id}.json`), JSON.stringify({ ...v2, setup: { ...example.profile.setup, checklist, domainInput: 'globex.com' } }))
  await app.open()

  // The previous release's example bundle, through the import preview: nothing claims a value changed.
  await page.getByLabel('Import bundle…').setInputFiles({
    name: 'example.dialpad-sso.json',
    mimeType: 'application/json',
    buffer: await readFile(join(__dirname, '../fixtures/previous-release/example-1.0.dialpad-sso.json')),
  })
  const preview = page.getByRole('region', { name: 'Import a configuration bundle' })
  await expect(preview).toContainText('8 steps are out of date: they were done before this version recorded what they were done for. 4 of 13 steps done, 1 skipped, 1 not done yet.')
  await expect(preview).toContainText('2. Enable SAML in Dialpad: Made before this version recorded its inputs: tick again to confirm.')
  await expect(preview).toContainText('SCIM connection test: passed on 2026-11-22 15:36 UTC Made before this version recorded its inputs: run it again to confirm.')
  await expect(preview).not.toContainText('changed since')
  await preview.getByRole('button', { name: 'Import as a new profile' }).click()

  // The profile list says the same of the profile from the previous version.
  await expect(profileCard(page, SAVED_BEFORE).getByRole('progressbar', { name: '4 of 13 steps done' })).toBeVisible()
  await expect(profileCard(page, SAVED_BEFORE).getByTestId('profile-status')).toHaveText(
    '8 steps are out of date: they were done before this version recorded what they were done for. 4 of 13 steps done, 1 skipped, 1 not done yet.',
  )
  await expect(profileCard(page, 'Globex').getByTestId('profile-status')).toHaveText(/^6 steps are out of date: they were done for values that have changed since\. .*1 step waiting on someone else/)
  await expectNoAxeViolations(page)
  await saveScreenshot(page, 'profile-list.png', { docs: true, fullPage: true })

  // In the wizard: what the saved result says it was made for still counts; the rest asks to be ticked again.
  await app.openProfile(SAVED_BEFORE)
  await openStep(page, 'Configure the Dialpad app in JumpCloud')
  await expect(stepButton(page, 'Configure the Dialpad app in JumpCloud')).toHaveAccessibleName(/, done/)
  await openStep(page, 'Enable SAML in Dialpad')
  const values = page.getByRole('checkbox', { name: 'I kept the Dialpad tab open' })
  await expect(values).not.toBeChecked()
  await expect(values).toHaveAccessibleDescription('Made before this version recorded its inputs: tick it again to confirm.')
  await values.check()
  await expect(values).toBeChecked()
  await expectSaved(page)
})

test('notes save themselves, and survive leaving the profile and closing the window right after typing', async ({ page, app }) => {
  await app.openWizard()
  await page.getByText('Notes', { exact: true }).click()
  const notes = page.getByLabel(`Notes for “${TEST_PROFILE}”`)
  await notes.fill('Ticket 4711: Dialpad Support asked for the secondary domain.')
  // Straight to the list, without waiting for the pause.
  await page.getByRole('button', { name: 'All profiles' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Setup profiles' })).toBeVisible()
  expect((await app.savedProfile(TEST_PROFILE)).notes).toBe('Ticket 4711: Dialpad Support asked for the secondary domain.')

  await app.openProfile(TEST_PROFILE)
  await expect(notes).toHaveValue('Ticket 4711: Dialpad Support asked for the secondary domain.')
  await notes.fill('Ticket 4711: confirmed by Support.')
  await page.reload()
  await expect.poll(async () => (await app.savedProfile(TEST_PROFILE)).notes).toBe('Ticket 4711: confirmed by Support.')

  // Closing the desktop app's window: main calls the page's save hook and closes once it resolves.
  await app.openProfile(TEST_PROFILE)
  await notes.fill('Ticket 4712: closed the app right after typing.')
  await page.evaluate(async (hook) => {
    await (globalThis as unknown as Record<string, () => Promise<void>>)[hook]()
  }, SAVE_BEFORE_CLOSE_HOOK)
  expect((await app.savedProfile(TEST_PROFILE)).notes).toBe('Ticket 4712: closed the app right after typing.')
})
