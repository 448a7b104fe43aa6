import { X509Certificate } from 'node:crypto'
import { readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { formatUtc } from '../../src/shared/formatUtc'
import { WIZARD_STEPS } from '../../src/shared/wizard/steps'
import { expect, test } from './fixtures'
import { expectNoAxeViolations, saveScreenshot, seedExampleSetup } from './support'

/** Must never reach the screen or any file the report writes; only its last 4 characters may. */
const API_KEY_CANARY = 'dpk_report_canary_5f0c9e21b7a4d3e8c6WXYZ'
/** From the profile list. */
async function openReport(page: Page, profileName: string): Promise<void> {
  await page.getByRole('article', { name: profileName, exact: true }).getByRole('button', { name: 'Setup report' }).click()
}

async function expectProfileList(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: 'Setup profiles' })).toBeVisible()
}

/** A row of a console's value table, by its label. */
function valueRow(page: Page, console: 'Dialpad' | 'JumpCloud', label: string) {
  return page.getByTestId(`report-values: ${console}`).getByRole('row', { name: new RegExp(`^${label}\\b`) })
}

test('the setup report opens with the overall status, shows both consoles’ values, the certificate, each step once and every check, and prints without the toolbar', async ({ page, app }) => {
  const setup = await seedExampleSetup(app, API_KEY_CANARY)
  const certificate = new X509Certificate(Buffer.from(setup.idp.certificate ?? '', 'base64'))
  await app.open()
  await openReport(page, 'example.com')

  await expect(page.getByRole('heading', { level: 1, name: 'Dialpad SSO setup report: example.com' })).toBeFocused()
  expect(await page.title()).toBe('Dialpad SSO setup report: example.com')
  // Every section, in reading order.
  expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
    'Overall status',
    'Values for Dialpad (Dialpad → Admin Settings › My Company › Authentication › SAML)',
    'Values for JumpCloud (the Dialpad app)',
    'IdP certificate',
    'Wizard steps',
    'Checks',
    'Timeline',
  ])

  // Header: what the profile is, and only the key's status.
  const facts = page.locator('.report__header')
  await expect(facts).toContainText('Profileexample.com')
  await expect(facts).toContainText('Dialpad environmentProduction (dialpad.com)')
  await expect(facts).toContainText('Other email domainsNone (only the company domain)')
  await expect(facts).toContainText('API keyStored in the system keychain; ends in …WXYZ. The key itself is never printed.')
  await expect(page.getByRole('progressbar', { name: `10 of ${WIZARD_STEPS.length} steps done` })).toBeVisible()
  const overview = page.getByTestId('report-overview')
  await expect(overview.locator('.report__headline')).toHaveText(
    '3 steps are out of date: they were done for values that have changed since. 10 of 13 steps done, 1 skipped.',
  )
  await expect(overview).toContainText('11. Test the SCIM connection Out of date: was for the API key stored')

  // The values, each with the field it goes into.
  await expect(valueRow(page, 'JumpCloud', 'SP Entity ID')).toContainText('https://dialpad.com/api/saml/metadata/custom/example.com')
  await expect(valueRow(page, 'JumpCloud', 'SP Entity ID')).toContainText('JumpCloud → SSO Applications › the Dialpad app › SSO tab → SP Entity ID')
  await expect(valueRow(page, 'JumpCloud', 'ACS URL')).toContainText('https://dialpad.com/saml/sso/custom/example.com')
  await expect(valueRow(page, 'JumpCloud', 'Token Key')).toContainText('never printed; it ends in …WXYZ')
  await expect(valueRow(page, 'Dialpad', 'IdP SSO URL')).toContainText('https://sso.jumpcloud.com/saml2/dialpad')
  await expect(valueRow(page, 'Dialpad', 'Certificate')).toContainText(setup.idp.certificate?.slice(0, 64) ?? 'missing')

  // The certificate card.
  const card = page.getByTestId('report-certificate')
  await expect(card).toContainText(certificate.fingerprint256)
  await expect(card).toContainText('CN=JumpCloud example')
  await expect(card).toContainText('No problems found with this certificate.')

  // Each step once, with one state; items with their state in words, not colour alone.
  await expect(page.getByTestId('report-steps').locator('[data-step-id]')).toHaveCount(WIZARD_STEPS.length)
  await expect(page.locator('[data-item-id="prerequisites.dialpad-admin"]')).toHaveText(/^✓ Done: I can sign in to Dialpad as a Company Admin/)
  const lifecycle = page.locator('[data-step-id="scim-lifecycle"]')
  await expect(lifecycle.getByRole('heading', { level: 3 })).toHaveText('12. Test user provisioning (optional) ! Out of date')
  await expect(lifecycle.locator('[data-item-id="scim-lifecycle"]')).toContainText('! Out of date: SCIM user lifecycle test')
  // The skip it offers is not listed as "not done" next to a result: it was not used.
  await expect(lifecycle.locator('[data-item-id="scim-lifecycle.skipped"]')).toHaveCount(0)
  await expect(page.locator('[data-step-id="sso-login"]').getByRole('heading', { level: 3 })).toHaveText('7. Check a real SSO login ↷ Skipped')

  // A live check with when it ran, each step's result and duration.
  const scim = page.getByTestId('report-check: SCIM connection test')
  await expect(scim.getByRole('heading', { level: 3 })).toHaveText('SCIM connection test ✓ Passed ! Out of date')
  await expect(scim).toContainText('Out of date: was for the API key stored')
  const checkedAt = formatUtc(setup.scim.lastConnectionTest?.checkedAt ?? 'missing')
  await expect(scim).toContainText(`Checked ${checkedAt}.`)
  await expect(scim.locator('[data-check-id="service-provider-config"]')).toContainText('✓ Pass')
  const duration = setup.scim.lastConnectionTest?.steps.find((step) => step.id === 'service-provider-config')?.durationMs
  await expect(scim.locator('[data-check-id="service-provider-config"]')).toContainText(`(${duration} ms)`)
  // Informational steps are marked as such; the decisive ones are not.
  await expect(scim.locator('[data-check-id="service-provider-config"]')).toContainText('· informational')
  await expect(scim.locator('[data-check-id="list-users"]')).not.toContainText('informational')
  await expect(page.getByTestId('report-check: Offline SAML cross-checks')).toBeVisible()

  // The timeline, oldest first.
  await expect(page.getByTestId('report-timeline')).toContainText(`${checkedAt} SCIM connection test passed.`)
  await expect(page.getByTestId('report-timeline').getByRole('listitem').last()).toContainText('This report made.')

  await expectNoAxeViolations(page)
  expect(await page.content()).not.toContain(API_KEY_CANARY.slice(0, -4))

  // Printing shows the report alone.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Back' })).toBeHidden()
  await expect(page.getByRole('heading', { level: 1, name: 'Dialpad SSO setup report: example.com' })).toBeVisible()
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)')
  await page.emulateMedia({ media: 'screen' })

  await saveScreenshot(page, 'setup-report.png', { docs: true, fullPage: true })

  // The same report as an HTML file for a support ticket: no API key in it.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save as HTML file' }).click()
  const saved = await download
  expect(saved.suggestedFilename()).toMatch(/setup-report\.html$/)
  const html = await readFile(await saved.path(), 'utf8')
  expect(html).toContain('Dialpad SSO setup report: example.com')
  expect(html).toContain(certificate.fingerprint256)
  expect(html).not.toContain(API_KEY_CANARY.slice(0, -4))
  await expect(page.getByRole('status').filter({ hasText: 'setup-report.html is ready' })).toBeVisible()

  await page.getByRole('button', { name: 'Back' }).click()
  await expectProfileList(page)
  expect(await page.title()).toBe('Dialpad SSO Assistant')
})

