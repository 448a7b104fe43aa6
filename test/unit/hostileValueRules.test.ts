import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { escapeHtml } from '../../src/core/report/reportHtml'
import { displayText } from '../../src/shared/displayText'
import { checkIdpEntityId, checkIdpSsoUrl, type FieldVerdict } from '../../src/shared/idpValues'
import type { Bundle } from '../../src/shared/bundle'
import type { SetupState } from '../../src/shared/setupState'
import { EXAMPLE_BUNDLE, asExported } from '../support/bundles'
import { escapeXml, jumpCloudMetadataXml } from '../support/idpMetadataXml'
import { makeTestCertificate } from '../support/testCertificates'
import { runCliCaptured } from './support/cliRun'

/**
 * Class 5 of the hostile-input issue: one set of value rules. A value gets the wizard's own error or warnings
 * (checkIdpSsoUrl, checkIdpEntityId) wherever it enters: the `metadata` command (text and JSON), a bundle
 * (`bundle validate`, `bundle import`) and the setup report (`report --bundle`).
 */
interface Case {
  field: 'IdP SSO URL' | 'IdP Entity ID'
  value: string
  /** XML 1.0 cannot carry C0 control characters: those values only arrive in a bundle. */
  bundleOnly?: boolean
}

const CASES: Case[] = [
  { field: 'IdP SSO URL', value: 'javascript:alert(document.cookie)' },
  { field: 'IdP SSO URL', value: 'file:///etc/passwd' },
  { field: 'IdP SSO URL', value: 'http://sso.jumpcloud.com/saml2/dialpad' },
  { field: 'IdP SSO URL', value: 'data:text/html,<script>alert(1)</script>' },
  { field: 'IdP SSO URL', value: 'vbscript:msgbox(1)' },
  { field: 'IdP SSO URL', value: 'ftp://sso.jumpcloud.com/saml2/dialpad' },
  { field: 'IdP SSO URL', value: 'https://admin:hunter2@sso.jumpcloud.com/saml2/dialpad' },
  { field: 'IdP SSO URL', value: 'https://sso.jumpcloud.com/saml2/dialpad#x' },
  { field: 'IdP SSO URL', value: 'https://sso.jumpcloud.com/saml2/dial\u0007pad', bundleOnly: true },
  { field: 'IdP SSO URL', value: 'https://sso.jumpcloud.com/saml2/dial\u200bpad' },
  { field: 'IdP SSO URL', value: 'https://sso.jumpcloud.com.evil.example/saml2/dialpad' },
  { field: 'IdP SSO URL', value: 'https://sso.jumpcloud.com/saml2/dialpad' },
  { field: 'IdP Entity ID', value: ' JumpCloud ' },
  { field: 'IdP Entity ID', value: 'Jump\u200bCloud' },
  { field: 'IdP Entity ID', value: 'Jump\u202eCloud' },
  { field: 'IdP Entity ID', value: 'Jump\nCloud', bundleOnly: true },
  { field: 'IdP Entity ID', value: 'JumpCloud\u0000', bundleOnly: true },
]

const verdictOf = ({ field, value }: Case): FieldVerdict => (field === 'IdP SSO URL' ? checkIdpSsoUrl(value) : checkIdpEntityId(value))

let dir: string
let certificateBody: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dpsso-rules-'))
  certificateBody = (await makeTestCertificate()).bodySingleLine
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const run = (argv: string[]) => runCliCaptured(argv, { env: {} })

/** The wizard's messages as the terminal shows them (one line, invisible characters by their code). */
const shown = (message: string) => displayText(message)

async function bundleWith(c: Case, name: string): Promise<string> {
  const bundle = JSON.parse(await readFile(EXAMPLE_BUNDLE, 'utf8')) as {
    profile: { setup: SetupState & { idp: Record<string, unknown> } }
    values: Record<string, unknown>
    progress: { done: number; total: number }
  }
  if (c.field === 'IdP SSO URL') {
    bundle.profile.setup.idp.ssoUrlInput = c.value
    bundle.values.idpSsoUrl = c.value.trim() || null
  } else {
    bundle.profile.setup.idp.entityIdInput = c.value
    bundle.values.idpEntityId = c.value.trim() === '' ? null : c.value
  }
  bundle.profile.setup.idp.metadata = null
  const path = join(dir, `${name}.dialpad-sso.json`)
  // As the exporting app would have written it with this value (step states derived again).
  await writeFile(path, asExported(bundle, JSON.parse(await readFile(EXAMPLE_BUNDLE, 'utf8')) as Bundle))
  return path
}

