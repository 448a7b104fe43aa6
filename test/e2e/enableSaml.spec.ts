import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { TEST_PROFILE, expect, test } from './fixtures'
import { DIALPAD_CHECKS, PREREQUISITES, copyButton, expectSaved, tickAll } from './support'

const SP_ENTITY_ID = 'https://dialpad.com/api/saml/metadata/custom/example.com'
const ACS_URL = 'https://dialpad.com/saml/sso/custom/example.com'

test('an admin enables SAML: domain in, SP values out, copied, and still there after a reload', async ({ page, app }) => {
  await app.openWizard()
  await expect(page.getByRole('heading', { level: 2, name: 'Before you start' })).toBeVisible()
  await tickAll(page, PREREQUISITES)
  await page.getByRole('button', { name: 'Next' }).click()

  await expect(page.getByRole('heading', { level: 2, name: 'Enable SAML in Dialpad' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Dialpad click-path' })).toHaveText(
    /Admin Settings.*My Company.*Authentication.*SAML.*Choose your provider.*Custom/,
  )
  await expect(page.getByText(/on an Enterprise plan/)).toBeVisible()

  await page.getByLabel('Company domain').fill('Example.COM')
  await expect(page.getByText('Dialpad will use: example.com')).toBeVisible()
  await expect(page.getByText(SP_ENTITY_ID)).toBeVisible()
  await expect(page.getByText(ACS_URL)).toBeVisible()
  await expect(page.getByText('JumpCloud → Dialpad app → SSO tab → SP Entity ID')).toBeVisible()
  await expect(page.getByText('JumpCloud → Dialpad app → SSO tab → ACS URL')).toBeVisible()
  await expect(page.getByText('Dialpad calls it “SP SSO Url (ACS)”')).toBeVisible()

  const copyAcs = copyButton(page, 'ACS URL')
  await copyAcs.click()
  await expect(copyAcs).toHaveText('Copied')
  await expect(page.getByText('ACS URL copied to the clipboard.')).toBeVisible()
  expect(app.clipboard.last).toBe(ACS_URL)
  const copyEntityId = copyButton(page, 'SP Entity ID')
  await copyEntityId.click()
  await expect(copyEntityId).toHaveText('Copied')
  expect(app.clipboard.last).toBe(SP_ENTITY_ID)

  const dialpadLink = page.getByRole('link', { name: /dialpad\.com \(opens in your browser\)/ })
  await expect(dialpadLink).toHaveAttribute('href', 'https://dialpad.com/')
  await expect(dialpadLink).toHaveAttribute('target', '_blank')

  await page.getByRole('radio', { name: /Sandbox/ }).check()
  await expect(page.getByRole('link', { name: /sandbox\.dialpad\.com/ })).toHaveAttribute('href', 'https://sandbox.dialpad.com/')
  // New values: "Copied" must not stay on a button whose value changed.
  await expect(copyEntityId).toHaveText('Copy')
  await expect(page.getByText('https://sandbox.dialpad.com/saml/sso/custom/example.com')).toBeVisible()
  await tickAll(page, DIALPAD_CHECKS)
  await expectSaved(page)
  await expect(page.getByText('2 of 13 steps done')).toBeVisible()

  // The app reopens on the profile list; the profile reopens on the step it was left on.
  await page.reload()
  await expect(page.getByRole('article', { name: TEST_PROFILE })).toContainText('2 of 13 steps done')
  await app.openProfile(TEST_PROFILE)
  await expect(page.getByRole('heading', { level: 2, name: 'Enable SAML in Dialpad' })).toBeVisible()
  await expect(page.getByLabel('Company domain')).toHaveValue('Example.COM')
  await expect(page.getByRole('radio', { name: /Sandbox/ })).toBeChecked()
  await expect(page.getByText('https://sandbox.dialpad.com/api/saml/metadata/custom/example.com')).toBeVisible()

  const saved = await app.savedProfile(TEST_PROFILE)
  expect(saved).toMatchObject({ schemaVersion: 2, setup: { currentStepId: 'enable-saml', domainInput: 'Example.COM', env: 'sandbox' } })
})

test('bad domains get a specific message and no values', async ({ page, app }) => {
  await app.openWizard()
  await tickAll(page, PREREQUISITES)
  await page.getByRole('button', { name: 'Next' }).click()
  const domain = page.getByLabel('Company domain')

  const cases: [string, string][] = [
    ['example', 'A company domain has at least one dot, for example example.com.'],
    ['exa mple.com', 'The domain cannot contain spaces.'],
  ]
  // No error while the admin is still typing the first characters.
  await domain.fill('e')
  await expect(domain).toHaveAttribute('aria-invalid', 'false')
  await expect(page.getByText(/at least one dot/)).toHaveCount(0)

  for (const [input, message] of cases) {
    await domain.fill(input)
    await domain.blur()
    await expect(page.getByText(message)).toBeVisible()
    await expect(domain).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByRole('button', { name: /^Copy/ })).toHaveCount(0)
  }

  // A web address, a "www." name or an email address is reduced to its domain, and the admin is told what was removed.
  for (const [input, note] of [
    ['https://www.Acme-Corp.COM/', 'Using acme-corp.com: the domain only, without “https://” and “www.”.'],
    ['admin@acme-corp.com', 'Using acme-corp.com: the domain only, without the part before “@”.'],
  ]) {
    await domain.fill(input)
    await domain.blur()
    await expect(domain).toHaveValue('acme-corp.com')
    await expect(page.getByTestId('domain-tidied')).toHaveText(note)
    await expect(domain).toHaveAttribute('aria-invalid', 'false')
    await expect(page.getByText('https://dialpad.com/saml/sso/custom/acme-corp.com')).toBeVisible()
  }
  // The note goes as soon as the field holds something else.
  await domain.fill('acme-corp.co')
  await expect(page.getByTestId('domain-tidied')).toHaveCount(0)

  // A public email service is warned about, never refused.
  await domain.fill('gmail.com')
  await domain.blur()
  await expect(page.getByRole('status').filter({ hasText: 'gmail.com is a public email service' })).toContainText('cannot be a Dialpad company domain')
  await expect(domain).toHaveAttribute('aria-invalid', 'false')
  await expect(page.getByText('https://dialpad.com/saml/sso/custom/gmail.com')).toBeVisible()

  await domain.fill('bücher.de')
  await expect(page.getByText('Dialpad will use: xn--bcher-kva.de')).toBeVisible()
  await expect(page.getByText('https://dialpad.com/saml/sso/custom/xn--bcher-kva.de')).toBeVisible()
})

test('a change made just before the window reloads is not lost', async ({ page, app }) => {
  await app.openWizard()
  await tickAll(page, PREREQUISITES)
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByLabel('Company domain').fill('last-second.example')
  await page.reload()
  await app.openProfile(TEST_PROFILE)
  await expect(page.getByLabel('Company domain')).toHaveValue('last-second.example')
})

test('a damaged saved setup is set aside with an explanation, and the wizard still works', async ({ page, app }) => {
  await writeFile(join(app.dataDir, 'setup.json'), '{ not json')
  await app.open()
  const notice = page.getByText(/Your saved setup could not be used because it is not valid JSON/)
  await expect(notice).toBeVisible()
  await page.getByRole('button', { name: 'Dismiss' }).click()
  await expect(notice).toHaveCount(0)
  await app.createProfile()
  await tickAll(page, PREREQUISITES)
  await expectSaved(page)
  expect((await readdir(app.dataDir)).some((name) => /^setup\.damaged-.*\.json$/.test(name))).toBe(true)
})

test('a damaged profile file is set aside with a notice, and the other profiles keep working', async ({ page, app }) => {
  await app.openWizard()
  await tickAll(page, PREREQUISITES)
  await expectSaved(page)
  await page.getByRole('button', { name: 'All profiles' }).click()
  await app.createProfile('Broken customer')
  await page.getByRole('button', { name: 'All profiles' }).click()
  const broken = await app.savedProfile('Broken customer')
  await writeFile(join(app.dataDir, 'profiles', `${broken.id}.json`), '{"schemaVersion": 1, "id": "cut short')

  await page.reload()
  await expect(page.getByText(`The profile ${broken.id}.json could not be used because it is not valid JSON.`)).toBeVisible()
  await expect(page.getByRole('article', { name: 'Broken customer' })).toHaveCount(0)
  await expect(page.getByRole('article', { name: TEST_PROFILE })).toContainText('1 of 13 steps done')
  const kept = (await readdir(join(app.dataDir, 'profiles'))).filter((name) => name.startsWith(`${broken.id}.damaged-`))
  expect(kept).toHaveLength(1)
  expect(await readFile(join(app.dataDir, 'profiles', kept[0]), 'utf8')).toBe('{"schemaVersion": 1, "id": "cut short')
})
