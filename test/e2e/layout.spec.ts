import { mkdir, rename, rmdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { CheckStep } from '../../src/shared/checkRun'
import { WIZARD_STEPS } from '../../src/shared/wizard/steps'
import { jumpCloudMetadataXml } from '../support/idpMetadataXml'
import { makeTestCertificate } from '../support/testCertificates'
import { expect, test } from './fixtures'
import { dropFile, expectNoAxeViolations, expectSaved, saveScreenshot, seedExampleSetup } from './support'

const EXAMPLE_BUNDLE = join(__dirname, '../../examples/example.dialpad-sso.json')

const API_KEY = 'dpk_layout_walk_0123456789abcdefWXYZ'

/** The window sizes the app must work in: a laptop, and the smallest window it supports. */
const SIZES = [
  { name: 'wide', width: 1280, height: 800 },
  { name: '800x600', width: 800, height: 600 },
] as const

/** A services check that found two problems among eleven steps: step 7 as an admin behind a broken proxy sees it. */
function servicesCheckWithTwoProblems(): { ok: boolean; checkedAt: string; steps: CheckStep[] } {
  const pass = (id: string, title: string, detail: string): CheckStep => ({ id, title, status: 'pass', durationMs: 40, detail, decisive: true })
  return {
    ok: false,
    checkedAt: '2026-12-06T18:20:00.000Z',
    steps: [
      pass('dns-dialpad', 'dialpad.com resolves', 'dialpad.com has an address.'),
      pass('tls-dialpad', 'Dialpad’s certificate is trusted', 'The certificate chain of dialpad.com is valid.'),
      {
        id: 'sp-metadata',
        title: 'Dialpad has SAML saved with the Custom provider for example.com',
        status: 'fail',
        durationMs: 1200,
        detail:
          'Dialpad’s server name dialpad.com could not be found (ENOTFOUND) when asking https://dialpad.com/api/saml/metadata/custom/example.com/with/a/rather/long/path/that/must/wrap.',
        fix: 'Check this computer is online, and on a company network that a proxy must be set (HTTPS_PROXY).',
        decisive: true,
      },
      pass('sp-entity', 'The SP Entity ID matches', 'https://dialpad.com/api/saml/metadata/custom/example.com'),
      pass('sp-acs', 'The ACS URL matches', 'https://dialpad.com/saml/sso/custom/example.com'),
      {
        id: 'idp-reachable',
        title: 'The IdP SSO URL answers over a trusted connection',
        status: 'fail',
        durationMs: 900,
        detail: 'JumpCloud’s server name sso.jumpcloud.com could not be found (ENOTFOUND).',
        fix: 'Check the IdP SSO URL is JumpCloud’s IDP URL for the Dialpad app, then run the check again.',
        decisive: true,
      },
      pass('clock', 'This computer’s clock is right', 'Within 2 seconds of Dialpad’s clock.'),
      pass('idp-tls', 'JumpCloud’s certificate is trusted', 'The certificate chain of sso.jumpcloud.com is valid.'),
      pass('idp-binding', 'The IdP takes HTTP-Redirect', 'JumpCloud answered the AuthnRequest with its login page.'),
      pass('idp-entity', 'The IdP Entity ID is set', 'JumpCloud'),
      pass('cert', 'The certificate is JumpCloud’s', 'SHA-256 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89'),
    ],
  }
}

/** Relative luminance and contrast ratio as WCAG 2 defines them. */
function contrastScript() {
  return () => {
    const channel = (value: number) => {
      const c = value / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number)
    const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    const background = (element: Element | null): number[] => {
      for (let at = element; at; at = at.parentElement) {
        const [r, g, b, a = 1] = rgb(getComputedStyle(at).backgroundColor)
        if (a > 0) return [r, g, b]
      }
      return [255, 255, 255]
    }
    return [...document.querySelectorAll<HTMLElement>('button:disabled, input:disabled, textarea:disabled, select:disabled')]
      .filter((element) => element.getClientRects().length > 0 && element.offsetWidth > 2)
      .map((element) => {
        const fore = luminance(rgb(getComputedStyle(element).color))
        const back = luminance(background(element))
        const ratio = (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05)
        return { name: element.textContent?.trim() || element.getAttribute('aria-label') || element.id || element.tagName, ratio: Math.round(ratio * 100) / 100 }
      })
  }
}

/** Every element that sticks out of the window, unless a box inside the window clips or scrolls it. */
function overflowScript() {
  return () => {
    const root = document.documentElement
    const width = root.clientWidth
    const found: string[] = []
    if (root.scrollWidth > width) found.push(`the page is ${root.scrollWidth} px wide in a ${width} px window`)
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ').join('.')}` : ''} “${(element.textContent ?? '').trim().slice(0, 40)}”`
    for (const element of document.body.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect()
      if (rect.width === 0 || rect.height === 0) continue
      if (rect.right <= width + 1 && rect.left >= -1 && rect.width <= width) continue
      let clipped = false
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') {
          const box = parent.getBoundingClientRect()
          if (box.right <= width + 1 && box.left >= -1) clipped = true
          break
        }
      }
      if (!clipped) found.push(`${describe(element)} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px`)
    }
    return found.slice(0, 8)
  }
}

