import type { Page } from '@playwright/test'
import { jumpCloudMetadataXml } from '../support/idpMetadataXml'
import { makeTestCertificate } from '../support/testCertificates'
import { expect, test } from './fixtures'
import { dropFile } from './support'

/**
 * Every message belongs to what caused it: it goes when that input changes or a later attempt succeeds, so an old
 * refusal never stays under a new result and two stale errors never show at once. One source per block.
 */

async function openStep(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name }).click()
}

const SP_METADATA = '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><md:SPSSODescriptor/></md:EntityDescriptor>'

test('messages clear when their cause goes: the IdP imports, the API key, a pasted response, other email domains, the profile list and its names', async ({ page, app }) => {
  const certificate = await makeTestCertificate({ commonName: 'messages.jumpcloud.example' })
  await app.openWizard()
  const alerts = page.getByRole('alert')

  // The IdP imports (step 4). A refused private key goes when the metadata import succeeds.
  await openStep(page, /Bring the IdP values back/)
  const paste = page.getByLabel('Or paste the certificate')
  await paste.fill(certificate.privateKeyPem)
  await page.getByRole('button', { name: 'Use pasted certificate' }).click()
  const refusal = alerts.filter({ hasText: 'This is a private key, not a certificate.' })
  await expect(refusal).toBeVisible()
  // A long message shows its first two sentences; the rest is folded under "Details".
  await expect(refusal.locator('.alert__message')).toContainText('anyone who has it can sign in as your users. Nothing was changed.')
  await expect(refusal.getByText(/The IdP Certificate JumpCloud gives you is public/)).toBeHidden()
  await refusal.getByText('Details').click()
  await expect(refusal.getByText(/The IdP Certificate JumpCloud gives you is public/)).toBeVisible()
  await dropFile(page, 'metadata file', 'JumpCloud-Dialpad-metadata.xml', jumpCloudMetadataXml({ certificates: [certificate.bodySingleLine] }))
  await expect(page.getByText('Read JumpCloud-Dialpad-metadata.xml: IdP Entity ID, IdP SSO URL')).toBeVisible()
  await expect(alerts).toHaveCount(0)

  // Never two errors from the two imports: the later refusal replaces the earlier one, and "Read …" goes too.
  await paste.fill(certificate.privateKeyPem)
  await page.getByRole('button', { name: 'Use pasted certificate' }).click()
  await expect(alerts.filter({ hasText: 'This is a private key' })).toBeVisible()
  await expect(page.getByText('Read JumpCloud-Dialpad-metadata.xml')).toHaveCount(0)
  await dropFile(page, 'metadata file', 'sp.xml', SP_METADATA)
  await expect(alerts.filter({ hasText: 'This is Service Provider metadata' })).toBeVisible()
  await expect(alerts).toHaveCount(1)
  // Changing an IdP value by hand is a new state of the values: the refusal about the earlier file goes.
  await page.getByLabel('IdP Entity ID').fill('JumpCloud-2')
  await expect(alerts).toHaveCount(0)

  // The API key (step 9): a refusal goes when the key is edited.
  await openStep(page, /Store the API key/)
  const key = page.getByRole('textbox', { name: 'API key' })
  await key.fill('short')
  await page.getByRole('button', { name: 'Store in keychain' }).click()
  await expect(alerts.filter({ hasText: 'too short to be a Dialpad API key' })).toBeVisible()
  await key.fill('shorter')
  await expect(alerts).toHaveCount(0)

  // A pasted SAML response (step 7; needs the domain first): a refusal goes when new text is pasted.
  await openStep(page, /Enable SAML in Dialpad/)
  await page.getByLabel('Company domain').fill('example.com')
  await openStep(page, /Check a real SSO login/)
  const response = page.getByLabel('SAML response (base64 or XML)')
  await dropFile(page, 'SAML response file', 'huge.xml', 'A'.repeat(600 * 1024))
  await expect(alerts).toHaveCount(1)
  await response.fill('<samlp:Response')
  await expect(alerts).toHaveCount(0)

  // Other email domains (step 2): a refusal goes when the admin types again.
  await openStep(page, /Enable SAML in Dialpad/)
  const other = page.getByLabel('Other email domains (optional)')
  await other.fill('not a domain')
  await page.getByRole('button', { name: 'Add domain' }).click()
  await expect(alerts.filter({ hasText: 'cannot contain spaces' })).toBeVisible()
  await other.fill('acme.org')
  await expect(alerts).toHaveCount(0)

  // The profile list: "Exported …" goes when a bundle comes in (the preview is about another file).
  await page.getByRole('button', { name: 'All profiles' }).click()
  const card = page.getByRole('article', { name: 'Test customer', exact: true })
  await card.getByRole('button', { name: 'Export bundle…' }).click()
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Save bundle file' }).click()])
  const exported = page.getByRole('status').filter({ hasText: 'Exported “Test customer”' })
  await expect(exported).toBeVisible()
  const path = await download.path()
  await page.getByLabel('Import bundle…').setInputFiles(path)
  await expect(page.getByRole('region', { name: 'Import a configuration bundle' })).toBeVisible()
  await expect(exported).toHaveCount(0)

  // A new profile's name: a refusal goes when the admin types another name.
  await page.getByRole('button', { name: 'Create profile' }).click()
  const unnamed = alerts.filter({ hasText: 'Give the profile a name' })
  await expect(unnamed).toBeVisible()
  await page.getByLabel('New profile name').fill('Globex')
  await expect(unnamed).toHaveCount(0)

  // Renaming a profile: the same.
  await card.getByRole('button', { name: 'Rename' }).click()
  const rename = page.getByLabel('New name for “Test customer”')
  await rename.fill(' ')
  await rename.press('Enter')
  const refusedName = card.getByRole('alert').filter({ hasText: 'Give the profile a name' })
  await expect(refusedName).toBeVisible()
  await rename.fill('Test customer 2')
  await expect(refusedName).toHaveCount(0)
})
