import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { DIALPAD_CHECKS, PREREQUISITES, copyButton, expectNoAxeViolations, expectSaved, saveScreenshot, tickAll } from './support'

test('the step list shows each step’s state, any step can be opened at any time, and Next never refuses', async ({ page, app }) => {
  await app.openWizard()
  const steps = page.getByRole('navigation', { name: 'Setup steps' })
  const first = steps.getByRole('button', { name: /Before you start/ })
  const second = steps.getByRole('button', { name: /Enable SAML in Dialpad/ })

  await expect(page.getByText('Step 1 of 13')).toBeVisible()
  await expect(page.getByText('0 of 13 steps done')).toBeVisible()
  await expect(first).toHaveAttribute('aria-current', 'step')
  await expect(second).toBeEnabled()
  await expect(second).toHaveAccessibleName(/not started/)

  // Next moves on and says what the step left behind still needs.
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByText('Step 2 of 13')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: '“Before you start” is not done yet: Tick each item' })).toBeVisible()
  await expect(first).toHaveAccessibleName(/not started/)

  await first.click()
  await tickAll(page, PREREQUISITES)
  await expect(page.getByText('1 of 13 steps done')).toBeVisible()
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(second).toHaveAttribute('aria-current', 'step')
  await expect(first).toHaveAccessibleName(/done/)
  await expect(page.getByText('Step 2 of 13')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'not done yet' })).toHaveCount(0)

  // Any step, however far ahead.
  await steps.getByRole('button', { name: /Test the SCIM connection/ }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Test the SCIM connection' })).toBeVisible()
  await steps.getByRole('button', { name: /Enable Identity Management/ }).click()
  await page.getByRole('button', { name: 'Finish' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeFocused()
  await page.getByRole('button', { name: 'Back', exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Enable Identity Management in JumpCloud' })).toBeVisible()
})

test('the whole step can be done with the keyboard alone', async ({ page, app }) => {
  await app.openWizard()
  // Tick the three prerequisites: Tab to each checkbox and press Space.
  for (let ticked = 0; ticked < PREREQUISITES.length; ) {
    await page.keyboard.press('Tab')
    const focused = page.locator(':focus')
    if ((await focused.getAttribute('type')) === 'checkbox') {
      await page.keyboard.press('Space')
      ticked += 1
    }
  }
  await tabUntil(page, 'Next')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 2, name: 'Enable SAML in Dialpad' })).toBeFocused()

  await tabUntilLabel(page, 'Company domain')
  await page.keyboard.type('example.com')
  await tabUntil(page, 'Copy SP Entity ID')
  await page.keyboard.press('Enter')
  await expect(copyButton(page, 'SP Entity ID')).toHaveText('Copied')
  expect(app.clipboard.last).toBe('https://dialpad.com/api/saml/metadata/custom/example.com')
  for (const label of DIALPAD_CHECKS) {
    await tabUntilLabel(page, label)
    await page.keyboard.press('Space')
  }
  await expect(page.getByText('2 of 13 steps done')).toBeVisible()
})

async function tabUntil(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab')
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '')
    if (label.trim() === name) return
  }
  throw new Error(`Could not reach "${name}" with Tab`)
}

async function tabUntilLabel(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab')
    const label = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null
      return element?.labels?.[0]?.textContent ?? ''
    })
    if (label.includes(text)) return
  }
  throw new Error(`Could not reach the field labelled "${text}" with Tab`)
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations and a screenshot in the ${colorScheme} theme`, async ({ page, app }) => {
    await page.emulateMedia({ colorScheme })
    await app.openWizard()
    await expectNoAxeViolations(page)
    await tickAll(page, PREREQUISITES)
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByLabel('Company domain').fill('example.com')
    await expect(page.getByRole('button', { name: 'Copy ACS URL' })).toBeVisible()
    await page.getByLabel('Company domain').blur()
    await expectNoAxeViolations(page)
    await page.getByLabel('Company domain').fill('https://example.com')
    await expectNoAxeViolations(page)
    await page.getByLabel('Company domain').fill('example.com')
    await page.getByLabel('Company domain').blur()
    await expectSaved(page)

    await saveScreenshot(page, `wizard-${colorScheme}.png`, { fullPage: true })
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(21, 23, 28)' : 'rgb(246, 247, 249)')
  })
}