test('a report that cannot be made says why and leads back to the list', async ({ page, app }) => {
  await seedExampleSetup(app, API_KEY_CANARY)
  await app.open()
  await expect(page.getByRole('article', { name: 'example.com', exact: true })).toBeVisible()
  // The profile disappears behind the app's back (deleted in another window, a synced folder…).
  const profilesDir = join(app.dataDir, 'profiles')
  for (const file of await readdir(profilesDir)) if (file.endsWith('.json')) await rm(join(profilesDir, file))
  await openReport(page, 'example.com')

  await expect(page.getByRole('alert')).toHaveText('Problem: This profile no longer exists; it may have been deleted. Choose another profile from the list.')
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeDisabled()
  await page.getByRole('button', { name: 'Back' }).click()
  await expectProfileList(page)
})

test('the report opened from the wizard carries the profile’s notes and leads back to the wizard', async ({ page, app }) => {
  await seedExampleSetup(app, API_KEY_CANARY)
  await app.openWizard('example.com')
  const notes = 'Change CHG-20931, approved by J. Rivera.\nSCIM token rotates every 90 days.'
  const notesField = page.getByLabel('Notes for “example.com”')
  if (!(await notesField.isVisible())) await page.getByText('Notes', { exact: true }).click()
  await notesField.fill(notes)

  await page.getByRole('banner').getByRole('button', { name: 'Setup report' }).click()
  // The overall status first, then the notes.
  await expect(page.getByRole('heading', { level: 2 }).nth(1)).toHaveText('Notes')
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Overall status')
  // Line breaks kept, as written.
  expect(await page.locator('.report__notes').innerText()).toBe(notes)

  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByText('Profile: example.com', { exact: true })).toBeVisible()
})
