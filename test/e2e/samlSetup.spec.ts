import { X509Certificate } from 'node:crypto'
import type { Page } from '@playwright/test'
import { jumpCloudMetadataXml } from '../support/idpMetadataXml'
import { type TestCertificate, makeTestCertificate } from '../support/testCertificates'
import { TEST_PROFILE, expect, test } from './fixtures'
import { CREATE_APP_CHECKS, DIALPAD_CHECKS, DIALPAD_SAML_CHECKS, PREREQUISITES, SAML_USER_CHECKS, SSO_TAB_CHECKS, dropFile, expectNoAxeViolations, expectSaved, saveScreenshot, tickAll } from './support'


const DAY_MS = 24 * 3600_000
type Certificate = TestCertificate & { sha256: string }
let certificate: Certificate
let rotated: Certificate
async function makeCertificate(commonName: string, validDays: number): Promise<Certificate> {
  const made = await makeTestCertificate({ commonName, notAfter: new Date(Date.now() + validDays * DAY_MS) })
  return { ...made, sha256: new X509Certificate(made.der).fingerprint256 }
}
test.beforeAll(async () => {
  certificate = await makeCertificate('JumpCloud', 1825)
  rotated = await makeCertificate('JumpCloud before rotation', 200)
})

/** What the admin would see after a real drag-and-drop from the file manager. */
async function walkToJumpCloudStep(page: Page): Promise<void> {
  await tickAll(page, PREREQUISITES)
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByLabel('Company domain').fill('example.com')
  await tickAll(page, DIALPAD_CHECKS)
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Configure the Dialpad app in JumpCloud' })).toBeVisible()
}

test('an admin goes from the JumpCloud app to tested SAML users, with every value cross-checked', async ({ page, app }) => {
  await app.openWizard()
  await walkToJumpCloudStep(page)

  await expect(page.getByRole('list', { name: 'JumpCloud click-path' })).toHaveText(/SSO.*\+.*Search “Dialpad”.*Configure/)
  await expect(page.getByText(/cannot be changed after the application is created/)).toBeVisible()
  await tickAll(page, CREATE_APP_CHECKS)
  await page.getByRole('button', { name: 'Copy SP Entity ID' }).click()
  await expect.poll(() => app.clipboard.last).toBe('https://dialpad.com/api/saml/metadata/custom/example.com')
  await page.getByRole('button', { name: 'Copy ACS URL' }).click()
  await expect.poll(() => app.clipboard.last).toBe('https://dialpad.com/saml/sso/custom/example.com')
  await tickAll(page, SSO_TAB_CHECKS)
  await page.getByRole('button', { name: 'Next' }).click()

  // The metadata lists an older certificate first (a rotation); the app suggests the one valid longest.
  await expect(page.getByRole('heading', { level: 2, name: 'Bring the IdP values back from JumpCloud' })).toBeVisible()
  const metadata = jumpCloudMetadataXml({ certificates: [rotated.bodySingleLine, certificate.bodySingleLine] })
  await dropFile(page, 'metadata file', 'JumpCloud-Dialpad-metadata.xml', metadata)
  await expect(page.getByText('Read JumpCloud-Dialpad-metadata.xml: IdP Entity ID, IdP SSO URL (HTTP-Redirect binding) and 2 signing certificates.')).toBeVisible()
  await expect(page.getByLabel('IdP Entity ID')).toHaveValue('JumpCloud')
  await expect(page.getByLabel('IdP SSO URL')).toHaveValue('https://sso.jumpcloud.com/saml2/dialpad')
  await expect(page.getByRole('radio', { name: /CN=JumpCloud, O=Dialpad SSO Tests, C=US \(suggested: valid the longest\)/ })).toBeChecked()
  const card = page.getByTestId('certificate-card')
  await expect(card).toContainText(certificate.sha256)

  // A refused paste changes nothing and never stays on screen.
  const paste = page.getByLabel('Or paste the certificate')
  await paste.fill(certificate.privateKeyPem)
  await page.getByRole('button', { name: 'Use pasted certificate' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'This is a private key, not a certificate.' })).toContainText('Nothing was changed.')
  await expect(paste).toHaveValue('')
  await expect(card).toContainText(certificate.sha256)

  // The same certificate pasted the way OpenSSL exports it (Bag Attributes, CRLF) is accepted as is.
  await paste.fill(`Bag Attributes\r\n    friendlyName: jumpcloud\r\nsubject=CN = JumpCloud\r\n${certificate.pem.replace(/\n/g, '\r\n')}`)
  await page.getByRole('button', { name: 'Use pasted certificate' }).click()
  await expect(page.getByText('Certificate imported from the pasted text.')).toBeVisible()
  await expect(card).toContainText(certificate.sha256)
  await expect(card).toContainText('RSA 2048-bit')
  await expect(card).toContainText('sha256WithRSAEncryption')
  await expect(card).toContainText('No problems found with this certificate.')
  await expectNoAxeViolations(page)
  await saveScreenshot(card, 'certificate-card.png', { docs: true })
  await page.getByRole('button', { name: 'Next' }).click()

  await expect(page.getByRole('heading', { level: 2, name: 'Configure SAML in Dialpad' })).toBeVisible()
  await page.getByRole('button', { name: 'Copy IdP Entity ID (Issuer)' }).click()
  await expect.poll(() => app.clipboard.last).toBe('JumpCloud')
  await page.getByRole('button', { name: 'Copy IdP SSO URL' }).click()
  await expect.poll(() => app.clipboard.last).toBe('https://sso.jumpcloud.com/saml2/dialpad')
  await page.getByRole('button', { name: 'Copy Certificate' }).click()
  await expect.poll(() => app.clipboard.last).toBe(certificate.body)
  expect(app.clipboard.last).not.toContain('BEGIN')
  await page.getByRole('checkbox', { name: 'Copy as a single line' }).check()
  await page.getByRole('button', { name: 'Copy Certificate' }).click()
  await expect.poll(() => app.clipboard.last).toBe(certificate.bodySingleLine)
  await tickAll(page, DIALPAD_SAML_CHECKS)
  await page.getByRole('button', { name: 'Next' }).click()

  await expect(page.getByRole('heading', { level: 2, name: 'Set up SAML users' })).toBeVisible()
  await page.getByRole('button', { name: 'Copy Domain for “Login with Another Provider”' }).click()
  await expect.poll(() => app.clipboard.last).toBe('example.com')
  await tickAll(page, SAML_USER_CHECKS)
  const summary = page.getByTestId('saml-cross-checks')
  await expect(summary.getByRole('status')).toHaveText('All SAML cross-checks passed.')
  await expect(summary.locator('[data-status]')).toHaveCount(5)
  await expect(summary.locator('[data-status="pass"]')).toHaveCount(5)
  await expect(page.getByText('6 of 13 steps done')).toBeVisible()
  await expectNoAxeViolations(page)
  await saveScreenshot(summary, 'saml-cross-checks.png', { docs: true })

  await expectSaved(page)
  const saved = await app.savedProfile(TEST_PROFILE)
  expect(saved.setup.idp).toMatchObject({ entityIdInput: 'JumpCloud', certificate: certificate.bodySingleLine })
  expect(JSON.stringify(saved)).not.toContain('PRIVATE KEY')
})

