import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { type Locator, type Page, expect } from '@playwright/test'
import { SETUP_SCHEMA_VERSION, type SetupState } from '../../src/shared/setupState'
import type { AppUnderTest } from './fixtures'

const EXAMPLE_BUNDLE = join(__dirname, '../../examples/example.dialpad-sso.json')

interface ExampleBundle {
  profile: { setup: SetupState }
}

/**
 * The example bundle's setup (changed by `adjust` if given), saved as a single setup file (as the app did before
 * profiles), with an API key in the keychain's old account: the app turns both into a first profile named after the
 * domain. That key is not the one the example's SCIM checks ran with, so what was made with the example's key is out
 * of date.
 */
export async function seedExampleSetup(app: AppUnderTest, apiKey: string, adjust: (setup: SetupState) => SetupState = (setup) => setup): Promise<SetupState> {
  const setup = adjust((JSON.parse(await readFile(EXAMPLE_BUNDLE, 'utf8')) as ExampleBundle).profile.setup)
  await writeFile(join(app.dataDir, 'setup.json'), JSON.stringify({ schemaVersion: SETUP_SCHEMA_VERSION, savedAt: new Date().toISOString(), setup }))
  await app.secrets.set('default', apiKey)
  return setup
}

export const PREREQUISITES = [
  'I can sign in to Dialpad as a Company Admin',
  'I can sign in to the JumpCloud Admin Portal',
  'I have a JumpCloud test user',
]

export const DIALPAD_CHECKS = ['I opened Admin Settings', 'I selected Custom', 'I kept the Dialpad tab open']

/** "Configure the Dialpad app in JumpCloud": creating the application, then its SSO tab. */
export const CREATE_APP_CHECKS = ['I signed in to the JumpCloud Admin Portal', 'typed Dialpad in the search bar', 'I entered a Display Label', 'opened its SSO tab']
export const SSO_TAB_CHECKS = ['I pasted the SP Entity ID and ACS URL', 'I clicked the created application again', 'is mapped to the JumpCloud attribute name email']

/** "Configure SAML in Dialpad". */
export const DIALPAD_SAML_CHECKS = ['I opened Admin Settings › My Company › Authentication › SAML.', 'I pasted the IdP Entity ID (Issuer)', 'I selected Save']
/** "Set up SAML users": the group, then the test login. */
export const SAML_USER_CHECKS = [
  'selected User Groups',
  'ticked the Dialpad SSO app',
  'I signed in to JumpCloud as a test user',
  'The Dialpad application is listed',
  'I opened the Dialpad login page',
  'I clicked “Login with Another Provider”',
  'the test user is logged in to Dialpad',
]

export async function tickAll(page: Page, labels: readonly string[]): Promise<void> {
  for (const label of labels) await page.getByRole('checkbox', { name: label }).check()
}

/**
 * A screenshot in test-results/screenshots, and with `docs`, also in docs/ where the README shows it: the README's
 * pictures are made by the tests, so they cannot go stale.
 */
export async function saveScreenshot(target: Page | Locator, name: string, options: { docs?: boolean; fullPage?: boolean } = {}): Promise<void> {
  await mkdir('test-results/screenshots', { recursive: true })
  const path = `test-results/screenshots/${name}`
  await ('goto' in target ? target.screenshot({ path, fullPage: options.fullPage ?? false }) : target.screenshot({ path }))
  if (options.docs) await copyFile(path, join(__dirname, `../../docs/${name}`))
}

/** Axe over the page, or over `include` only (a dialog or menu just opened over a page already checked). */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page })
  const results = await (include ? builder.include(include) : builder).analyze()
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(summary).toEqual([])
}

/** Waits until the autosave indicator confirms main has written the latest change. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByText('All changes saved')).toBeVisible()
}

/** A CopyField's button, named "Copy <label>" and then "Copied <label>" (its visible text stays part of its name). */
export function copyButton(page: Page, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return page.getByRole('button', { name: new RegExp(`^Cop(y|ied) ${escaped}$`) })
}

/** Drops a file on `target` as a drag from the file manager does. */
export async function dropFileOn(target: Locator, name: string, content: string, type: string): Promise<void> {
  const dataTransfer = await target.page().evaluateHandle(
    ({ name, content, type }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([content], name, { type }))
      return transfer
    },
    { name, content, type },
  )
  await target.dispatchEvent('dragover', { dataTransfer })
  await target.dispatchEvent('drop', { dataTransfer })
}

/** Drops a file on one of the wizard's drop zones ("metadata file", "certificate file"…). */
export async function dropFile(page: Page, zone: string, name: string, content: string): Promise<void> {
  await dropFileOn(page.getByTestId(`drop-zone: ${zone}`), name, content, 'text/xml')
}
