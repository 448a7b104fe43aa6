import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deriveSpValues } from '../../src/shared/spValues'
import { type TestIdp, makeTestIdp, signedResponse, tamper, toBase64 } from '../support/samlTestIdp'
import { SAMPLE_SETUP } from '../support/sampleSetup'
import { expect, test } from './fixtures'
import { expectNoAxeViolations, expectSaved, saveScreenshot } from './support'

const SP = deriveSpValues('example.com', 'production')
let jumpCloud: TestIdp

test.beforeAll(async () => {
  jumpCloud = await makeTestIdp('https://sso.jumpcloud.com/saml2/dialpad')
})

test('support staff paste a customer’s SAML response and read what is right and what to fix', async ({ page, app }) => {
  // Where the SAML half of the wizard ends: IdP values and JumpCloud's certificate are in the setup.
  const visited = ['prerequisites', 'enable-saml', 'configure-jumpcloud', 'idp-values', 'configure-dialpad', 'saml-users', 'sso-login']
  const setup = {
    ...SAMPLE_SETUP,
    env: 'production',
    domainInput: 'example.com',
    currentStepId: 'sso-login',
    visitedStepIds: visited,
    idp: { entityIdInput: jumpCloud.entityId, ssoUrlInput: 'https://sso.jumpcloud.com/saml2/dialpad', certificate: jumpCloud.certificateBody, metadata: null },
  }
  await writeFile(join(app.dataDir, 'setup.json'), JSON.stringify({ schemaVersion: 3, savedAt: new Date().toISOString(), setup }))
  // The setup from before profiles becomes the first profile, named after its domain.
  await app.openWizard('example.com')
  await expect(page.getByRole('heading', { level: 2, name: 'Check a real SSO login' })).toBeVisible()

  // The login window belongs to the desktop app; here (a browser) the app says what to do instead.
  await page.getByRole('button', { name: 'Test SSO login' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'desktop app' })).toBeVisible()

  // A genuine response, base64 as the browser's Network tab shows the form field.
  const genuine = toBase64(signedResponse(jumpCloud, SP, { issuedAt: new Date() }))
  const pasteBox = page.getByLabel('SAML response (base64 or XML)')
  await pasteBox.fill(genuine)
  await page.getByRole('button', { name: 'Check response' }).click()
  await expect(page.getByText('The response passes every check.')).toBeVisible()
  await expect(pasteBox).toHaveValue('')
  const results = page.getByRole('list', { name: 'Response checks' })
  await expect(results.locator('[data-check-id="signature"]')).toHaveAttribute('data-status', 'pass')
  await expect(results.locator('[data-check-id="audience"]')).toHaveAttribute('data-status', 'pass')
  const table = page.getByTestId('saml-response-table')
  await expect(table.getByRole('row', { name: /NameID jane\.doe@example\.com/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /^email jane\.doe@example\.com$/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /Signature .*RSA-SHA256/ })).toBeVisible()
  await expectSaved(page)
  await expectNoAxeViolations(page)
  await saveScreenshot(page.locator('main'), 'sso-paste-mode.png', { docs: true })

  // The customer's JumpCloud has the domain misspelt in the SP Entity ID: the fix names the field and the value.
  const misspelt = signedResponse(jumpCloud, SP, { issuedAt: new Date(), audience: 'https://dialpad.com/api/saml/metadata/custom/exampel.com' })
  await pasteBox.fill(misspelt)
  await page.getByRole('button', { name: 'Check response' }).click()
  await expect(page.getByText('The response has problems: see each fix below.')).toBeVisible()
  const audience = results.locator('[data-check-id="audience"]')
  await expect(audience).toHaveAttribute('data-status', 'fail')
  await expect(audience).toContainText(`SP Entity ID to ${SP.spEntityId}`)

  // A response changed after signing, loaded from a file: refused at the signature, nothing else trusted.
  const forged = tamper(signedResponse(jumpCloud, SP, { issuedAt: new Date() }), 'jane.doe@example.com</saml:NameID>', 'ceo@example.com</saml:NameID>')
  await page.getByTestId('drop-zone: SAML response file').locator('input[type=file]').setInputFiles({ name: 'response.xml', mimeType: 'text/xml', buffer: Buffer.from(forged) })
  await expect(results.locator('[data-check-id="signature"]')).toHaveAttribute('data-status', 'fail')
  await expect(results.locator('[data-check-id="name-id"]')).toHaveAttribute('data-status', 'skipped')
  await expect(table).toContainText('nothing below is proven to come from JumpCloud')

  // What was checked is kept with its time; the responses themselves are not.
  await expectSaved(page)
  for (const name of await readdir(app.dataDir, { recursive: true })) {
    const text = await readFile(join(app.dataDir, name), 'utf8').catch(() => '')
    expect(text).not.toContain(genuine.slice(0, 200))
    expect(text).not.toContain('ceo@example.com')
  }
})