describe('the same error and warnings for a value wherever it enters', () => {
  it.each(CASES.map((c, index) => ({ ...c, index })))('$field $value', async (c) => {
    const verdict = verdictOf(c)
    const label = c.field === 'IdP SSO URL' ? 'IdP SSO URL' : 'IdP Entity ID'

    if (!c.bundleOnly) {
      const xml = jumpCloudMetadataXml({ certificates: [certificateBody], ...(c.field === 'IdP SSO URL' ? { ssoUrl: c.value } : {}) })
      const withEntity = c.field === 'IdP Entity ID' ? xml.replace('entityID="JumpCloud"', `entityID="${escapeXml(c.value)}"`) : xml
      await writeFile(join(dir, `m${c.index}.xml`), withEntity)
      const text = await run(['metadata', join(dir, `m${c.index}.xml`)])
      expect(text.code).toBe(verdict.error ? 1 : 0)
      if (verdict.error) {
        expect(text.stdout).toMatch(/^Not ready for Dialpad/)
        expect(text.stdout).toContain(`    Problem: ${shown(verdict.error)}`)
      } else {
        expect(text.stdout).toMatch(/^Paste into Dialpad/)
      }
      for (const warning of verdict.warnings) expect(text.stdout).toContain(`    Warning: ${shown(warning)}`)

      const json = await run(['metadata', join(dir, `m${c.index}.xml`), '--json'])
      const parsed = JSON.parse(json.stdout) as { ready: boolean; problems: { field: string; level: string; message: string }[] }
      expect(parsed.ready).toBe(verdict.error === null)
      expect(parsed.problems.filter((problem) => problem.field === label)).toEqual([
        ...(verdict.error ? [{ field: label, level: 'error', message: verdict.error }] : []),
        ...verdict.warnings.map((message) => ({ field: label, level: 'warning', message })),
      ])
    }

    const bundle = await bundleWith(c, `b${c.index}`)
    const validated = await run(['bundle', 'validate', bundle])
    expect(validated.code).toBe(0)
    if (verdict.error) expect(validated.stdout).toContain(`Problem       ${shown(`${label}: ${verdict.error}`)}`)
    for (const warning of verdict.warnings) expect(validated.stdout).toContain(`Warning       ${shown(`${label}: ${warning}`)}`)
    if (!verdict.error && verdict.warnings.length === 0) expect(validated.stdout).not.toMatch(/^(Problem|Warning) /m)

    const imported = await run(['bundle', 'import', bundle, '--data-dir', join(dir, `data${c.index}`)])
    expect(imported.code).toBe(0)
    if (verdict.error) expect(imported.stderr).toContain(`Problem in the bundle (the profile's step will show it until it is fixed): ${shown(`${label}: ${verdict.error}`)}`)

    const reportFile = join(dir, `r${c.index}.html`)
    expect((await run(['report', '--bundle', bundle, '--out', reportFile])).code).toBe(0)
    const html = await readFile(reportFile, 'utf8')
    if (verdict.error) expect(html).toContain(`<strong>Problem:</strong> ${escapeHtml(shown(verdict.error))}`)
    for (const warning of verdict.warnings) expect(html).toContain(`<strong>Warning:</strong> ${escapeHtml(shown(warning))}`)
  })

  it('covers errors and warnings of both fields', () => {
    const verdicts = CASES.map(verdictOf)
    expect(verdicts.filter((verdict) => verdict.error).length).toBeGreaterThanOrEqual(10)
    expect(verdicts.filter((verdict) => verdict.warnings.length > 0).length).toBeGreaterThanOrEqual(4)
  })
})