/**
 * Words of prose cut in two at a line end (“chang|ed”). Values that may wrap anywhere (code, certificates, URLs in
 * their own boxes) are left out.
 */
function cutWordsScript() {
  return () => {
    const found: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node && found.length < 8; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || parent.closest('code, pre, textarea, .copy-field__value, .report__block') || parent.getClientRects().length === 0) continue
      const text = node.textContent ?? ''
      // A word: up to 24 characters between spaces (a longer run is a URL or a fingerprint, free to wrap anywhere),
      // and within it each part between hyphens and slashes, where a line may end.
      for (const token of text.matchAll(/\S+/g)) {
        if (token[0].length > 24) continue
        for (const part of token[0].matchAll(/[^-/‐]{2,}/g)) {
          const start = token.index + part.index
          const range = document.createRange()
          range.setStart(node, start)
          range.setEnd(node, start + part[0].length)
          const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)))
          if (lines.size > 1) found.push(`“${part[0]}” in “${text.trim().slice(0, 60)}”`)
        }
      }
    }
    return found
  }
}

interface Walk {
  page: Page
  /** The theme and size, for screenshot names. */
  name: string
  /** Disabled controls measured over the whole walk. */
  disabledMeasured: number
}

/** What every view must be at every size, in both themes: inside the window, accessible, readable when disabled. */
async function expectCalm(walk: Walk, view: string, options: { primaries?: number; axeScope?: string } = {}): Promise<void> {
  const { page } = walk
  expect(await page.evaluate(overflowScript()), `${view}: nothing wider than the window`).toEqual([])
  expect(await page.evaluate(cutWordsScript()), `${view}: no word cut in two`).toEqual([])
  const disabled = await page.evaluate(contrastScript())
  for (const control of disabled) expect(control.ratio, `${view}: “${control.name}” (disabled) text contrast`).toBeGreaterThanOrEqual(3)
  walk.disabledMeasured += disabled.length
  if (options.primaries !== undefined) {
    // Primary by how it looks: filled with the accent colour.
    const primaries = await page.evaluate(() => {
      const probe = document.createElement('span')
      probe.style.backgroundColor = 'var(--accent)'
      document.body.append(probe)
      const accent = getComputedStyle(probe).backgroundColor
      probe.remove()
      return [...document.querySelectorAll<HTMLElement>('button, a')]
        .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).backgroundColor === accent)
        .map((element) => element.textContent?.trim() ?? '')
    })
    expect(primaries.length, `${view}: primary actions (${primaries.join(', ')})`).toBeLessThanOrEqual(options.primaries)
  }
  await expectNoAxeViolations(page, options.axeScope)
}

/** The step list: in the sidebar when the window is wide, behind the compact header's menu when it is not. */
async function openStep(page: Page, name: RegExp): Promise<void> {
  const toggle = page.locator('.step-menu__toggle')
  if (await toggle.isVisible()) {
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  }
  await page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name }).click()
  if (await toggle.isVisible()) await expect(toggle).toHaveAttribute('aria-expanded', 'false')
}