test('a mismatch between the consoles is explained with the field to fix', async ({ page, app }) => {
  await app.openWizard()
  await walkToJumpCloudStep(page)
  await tickAll(page, [...CREATE_APP_CHECKS, ...SSO_TAB_CHECKS])
  await page.getByRole('button', { name: 'Next' }).click()
  await dropFile(page, 'metadata file', 'metadata.xml', jumpCloudMetadataXml({ certificates: [certificate.bodySingleLine] }))
  await expect(page.getByLabel('IdP Entity ID')).toHaveValue('JumpCloud')
  // The admin then imports a different certificate than the metadata's, and retypes the Entity ID in lower case.
  await page.getByLabel('Or paste the certificate').fill(rotated.pem)
  await page.getByRole('button', { name: 'Use pasted certificate' }).click()
  // Replacing the certificate asks first, with both fingerprints and expiry dates.
  const dialog = page.getByRole('dialog', { name: 'Replace the IdP certificate?' })
  await expect(dialog).toContainText(certificate.sha256)
  await expect(dialog).toContainText(rotated.sha256)
  await expect(dialog).toContainText(/Valid until .* \(18\d\d days from now\)/)
  await expect(dialog).toContainText(/Valid until .* \(19\d days from now\)/)
  await expect(dialog).toContainText('Nothing done so far depends on it.')
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Replace the certificate' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByText('Certificate imported from the pasted text.')).toBeVisible()
  await page.getByLabel('IdP Entity ID').fill('jumpcloud')
  await page.getByRole('button', { name: 'Next' }).click()

  const summary = page.getByTestId('saml-cross-checks')
  await expect(summary.getByRole('status')).toHaveText('2 of 5 cross-checks need attention.')
  await expect(summary.locator('[data-check-id="certificate-matches-metadata"]')).toContainText('Download the IDP Certificate of the Dialpad app in JumpCloud again')
  await expect(summary.locator('[data-check-id="idp-values-match-metadata"]')).toContainText('IdP Entity ID is “jumpcloud” but the metadata says “JumpCloud”')

  // A broken metadata file is refused with its reason, and the values already accepted stay.
  await page.getByRole('button', { name: 'Back', exact: true }).click()
  await dropFile(page, 'metadata file', 'sp.xml', '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><md:SPSSODescriptor/></md:EntityDescriptor>')
  await expect(page.getByRole('alert').filter({ hasText: 'This is Service Provider metadata' })).toBeVisible()
  await expect(page.getByLabel('IdP Entity ID')).toHaveValue('jumpcloud')
  await dropFile(page, 'metadata file', 'bomb.xml', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><lolz>&lol;</lolz>')
  await expect(page.getByRole('alert').filter({ hasText: 'DOCTYPE' })).toBeVisible()
  await expect(page.getByTestId('certificate-card')).toContainText(rotated.sha256)
})
