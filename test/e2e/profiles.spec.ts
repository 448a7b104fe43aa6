import 'reflect-metadata'
import { webcrypto } from 'node:crypto'
import { mkdir, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import * as x509 from '@peculiar/x509'
import type { Download, Locator, Page } from '@playwright/test'
import type { Bundle } from '../../src/shared/bundle'
import { latestChecksOf } from '../../src/shared/latestChecks'
import { bundleValuesOf, readStoredCertificate } from '../../src/core/bundle/bundleValues'
import { asExported } from '../support/bundles'
import { expect, test } from './fixtures'
import { CREATE_APP_CHECKS, DIALPAD_CHECKS, PREREQUISITES, SSO_TAB_CHECKS, dropFileOn, expectNoAxeViolations, expectSaved, tickAll } from './support'

/** Must appear in no file the app writes; a bundle may hold its last 4 characters, and only when asked. */
const API_KEY_CANARY = 'dpk_profiles_canary_93b1e07c5d2aQZ7W'
const KEY_HINT = API_KEY_CANARY.slice(-4)
const EXAMPLE_BUNDLE = join(__dirname, '../../examples/example.dialpad-sso.json')
const NOTES = 'Ticket CS-20417: waiting for Dialpad Support to allow jumpcloud.com.'

/** What the admin does when dragging a file from the file manager onto the window (no drop zone under it). */
async function dropOnWindow(page: Page, name: string, content: string): Promise<void> {
  await dropFileOn(page.locator('main'), name, content, 'application/json')
}

/** The "Import bundle…" file picker. */
async function chooseBundleFile(page: Page, name: string, content: string): Promise<void> {
  await page.getByLabel('Import bundle…').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) })
}

async function exportBundle(page: Page, profileName: string, includeKeyHint: boolean): Promise<{ download: Download; text: string }> {
  const card = page.getByRole('article', { name: profileName, exact: true })
  await card.getByRole('button', { name: 'Export bundle…' }).click()
  const hint = card.getByRole('checkbox', { name: 'Include key hint (last 4 characters of the API key)' })
  await expect(hint).not.toBeChecked()
  if (includeKeyHint) await hint.check()
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Save bundle file' }).click()])
  await expect(page.getByRole('status').filter({ hasText: `Exported “${profileName}” as ${download.suggestedFilename()}.` })).toBeVisible()
  return { download, text: await readFile(await download.path(), 'utf8') }
}

const importPanel = (page: Page) => page.getByRole('region', { name: 'Import a configuration bundle' })
const profileCard = (page: Page, name: string) => page.getByRole('article', { name, exact: true })