/** A confirmation dialog: checked like a view (and kept as a screenshot in test-results to look at), then cancelled (nothing happens). */
async function expectCalmDialog(walk: Walk, dialog: Locator, view: string, cancel: string): Promise<void> {
  await expect(dialog).toBeVisible()
  await expectCalm(walk, `${view} dialog`, { axeScope: 'dialog' })
  await saveScreenshot(walk.page, `dialog-${view.replace(/\W+/g, '-')}-${walk.name}.png`)
  await dialog.getByRole('button', { name: cancel }).click()
  await expect(dialog).toHaveCount(0)
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

for (const colorScheme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    test(`at ${size.width}×${size.height} in the ${colorScheme} theme every view fits the window, has no accessibility violations and readable disabled controls`, async ({ page, app }) => {
      test.setTimeout(180_000)
      await page.setViewportSize({ width: size.width, height: size.height })
      await page.emulateMedia({ colorScheme })
      const other = await makeTestCertificate({ commonName: 'rotated.jumpcloud.example' })
      const seeded = await seedExampleSetup(app, API_KEY, (setup) => ({ ...setup, sso: { ...setup.sso, lastServicesCheck: servicesCheckWithTwoProblems() } }))
      const walk: Walk = { page, name: `${colorScheme}-${size.name}`, disabledMeasured: 0 }

      // The profile list, and deleting a profile's dialog.
      await app.open()
      await expectCalm(walk, 'profile list', { primaries: 1 })
      await page.getByRole('article', { name: 'example.com', exact: true }).getByRole('button', { name: 'Delete…' }).click()
      await expectCalmDialog(walk, page.getByRole('dialog', { name: 'Delete “example.com”?' }), 'delete profile', 'Cancel')

      // A card's rename and export forms: their button is the view's one main action while open.
      const card = page.getByRole('article', { name: 'example.com', exact: true })
      await card.getByRole('button', { name: 'Rename' }).click()
      await expectCalm(walk, 'rename form', { primaries: 1 })
      await page.keyboard.press('Escape')
      await card.getByRole('button', { name: 'Export bundle…' }).click()
      await expectCalm(walk, 'export form', { primaries: 1 })
      await card.getByRole('button', { name: 'Cancel' }).click()
      await expect(card.getByRole('button', { name: 'Save bundle file' })).toHaveCount(0)

      // A bundle's import preview, with the differences from the profile it matches.
      await page.getByLabel('Import bundle…').setInputFiles(EXAMPLE_BUNDLE)
      const preview = page.getByRole('region', { name: 'Import a configuration bundle' })
      await expect(preview.getByRole('region', { name: 'Existing profile “example.com”' })).toBeVisible()
      await expectCalm(walk, 'import preview', { primaries: 1 })
      await saveScreenshot(page, `import-preview-${walk.name}.png`, { fullPage: true })
      await preview.getByRole('button', { name: 'Cancel' }).click()
      await expect(preview).toHaveCount(0)

      // Scrolled down the list, opening the profile starts at the top of its step, with focus on the step's title.
      await page.mouse.wheel(0, 2000)
      await app.openProfile('example.com')
      const heading = page.getByRole('heading', { level: 2 })
      await expect(heading).toBeFocused()
      expect(await page.evaluate(() => window.scrollY)).toBe(0)

      if (size.width < 1000) {
        // The step list is a compact header: the current step, progress and a menu.
        const toggle = page.locator('.step-menu__toggle')
        await expect(toggle).toBeVisible()
        await expect(page.getByRole('navigation', { name: 'Setup steps' })).toBeHidden()
        await toggle.click()
        await expect(page.getByRole('navigation', { name: 'Setup steps' })).toBeVisible()
        await expectCalm(walk, 'step menu open', { axeScope: '.app__sidebar' })
        await saveScreenshot(page, `step-menu-${colorScheme}.png`)
        // Escape closes the menu and gives focus back to its button.
        await page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button').first().focus()
        await page.keyboard.press('Escape')
        await expect(page.getByRole('navigation', { name: 'Setup steps' })).toBeHidden()
        await expect(toggle).toBeFocused()
        await expect(toggle).toHaveAttribute('aria-expanded', 'false')
      } else {
        await expect(page.getByRole('navigation', { name: 'Setup steps' })).toBeVisible()
        await expect(page.locator('.step-menu__toggle')).toBeHidden()
      }

      for (const [index, step] of WIZARD_STEPS.entries()) {
        const number = index + 1
        const title = new RegExp(`^${number}\\. ${escape(step.title)}`)
        await openStep(page, title)
        await expect(page.getByRole('heading', { level: 2, name: step.title })).toBeFocused()
        expect(await page.evaluate(() => window.scrollY), `${step.title} starts at its top`).toBe(0)
        await expectCalm(walk, `step ${number}`, { primaries: 1 })

        if (step.id === 'enable-saml') {
          const domain = page.getByLabel('Company domain')
          await domain.fill('https://www.Acme-Corp.COM/')
          await domain.press('Enter')
          await expectCalmDialog(walk, page.getByRole('dialog', { name: 'Change the company domain to acme-corp.com?' }), 'domain change', 'Keep example.com')
          await page.getByRole('radio', { name: /Sandbox/ }).click()
          await expectCalmDialog(walk, page.getByRole('dialog', { name: /Switch to Dialpad Sandbox/ }), 'environment change', 'Keep Production')
        }
        if (step.id === 'idp-values') {
          await page.getByLabel('Or paste the certificate').fill(other.pem)
          await page.getByRole('button', { name: 'Use pasted certificate' }).click()
          await expectCalmDialog(walk, page.getByRole('dialog', { name: 'Replace the IdP certificate?' }), 'certificate replacement', 'Keep the current certificate')
          // Metadata with the same certificate but other values: what it would make out of date, asked first.
          await dropFile(page, 'metadata file', 'JumpCloud-moved.xml', jumpCloudMetadataXml({ entityId: 'JumpCloud-moved', certificates: [seeded.idp.certificate ?? ''] }))
          await expectCalmDialog(walk, page.getByRole('dialog', { name: 'Change the IdP values?' }), 'IdP values change', 'Keep the current values')
        }
        if (step.id === 'sso-login') {
          // Two problems first; the nine passes folded into one line that opens.
          const results = page.getByRole('list', { name: 'Check Dialpad and JumpCloud results' })
          await expect(results.locator(':scope > li').first()).toHaveAttribute('data-status', 'fail')
          const passed = results.getByText('9 checks passed')
          await expect(passed).toBeVisible()
          await expect(results.locator('[data-check-id="clock"]')).toBeHidden()
          await passed.click()
          await expect(results.locator('[data-check-id="clock"]')).toBeVisible()
          await expectCalm(walk, 'step 7 with the passes open', { primaries: 1, axeScope: '.check-list__fold' })
          await passed.click()
          await page.evaluate(() => {
            ;(document.activeElement as HTMLElement | null)?.blur()
            window.scrollTo(0, 0)
          })
          await saveScreenshot(page, `wizard-${colorScheme}-${size.name}.png`, { docs: true })
        }
        if (step.id === 'store-api-key') {
          await page.getByRole('button', { name: 'Delete key' }).click()
          await expectCalmDialog(walk, page.getByRole('dialog', { name: 'Delete the stored API key?' }), 'delete key', 'Cancel')
          await page.getByRole('button', { name: 'Replace key' }).click()
          await expect(page.getByRole('button', { name: 'Store in keychain' })).toBeDisabled()
          await expectCalm(walk, 'replacing the key', { primaries: 1, axeScope: 'main' })
        }
        if (step.id === 'scim-lifecycle') {
          await page.getByRole('button', { name: 'Create and delete a test user' }).click()
          await expectCalmDialog(walk, page.getByRole('dialog', { name: 'Create a real test user in Dialpad?' }), 'lifecycle test', 'Not now')
        }
        if (step.id === 'identity-management') {
          await page.getByRole('button', { name: 'Copy API key for Token Key' }).click()
          await expectCalmDialog(walk, page.getByRole('dialog', { name: 'Copy the API key to the clipboard?' }), 'copy key', 'Cancel')
          expect(app.clipboard.last ?? '').not.toContain(API_KEY)
        }
      }

      // Leaving after a save failed asks in the app's own dialog (the profile file is made unwritable for a moment).
      const file = join(app.dataDir, 'profiles', `${(await app.savedProfile('example.com')).id}.json`)
      await rename(file, `${file}.aside`)
      await mkdir(file)
      await page.getByRole('checkbox').first().click()
      await expect(page.getByRole('banner').getByRole('alert')).toBeVisible()
      await page.getByRole('button', { name: 'All profiles' }).click()
      await saveScreenshot(page, `leave-after-failed-save-${colorScheme}-${size.name}.png`)
      await expectCalmDialog(walk, page.getByRole('dialog', { name: 'Leave without your latest changes?' }), 'leave after a failed save', 'Stay in the profile')
      await rmdir(file)
      await rename(`${file}.aside`, file)
      await page.getByRole('button', { name: 'Try again' }).click()
      await expectSaved(page)

      await openStep(page, /Summary and report/)
      await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeFocused()
      await expectCalm(walk, 'summary', { primaries: 1 })

      await page.getByRole('button', { name: 'Setup report', exact: true }).click()
      await expect(page.getByRole('heading', { level: 1, name: /Dialpad SSO setup report/ })).toBeFocused()
      await expectCalm(walk, 'setup report', { primaries: 1 })

      // “Back” on step 1 and “Store in keychain” with no key typed were measured, at least.
      expect(walk.disabledMeasured).toBeGreaterThanOrEqual(1)
    })
  }
}