test('two customers: one filled, exported without its key, deleted with its key, imported back by drop and by file picker', async ({ page, app }) => {
  await app.open()
  await expect(page.getByText(/^No profiles yet\./)).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toContainText('Live checks (SSO login, SCIM) need the network')

  // Two customers; the second is filled in as far as three steps, with a note.
  await app.createProfile('Globex')
  await page.getByRole('button', { name: 'All profiles' }).click()
  await app.createProfile('Acme')
  await tickAll(page, PREREQUISITES)
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByLabel('Company domain').fill('acme.com')
  await tickAll(page, DIALPAD_CHECKS)
  await page.getByRole('button', { name: 'Next' }).click()
  await tickAll(page, [...CREATE_APP_CHECKS, ...SSO_TAB_CHECKS])
  await expect(page.getByText('3 of 13 steps done')).toBeVisible()
  await page.getByText('Notes', { exact: true }).click()
  await page.getByLabel('Notes for “Acme”').fill(NOTES)
  // Notes save themselves; leaving the profile right away writes them first.
  await page.getByRole('button', { name: 'All profiles' }).click()

  await expect(profileCard(page, 'Acme')).toContainText('acme.com · Production · Last modified')
  await expect(profileCard(page, 'Acme').getByRole('progressbar', { name: '3 of 13 steps done' })).toHaveAttribute('value', '3')
  await expect(profileCard(page, 'Globex')).toContainText('No company domain yet · Production')
  await expect(profileCard(page, 'Globex').getByRole('progressbar', { name: '0 of 13 steps done' })).toBeVisible()
  const acmeBefore = await app.savedProfile('Acme')
  expect(acmeBefore.notes).toBe(NOTES)

  // Acme's API key, stored for its profile as the "Store the API key" step does; the list counts the step done.
  await app.secrets.set(acmeBefore.id, API_KEY_CANARY)
  await page.reload()
  await expect(profileCard(page, 'Acme').getByRole('progressbar', { name: '4 of 13 steps done' })).toBeVisible()

  // Search by domain or name, as the admin types.
  const search = page.getByLabel('Search profiles')
  await search.fill('acme.co')
  await expect(page.getByRole('article')).toHaveCount(1)
  await expect(profileCard(page, 'Acme')).toBeVisible()
  await expect(page.getByText('1 of 2 profiles match “acme.co”.')).toBeVisible()
  await search.fill('GLOB')
  await expect(page.getByRole('article')).toHaveCount(1)
  await expect(profileCard(page, 'Globex')).toBeVisible()
  await search.fill('initech')
  await expect(page.getByRole('article')).toHaveCount(0)
  await expect(page.getByText('No profile matches “initech”.')).toBeVisible()
  await search.fill('')
  await expect(page.getByRole('article')).toHaveCount(2)
  await search.blur()

  await expectNoAxeViolations(page)
  await mkdir('test-results/screenshots', { recursive: true })
  // docs/profile-list.png is taken by verdicts.spec.ts, with profiles out of date and waiting.
  await page.screenshot({ path: 'test-results/screenshots/profile-list-search.png', fullPage: true })

  // Export: never the key; its last 4 characters only when ticked.
  const plain = await exportBundle(page, 'Acme', false)
  expect(plain.download.suggestedFilename()).toMatch(/\.dialpad-sso\.json$/)
  expect(plain.text).not.toContain(API_KEY_CANARY)
  expect(plain.text).not.toContain(KEY_HINT)
  expect(JSON.parse(plain.text)).toMatchObject({ format: 'dialpad-sso-bundle', profile: { name: 'Acme', notes: NOTES }, values: { domain: 'acme.com' } })
  expect(JSON.parse(plain.text)).not.toHaveProperty('keyHint')
  const hinted = await exportBundle(page, 'Acme', true)
  expect(hinted.text).not.toContain(API_KEY_CANARY)
  expect(JSON.parse(hinted.text).keyHint).toEqual({ last4: KEY_HINT })

  // Delete asks first, says the key goes too, and Cancel changes nothing.
  await profileCard(page, 'Acme').getByRole('button', { name: 'Delete…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete “Acme”?' })
  await expect(dialog).toContainText('its API key in this computer’s keychain are deleted')
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await expectNoAxeViolations(page)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(profileCard(page, 'Acme').getByRole('button', { name: 'Delete…' })).toBeFocused()
  expect(app.hasKeyFor(acmeBefore.id)).toBe(true)
  await profileCard(page, 'Acme').getByRole('button', { name: 'Delete…' }).click()
  await dialog.getByRole('button', { name: 'Delete profile and API key' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Acme” and its API key.' })).toBeVisible()
  await expect(profileCard(page, 'Acme')).toHaveCount(0)
  expect(app.hasKeyFor(acmeBefore.id)).toBe(false)
  expect([...app.keychain.values()]).not.toContain(API_KEY_CANARY)

  // Import by dropping the downloaded bundle on the window: the summary first, then the choice.
  await dropOnWindow(page, plain.download.suggestedFilename(), plain.text)
  const panel = importPanel(page)
  await expect(panel).toContainText(plain.download.suggestedFilename())
  const summary = panel.getByRole('definition')
  await expect(summary.filter({ hasText: /^Acme$/ })).toHaveCount(1)
  await expect(summary.filter({ hasText: 'acme.com' })).toHaveCount(1)
  await expect(summary.filter({ hasText: '3 of 13 steps done' })).toHaveCount(1)
  await expect(summary.filter({ hasText: /^Not included$/ })).toHaveCount(1)
  await expect(panel).toContainText('No profile here is for acme.com on Production: importing adds a new profile.')
  await expectNoAxeViolations(page)
  await panel.getByRole('button', { name: 'Import as a new profile' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Imported ${plain.download.suggestedFilename()} as the new profile “Acme”.` })).toBeVisible()
  await expect(importPanel(page)).toHaveCount(0)

  // Back with the same setup and progress: everything but the key, which the admin stores again.
  await expect(profileCard(page, 'Acme').getByRole('progressbar', { name: '3 of 13 steps done' })).toBeVisible()
  const imported = await app.savedProfile('Acme')
  expect(imported.id).not.toBe(acmeBefore.id)
  expect(imported.setup).toEqual(acmeBefore.setup)
  expect(imported.notes).toBe(NOTES)
  expect(app.hasKeyFor(imported.id)).toBe(false)
  await app.openProfile('Acme')
  await expect(page.getByRole('heading', { level: 2, name: 'Configure the Dialpad app in JumpCloud' })).toBeVisible()
  await expect(page.getByText('3 of 13 steps done')).toBeVisible()
  await expect(page.getByLabel('Notes for “Acme”')).toHaveValue(NOTES)

  // A second import, with the file picker, over the profile: renamed since, so the differences show the name.
  await page.getByRole('button', { name: 'All profiles' }).click()
  await profileCard(page, 'Acme').getByRole('button', { name: 'Rename' }).click()
  await page.getByLabel('New name for “Acme”').fill('Acme Corp')
  await page.getByRole('button', { name: 'Save name' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Renamed “Acme” to “Acme Corp”.' })).toBeVisible()
  await chooseBundleFile(page, hinted.download.suggestedFilename(), hinted.text)
  await expect(panel.getByRole('definition').filter({ hasText: `the key used ended in ${KEY_HINT}` })).toHaveCount(1)
  const match = panel.getByRole('region', { name: 'Existing profile “Acme Corp”' })
  const nameRow = match.getByRole('row', { name: /^Name / })
  await expect(nameRow.getByRole('cell')).toHaveText(['Acme Corp', 'Acme'])
  await expect(match.getByRole('row')).toHaveCount(2)
  await panel.screenshot({ path: 'test-results/screenshots/bundle-import-preview.png' })
  await match.getByRole('button', { name: 'Replace “Acme Corp”' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'into the profile “Acme” (it was called “Acme Corp”), replacing its setup.' })).toBeVisible()
  await expect(page.getByRole('article')).toHaveCount(2)
  expect((await app.savedProfile('Acme')).id).toBe(imported.id)

  // No file the app wrote holds the key.
  for (const file of await readdir(app.dataDir, { recursive: true })) {
    const text = await readFile(join(app.dataDir, file), 'utf8').catch(() => '')
    expect(text).not.toContain(API_KEY_CANARY)
  }
})

test('an edited bundle is imported only after its warning; a hostile or broken one is refused and changes nothing', async ({ page, app }) => {
  const example = await readFile(EXAMPLE_BUNDLE, 'utf8')
  await page.emulateMedia({ colorScheme: 'dark' })
  await app.open()

  // A prototype-pollution key anywhere: refused with its reason, no way to import.
  const polluted = example.replace('{', '{\n  "__proto__": { "isAdmin": true },')
  await chooseBundleFile(page, 'example.dialpad-sso.json', polluted)
  const panel = importPanel(page)
  await expect(panel.getByRole('alert')).toContainText('This bundle contains the key "__proto__"')
  await expect(panel.getByRole('alert')).toContainText('Nothing was imported.')
  await expect(panel.getByRole('button', { name: /Import/ })).toHaveCount(0)
  await panel.getByRole('button', { name: 'Close' }).click()

  const nested = example.replace('"domainInput": "example.com",', '"domainInput": "example.com", "constructor": { "prototype": {} },')
  await dropOnWindow(page, 'nested.dialpad-sso.json', nested)
  await expect(panel.getByRole('alert')).toContainText('This bundle contains the key "constructor"')
  await dropOnWindow(page, 'cut.dialpad-sso.json', example.slice(0, 400))
  await expect(panel.getByRole('alert')).toContainText('This file is not valid JSON')
  await expect(page.getByText(/^No profiles yet\./)).toBeVisible()
  expect(await readdir(join(app.dataDir, 'profiles'))).toEqual([])

  // Edited after export (the notes): a visible warning, and the button says "Import anyway".
  const edited = example.replace('Example setup shipped with Dialpad SSO Assistant', 'Example setup, edited by hand')
  await dropOnWindow(page, 'edited.dialpad-sso.json', edited)
  const warning = panel.getByRole('alert').filter({ hasText: 'Warning' })
  await expect(warning).toContainText('Warning: this bundle was edited.')
  await expect(warning).toContainText('This bundle was changed after it was exported')
  await expect(panel.getByRole('button', { name: 'Import as a new profile' })).toHaveCount(0)
  await expectNoAxeViolations(page)
  await panel.getByRole('button', { name: 'Import anyway', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Imported edited.dialpad-sso.json as the new profile “Example Inc.”.' })).toBeVisible()
  // Exported complete; here, what was made with the exporter's API key counts again once it is done with this profile's.
  await expect(profileCard(page, 'Example Inc.').getByRole('progressbar', { name: '9 of 13 steps done' })).toBeVisible()
  await expect(profileCard(page, 'Example Inc.').getByTestId('profile-status')).toHaveText(/^3 steps are out of date/)
  expect((await app.savedProfile('Example Inc.')).notes).toContain('Example setup, edited by hand')

  // The untouched example again: it matches the profile just imported, whose notes differ.
  await chooseBundleFile(page, 'example.dialpad-sso.json', example)
  await expect(panel.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0)
  const match = panel.getByRole('region', { name: 'Existing profile “Example Inc.”' })
  await expect(match.getByRole('row', { name: /^Notes / })).toContainText('edited by hand')
  await expect(match.getByRole('button', { name: 'Replace “Example Inc.”' })).toBeVisible()
  await panel.getByRole('button', { name: 'Cancel' }).click()
  await expect(panel).toHaveCount(0)
  expect((await app.savedProfile('Example Inc.')).notes).toContain('edited by hand')
})

/** ESC sequences that would clear a terminal and retitle its window, and a C1 CSI. */
const ANSI = '\u001b[2J\u001b]0;pwned\u0007\u009b31m'
const FORGED = '✓ PASS  Signature verified (forged)'

/** The classic file-name trick: a right-to-left override makes "…gnp.json" read as "…nosj.png". */
const HOSTILE_FILE = 'hostile\u202egnp.dialpad-sso.json'

/**
 * A bundle a forger wrote as the app would (progress, states and digest derived again): control, bidi and zero-width
 * characters and lines of their own in its notes, IdP Entity ID and a saved check's title and detail; `name` as given.
 */
function hostileBundle(example: string, name = 'Acme hostile', certificate?: string): string {
  const original = JSON.parse(example) as Bundle
  const edited = JSON.parse(example) as Bundle
  edited.profile.name = name
  if (certificate) {
    edited.profile.setup.idp.certificate = certificate
    edited.values = { ...edited.values, ...bundleValuesOf(edited.profile.setup, readStoredCertificate(certificate, new Date())) }
  }
  edited.profile.notes = `Ticket 1${ANSI}\n${FORGED}\n\u202eFAIL`
  edited.profile.setup.idp.entityIdInput = 'Jump\u202eCloud\u200b'
  edited.values.idpEntityId = edited.profile.setup.idp.entityIdInput
  const test = edited.profile.setup.scim.lastConnectionTest!
  test.steps[1] = { ...test.steps[1], title: `Dialpad accepts the API key\n${FORGED}`, detail: `Listed users.\n${FORGED}\u202e\u200b` }
  edited.latestChecks = latestChecksOf(edited.profile.setup)
  return asExported(edited as unknown as Record<string, unknown>, original)
}

/** A certificate (its base64 body) whose subject holds escape sequences, a bidi override and a line of its own. */
async function hostileCertificateBody(): Promise<string> {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 }
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: new x509.Name([{ '2.5.4.3': [{ utf8String: `JumpCloud${ANSI}\n${FORGED}\u202egnp.exe\u200b` }] }]),
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 300 * 86_400_000),
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5' },
    keys,
  })
  return Buffer.from(certificate.rawData).toString('base64')
}

/** No raw control, bidi or zero-width character, and no line separator, in what the page shows. */
async function expectShownAsCodes(region: Locator): Promise<void> {
  // eslint-disable-next-line no-control-regex
  expect(await region.innerText()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/)
}

for (const via of ['drop', 'picker'] as const) {
  test(`a hostile bundle imported by ${via} shows its control and bidi characters as codes in the preview, the wizard and the report, and prints no status line of its own`, async ({
    page,
    app,
  }) => {
    const example = await readFile(EXAMPLE_BUNDLE, 'utf8')
    const give = (name: string, content: string) => (via === 'drop' ? dropOnWindow(page, name, content) : chooseBundleFile(page, name, content))
    await app.open()
    const panel = importPanel(page)

    // A name the app would show in its own messages may hold no line separator or other invisible character: refused.
    await give(HOSTILE_FILE, hostileBundle(example, `Acme\u2028${FORGED}`))
    await expect(panel.getByRole('alert')).toContainText('A profile name is one line of text without control characters.')
    await expect(panel).toContainText('File: hostile\\u202egnp.dialpad-sso.json')
    await expectShownAsCodes(panel)
    await panel.getByRole('button', { name: 'Close' }).click()

    // The preview: every value from the file as data, and the wizard's warning on the Entity ID.
    await give(HOSTILE_FILE, hostileBundle(example, 'Acme hostile', await hostileCertificateBody()))
    const summary = panel.getByRole('definition')
    await expect(panel).toContainText('File: hostile\\u202egnp.dialpad-sso.json')
    await expect(summary.filter({ hasText: /^Acme hostile$/ })).toHaveCount(1)
    await expect(summary.filter({ hasText: 'Ticket 1\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m' })).toHaveCount(1)
    await expect(summary.filter({ hasText: '\\u202eFAIL' })).toHaveCount(1)
    await expect(panel).toContainText('The IdP Entity ID contains U+202E (a text-direction control character) at position 5.')
    // Node writes the subject's controls as RFC 2253 escapes (\1B, \0A); the bidi override and zero-width space as codes.
    await expect(summary.filter({ hasText: /^CN=JumpCloud\\1B\[2J/ })).toContainText(`\\0A${FORGED}\\u202egnp.exe\\u200b, valid until`)
    await expectShownAsCodes(panel)
    // The status it claims is derived again here, not taken from the file.
    await expect(summary.filter({ hasText: /^Finished/ })).toHaveCount(0)
    await panel.getByRole('button', { name: 'Import as a new profile' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Imported hostile\\u202egnp.dialpad-sso.json as the new profile “Acme hostile”.' })).toBeVisible()
    const card = profileCard(page, 'Acme hostile')
    await expectShownAsCodes(page.locator('main'))

    // The wizard: the profile's name, the Entity ID's warning, and the saved check's detail, all as data.
    await card.getByRole('button', { name: 'Open', exact: true }).click()
    await expect(page.getByRole('banner')).toContainText('Profile: Acme hostile')
    await page.getByRole('navigation').getByRole('button', { name: /Test the SCIM connection/ }).click()
    const detail = page.getByText('Listed users.\\u000a')
    await expect(detail).toContainText(`Listed users.\\u000a${FORGED}\\u202e\\u200b`)
    // Passed steps are folded behind "N checks passed"; opened, they show the forged text as data too.
    await page.getByText(/^✓ \d+ checks passed$/).click()
    await expect(page.getByText(`Dialpad accepts the API key\\u000a${FORGED}`)).toBeVisible()
    await expectShownAsCodes(page.locator('body'))
    // The summary names the certificate by its subject.
    await page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name: 'Summary and report' }).click()
    await expect(page.getByTestId('completion-certificate')).toContainText(`\\0A${FORGED}\\u202egnp.exe\\u200b is valid until`)
    await expectShownAsCodes(page.locator('body'))

    // The report: notes, Entity ID and check details as data, with the wizard's warning.
    await page.getByRole('banner').getByRole('button', { name: 'Setup report' }).click()
    await expect(page.getByRole('heading', { level: 1, name: /^Dialpad SSO setup report/ })).toBeFocused()
    await expect(page.getByText('Jump\\u202eCloud\\u200b').first()).toBeVisible()
    await expect(page.getByText('The IdP Entity ID contains U+202E (a text-direction control character) at position 5.').first()).toBeVisible()
    await expect(page.getByText(/Ticket 1\\u001b\[2J/)).toBeVisible()
    await expectShownAsCodes(page.locator('body'))
    // No line of the report starts with what the bundle tried to print, except inside the notes, which are the
    // admin's own lines of text (shown under their heading, as typed).
    const notes = await page.getByRole('region', { name: 'Notes' }).innerText()
    const lines = (await page.locator('body').innerText()).split('\n').map((line) => line.trim())
    expect(lines.filter((line) => /^(✓ )?PASS/.test(line))).toEqual(notes.includes(FORGED) ? [FORGED] : [])
  })
}

test('a bundle dropped while a profile is open takes the admin to its import preview, with the open profile saved first', async ({ page, app }) => {
  const example = await readFile(EXAMPLE_BUNDLE, 'utf8')
  await app.openWizard()
  await tickAll(page, PREREQUISITES)
  await dropOnWindow(page, 'example.dialpad-sso.json', example)
  await expect(importPanel(page)).toContainText('Example Inc.')
  await expect(profileCard(page, 'Test customer').getByRole('progressbar', { name: '1 of 13 steps done' })).toBeVisible()
  // Another kind of file dropped beside the wizard's drop zones is left alone.
  await app.openProfile('Test customer')
  await dropOnWindow(page, 'metadata.xml', '<EntityDescriptor/>')
  await expect(page.getByRole('heading', { level: 2, name: 'Before you start' })).toBeVisible()
  await expect(importPanel(page)).toHaveCount(0)
})

test('duplicate copies the setup without the key; names must stay unique; offline is shown', async ({ page, app }) => {
  await app.open()
  await page.getByRole('button', { name: 'Create profile' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Give the profile a name, for example the customer or its domain.' })).toBeVisible()
  await app.createProfile('Acme')
  await tickAll(page, PREREQUISITES)
  await expectSaved(page)
  await page.getByRole('button', { name: 'All profiles' }).click()
  const acme = await app.savedProfile('Acme')
  await app.secrets.set(acme.id, API_KEY_CANARY)
  await page.reload()
  await expect(profileCard(page, 'Acme').getByRole('progressbar', { name: '2 of 13 steps done' })).toBeVisible()

  await profileCard(page, 'Acme').getByRole('button', { name: 'Duplicate' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Duplicated “Acme” as “Acme (copy)” (without its API key).' })).toBeVisible()
  await expect(profileCard(page, 'Acme (copy)').getByRole('progressbar', { name: '1 of 13 steps done' })).toBeVisible()
  const copy = await app.savedProfile('Acme (copy)')
  expect(copy.setup).toEqual(acme.setup)
  expect(app.hasKeyFor(copy.id)).toBe(false)

  const copyCard = profileCard(page, 'Acme (copy)')
  await copyCard.getByRole('button', { name: 'Rename' }).click()
  await expect(copyCard.getByRole('button', { name: 'Rename' })).toHaveAttribute('aria-expanded', 'true')
  await page.getByLabel('New name for “Acme (copy)”').fill('ACME')
  await page.keyboard.press('Enter')
  await expect(copyCard.getByRole('alert').filter({ hasText: 'A profile named “ACME” already exists. Choose another name.' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByLabel('New name for “Acme (copy)”')).toHaveCount(0)
  await expect(copyCard.getByRole('button', { name: 'Rename' })).toBeFocused()
  expect((await app.savedProfile('Acme (copy)')).id).toBe(copy.id)

  // The wizard's report button, and back to the same step.
  await app.openProfile('Acme (copy)')
  await page.getByRole('button', { name: 'Setup report' }).click()
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible()
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByText('Profile: Acme (copy)', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'All profiles' }).click()

  await page.context().setOffline(true)
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toContainText('Live checks (SSO login, SCIM) need the network')
  await page.context().setOffline(false)
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible()
})

test('a bundle the OS asked the app to open is previewed at start-up, and when the window gets focus', async ({ page, app }) => {
  app.openedFiles.add([EXAMPLE_BUNDLE])
  await app.open()
  const panel = importPanel(page)
  await expect(panel).toContainText('example.dialpad-sso.json')
  await expect(panel.getByRole('definition').filter({ hasText: /^Example Inc\.$/ })).toHaveCount(1)
  await panel.getByRole('button', { name: 'Import as a new profile' }).click()
  await expect(profileCard(page, 'Example Inc.')).toBeVisible()

  // Opened again while the app runs (macOS "open-file", a second instance): seen when the window is focused.
  app.openedFiles.add([EXAMPLE_BUNDLE])
  await page.evaluate(() => window.dispatchEvent(new Event('focus')))
  await expect(panel.getByRole('region', { name: 'Existing profile “Example Inc.”' })).toContainText('replacing it changes nothing')
})
