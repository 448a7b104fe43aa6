import { createHash, X509Certificate } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { exporterKeyOf, readBundle } from '../../src/core/bundle/bundleRead'
import { renderSetupReportHtml } from '../../src/core/report/reportHtml'
import { buildSetupReport, type ReportProfile } from '../../src/core/report/setupReport'
import { REDACTED, rememberSecret } from '../../src/core/secrets/redact'
import { WIZARD_STEPS } from '../../src/shared/wizard/steps'
import { EXAMPLE_BUNDLE } from '../support/bundles'
import { FAILED_CONNECTION, FILLED_KEY, PASSED_CONNECTION, filledSetup } from '../support/filledSetup'
import { type TestCertificate, makeTestCertificate } from '../support/testCertificates'

const NOW = new Date('2026-11-22T12:00:00.000Z')
const DAY_MS = 24 * 3600_000
/** The key the filled setup's SCIM check ran with (its last 4 characters as this test's key shows them). */
const KEY_STATUS = { stored: true, last4: 'WXYZ', backend: 'keychain', storedAt: FILLED_KEY.storedAt } as const

describe('setup report', () => {
  let cert: TestCertificate
  let expiring: TestCertificate
  let profile: ReportProfile

  beforeAll(async () => {
    cert = await makeTestCertificate({ commonName: 'JumpCloud', notBefore: new Date(NOW.getTime() - 10 * DAY_MS), notAfter: new Date(NOW.getTime() + 1000 * DAY_MS) })
    expiring = await makeTestCertificate({ commonName: 'JumpCloud old', notBefore: new Date(NOW.getTime() - 300 * DAY_MS), notAfter: new Date(NOW.getTime() + 10 * DAY_MS) })
    const setup = filledSetup(cert.bodySingleLine)
    profile = {
      name: 'Acme Widgets',
      notes: 'CHG-1042',
      createdAt: '2026-11-18T08:00:00.000Z',
      modifiedAt: '2026-11-21T10:31:00.000Z',
      setup: { ...setup, scim: { ...setup.scim, lastLifecycleTest: FAILED_CONNECTION } },
    }
  })

  it('gives JumpCloud Dialpad’s Base URL when the checks use a test-only address, warns, and marks informational steps', () => {
    const scim = { ...profile.setup.scim, baseUrlMode: 'custom' as const, customBaseUrl: 'http://127.0.0.1:9999/scim', lastConnectionTest: PASSED_CONNECTION }
    const custom = { ...profile, setup: { ...profile.setup, scim } }
    const report = buildSetupReport(custom, { keyStatus: KEY_STATUS, now: NOW, appVersion: '0.1.0' })
    const baseUrl = report.consoles.flatMap((c) => c.values).find((v) => v.label === 'SCIM Base URL')
    expect(baseUrl?.value).toBe('https://dialpad.com/scim')
    expect(report.consoles.flatMap((c) => c.values).find((v) => v.label === 'Test User Email')?.value).toBe('sso-test@acme-widgets.com')
    expect(report.warnings).toContain("For testing only: the SCIM checks use http://127.0.0.1:9999/scim instead of Dialpad's https://dialpad.com/scim. JumpCloud's Base URL must still be https://dialpad.com/scim.")
    // The result's own record says where it ran: here Dialpad's address, before the checks were pointed elsewhere.
    expect(report.checks.find((check) => check.title === 'SCIM connection test')).toMatchObject({ note: null, freshness: 'out-of-date' })
    const recorded = { at: PASSED_CONNECTION.checkedAt, against: { scimBaseUrl: 'http://127.0.0.1:9999/scim', apiKey: custom.setup.provenance.checks['scim-connection']?.against.apiKey } }
    const ranThere = { ...custom, setup: { ...custom.setup, provenance: { ...custom.setup.provenance, checks: { ...custom.setup.provenance.checks, 'scim-connection': recorded } } } }
    expect(buildSetupReport(ranThere, { keyStatus: KEY_STATUS, now: NOW, appVersion: '0.1.0' }).checks.find((check) => check.title === 'SCIM connection test')?.note).toBe(
      "Ran against the test-only address http://127.0.0.1:9999/scim, not Dialpad's.",
    )
    // A result saved before provenance says what the checks are set to now.
    const { 'scim-connection': _unrecorded, ...otherChecks } = custom.setup.provenance.checks
    const older = { ...custom, setup: { ...custom.setup, provenance: { ...custom.setup.provenance, checks: otherChecks } } }
    expect(buildSetupReport(older, { keyStatus: KEY_STATUS, now: NOW, appVersion: '0.1.0' }).checks.find((check) => check.title === 'SCIM connection test')?.note).toBe(
      "The SCIM checks are set to the test-only address http://127.0.0.1:9999/scim, not Dialpad's.",
    )
    const html = renderSetupReportHtml(report)
    expect(html).toContain('Dialpad answers as a SCIM 2.0 service</strong> <span class="quiet">(informational)</span>')
    expect(html).toContain('Steps marked informational can warn but never make the check fail.')
    expect(html.split('https://dialpad.com/scim').length).toBeGreaterThan(1)
  })

  it('gives the values for both consoles, each with the exact place it goes', () => {
    const report = buildSetupReport(profile, { keyStatus: KEY_STATUS, now: NOW, appVersion: '0.1.0' })
    const values = Object.fromEntries(report.consoles.flatMap((c) => c.values.map((v) => [`${c.console}: ${v.label}`, v])))
    expect(values['Dialpad: IdP Entity ID (Issuer)']).toMatchObject({ value: 'JumpCloud', where: expect.stringContaining('Admin Settings › My Company › Authentication › SAML') })
    expect(values['Dialpad: IdP SSO URL'].value).toBe('https://sso.jumpcloud.com/saml2/dialpad-acme')
    expect(values['Dialpad: Certificate']).toMatchObject({ value: cert.body, block: true })
    expect(values['JumpCloud: SP Entity ID']).toMatchObject({ value: 'https://dialpad.com/api/saml/metadata/custom/acme-widgets.com', where: expect.stringContaining('SSO tab') })
    expect(values['JumpCloud: ACS URL'].value).toBe('https://dialpad.com/saml/sso/custom/acme-widgets.com')
    expect(values['JumpCloud: Attribute mapping'].value).toBe('Service Provider Attribute Name email → JumpCloud attribute name email')
    expect(values['JumpCloud: SCIM Base URL']).toMatchObject({ value: 'https://dialpad.com/scim', where: expect.stringContaining('Identity Management tab → Base URL') })
    expect(values['JumpCloud: Token Key'].value).toBe('The Dialpad API key (never printed; it ends in …WXYZ).')
    expect(report.apiKey).toBe('Stored in the system keychain; ends in …WXYZ. The key itself is never printed.')
  })

  it('shows the company’s other email domains the login check accepts, or that there are none', () => {
    const none = buildSetupReport(profile, { keyStatus: KEY_STATUS, now: NOW, appVersion: '0.1.0' })
    expect(none.otherEmailDomains).toEqual([])
    expect(renderSetupReportHtml(none)).toContain('<dt>Other email domains</dt><dd>None (only the company domain)</dd>')
    const some = buildSetupReport({ ...profile, setup: { ...profile.setup, otherEmailDomains: ['acme.org', 'acme.co.uk'] } }, { keyStatus: KEY_STATUS, now: NOW, appVersion: '0.1.0' })
    expect(some.otherEmailDomains).toEqual(['acme.org', 'acme.co.uk'])
    expect(renderSetupReportHtml(some)).toContain('<dt>Other email domains</dt><dd>acme.org, acme.co.uk</dd>')
  })

  it('says what is missing and where to get it for a profile with nothing entered', () => {
    const report = buildSetupReport({ ...profile, setup: { ...profile.setup, domainInput: '', idp: { entityIdInput: '', ssoUrlInput: '', certificate: null, metadata: null } } }, { keyStatus: null, now: NOW, appVersion: '0.1.0' })
    const missing = report.consoles.flatMap((c) => c.values).filter((v) => v.value === null)
    expect(missing.map((v) => v.label)).toEqual(['IdP Entity ID (Issuer)', 'IdP SSO URL', 'Certificate', 'SP Entity ID', 'ACS URL'])
    expect(missing[0].missing).toMatch(/“Bring the IdP values back from JumpCloud”/)
    expect(missing[3].missing).toMatch(/Enter the company domain in “Enable SAML in Dialpad”/)
    expect(report.certificate).toBeNull()
  })

  it('shows the certificate card facts and warnings', () => {
    const report = buildSetupReport({ ...profile, setup: { ...profile.setup, idp: { ...profile.setup.idp, certificate: expiring.bodySingleLine } } }, { keyStatus: null, now: NOW, appVersion: '0.1.0' })
    expect(report.certificate).toMatchObject({
      readable: true,
      subject: 'CN=JumpCloud old, O=Dialpad SSO Tests, C=US',
      sha256: new X509Certificate(expiring.der).fingerprint256,
      daysToExpiry: 10,
      key: 'RSA 2048-bit',
      signatureAlgorithm: 'sha256WithRSAEncryption',
      warnings: [expect.stringMatching(/^This certificate expires on/)],
    })
  })

  it('opens with the overall status and shows each step once, with one state and what it is made of', () => {
    const report = buildSetupReport(profile, { keyStatus: KEY_STATUS, now: NOW, appVersion: '0.1.0' })
    expect(report.steps.map((s) => s.title)).toEqual(WIZARD_STEPS.map((s) => s.title))
    expect(Object.fromEntries(report.steps.map((s) => [s.id, s.state]))).toEqual({
      prerequisites: 'done',
      'enable-saml': 'done',
      'configure-jumpcloud': 'done',
      'idp-values': 'done',
      'configure-dialpad': 'done',
      'saml-users': 'done',
      'sso-login': 'skipped',
      'create-api-key': 'done',
      'store-api-key': 'done',
      'secondary-domain': 'not-started',
      'scim-connection': 'done',
      'scim-lifecycle': 'in-progress',
      'identity-management': 'not-started',
    })
    expect(report.progress).toEqual({ done: 10, total: WIZARD_STEPS.length })
    expect(report.overview).toMatchObject({
      kind: 'in-progress',
      headline: '10 of 13 steps done. 1 skipped, 3 not done yet.',
      skipped: [{ id: 'sso-login', number: 7, title: 'Check a real SSO login', note: 'Skipped by choice.' }],
    })
    const items = (id: string) => report.steps.find((s) => s.id === id)?.items.map((i) => [i.id, i.state])
    expect(items('prerequisites')).toEqual(WIZARD_STEPS[0].checklists[0].items.map((i) => [i.id, 'done']))
    // A skipped step lists the skip, and its check once (never run); a step done by its check never lists the skip.
    expect(items('sso-login')).toEqual([
      ['sso-login', 'not-done'],
      ['sso-login.skipped', 'done'],
    ])
    // A failed result saved before the app recorded provenance is neither trusted nor counted.
    expect(items('scim-lifecycle')).toEqual([['scim-lifecycle', 'unrecorded']])
    expect(items('scim-connection')).toEqual([['scim-connection', 'done']])
    expect(report.steps.find((s) => s.id === 'identity-management')?.items.find((i) => i.id === 'identity-management.saved')?.state).toBe('not-done')
  })

  it('says what became out of date after the domain changed, and what it was for, in the steps, checks and status', () => {
    const changed = { ...profile, setup: { ...profile.setup, domainInput: 'acme.com' } }
    const report = buildSetupReport(changed, { keyStatus: KEY_STATUS, now: NOW, appVersion: '0.1.0' })
    const outOfDate = report.steps.filter((s) => s.state === 'out-of-date')
    expect(outOfDate.map((s) => s.id)).toEqual(['enable-saml', 'configure-jumpcloud', 'saml-users'])
    expect(outOfDate.every((s) => s.note?.startsWith('Out of date: was for acme-widgets.com.'))).toBe(true)
    const pasted = report.steps.find((s) => s.id === 'configure-jumpcloud')?.items.find((i) => i.id === 'configure-jumpcloud.pasted-sp-values')
    expect(pasted).toMatchObject({ state: 'out-of-date', note: 'Out of date: was for acme-widgets.com. Tick it again for the current values.' })
    expect(report.overview).toMatchObject({ kind: 'out-of-date', headline: expect.stringMatching(/^3 steps are out of date/) })
    expect(report.progress.done).toBe(7)
    const html = renderSetupReportHtml(report)
    expect(html).toContain('Out of date: was for acme-widgets.com.')
    expect(html).toContain('<h2>Overall status</h2>')
  })

  it('marks a check made with another API key out of date, and says which', () => {
    const report = buildSetupReport(profile, { keyStatus: { ...KEY_STATUS, storedAt: '2026-11-22T09:00:00.000Z' }, now: NOW, appVersion: '0.1.0' })
    const scim = report.checks.find((c) => c.title === 'SCIM connection test')
    expect(scim).toMatchObject({ ok: true, freshness: 'out-of-date', freshnessNote: 'Out of date: was for the API key ending in …LAST stored 2026-11-21 10:00 UTC. Run it again for the current values.' })
    expect(report.steps.find((s) => s.id === 'scim-connection')?.state).toBe('out-of-date')
    expect(renderSetupReportHtml(report)).toContain('<span class="badge fail">Out of date</span>')
  })

  it('gives every check with its result, time, detail and fix, and the offline cross-checks as of now', () => {
    const report = buildSetupReport(profile, { keyStatus: KEY_STATUS, now: NOW, appVersion: '0.1.0' })
    expect(report.checks.map((c) => [c.title, c.ok, c.checkedAt])).toEqual([
      ['Offline SAML cross-checks', true, NOW.toISOString()],
      ['SCIM connection test', true, PASSED_CONNECTION.checkedAt],
      ['SCIM user lifecycle test', false, FAILED_CONNECTION.checkedAt],
    ])
    const failing = report.checks[2].steps.find((s) => s.status === 'fail')
    expect(failing).toMatchObject({ detail: 'Dialpad refused the API key (401 Unauthorized).', fix: expect.stringContaining('Authentication > API Keys') })
  })

  it('puts what was verified when on one timeline, oldest first', () => {
    const report = buildSetupReport(profile, { keyStatus: KEY_STATUS, now: NOW, appVersion: '0.1.0' })
    expect(report.timeline).toEqual([
      { at: '2026-11-18T08:00:00.000Z', event: 'Profile created.' },
      { at: '2026-11-19T14:02:00.000Z', event: 'JumpCloud’s metadata imported from JumpCloud-saml2-metadata.xml.' },
      { at: '2026-11-20T09:15:00.000Z', event: 'SCIM user lifecycle test failed (1 of 2 steps failed).' },
      { at: '2026-11-21T10:30:00.000Z', event: 'SCIM connection test passed.' },
      { at: '2026-11-21T10:31:00.000Z', event: 'Profile last changed.' },
      { at: NOW.toISOString(), event: 'This report made.' },
    ])
  })

  it('redacts an API key quoted anywhere, keeping only the last 4 characters of the stored one', () => {
    const key = 'report-canary-key-0123456789-WXYZ'
    rememberSecret(key)
    const leaky = { ...profile, notes: `pasted by mistake: ${key}`, setup: { ...profile.setup, scim: { ...profile.setup.scim, lastConnectionTest: { ...PASSED_CONNECTION, steps: [{ ...PASSED_CONNECTION.steps[0], detail: `Bearer ${key}` }] } } } }
    const html = renderSetupReportHtml(buildSetupReport(leaky, { keyStatus: KEY_STATUS, now: NOW, appVersion: '0.1.0' }))
    expect(html).not.toContain(key)
    expect(html).toContain(`pasted by mistake: ${REDACTED}`)
    expect(html).toContain(`Bearer ${REDACTED}`)
    expect(html).toContain('…WXYZ')
  })

  describe('HTML', () => {
    it('is one self-contained document: strict CSP allowing only its own style by hash, no script, no external resource', () => {
      const html = renderSetupReportHtml(buildSetupReport(profile, { keyStatus: KEY_STATUS, now: NOW, appVersion: '0.1.0' }))
      expect(html.startsWith('<!doctype html>')).toBe(true)
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? ''
      const hash = createHash('sha256').update(style, 'utf8').digest('base64')
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-${hash}&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;">`)
      expect(html.match(/<style>/g)).toHaveLength(1)
      expect(html).toContain('@media print')
      expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|\sstyle=|\son\w+=/i)
    })

    it('escapes every value', () => {
      const hostile = { ...profile, name: '<script>alert(1)</script>', notes: '<img src=x onerror="alert(2)"> & \'quoted\'' }
      const html = renderSetupReportHtml(buildSetupReport(hostile, { keyStatus: null, now: NOW, appVersion: '0.1.0' }))
      expect(html).not.toMatch(/<script|<img/i)
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; &#39;quoted&#39;')
    })

    it('prints the report of the shipped example bundle with its values, certificate, checklists, checks and timeline', async () => {
      const read = readBundle(await readFile(EXAMPLE_BUNDLE), NOW)
      if (read.kind !== 'valid') throw new Error('the example bundle is not valid')
      const { profile: example, exportedAt, appVersion } = read.bundle
      const html = renderSetupReportHtml(
        buildSetupReport(example, {
          keyStatus: null,
          now: NOW,
          appVersion: '0.1.0',
          bundle: { exportedAt, appVersion, keyHintLast4: null, digestMismatch: false, exporterKey: exporterKeyOf(read.bundle) ?? null },
        }),
      )
      for (const text of [
        'Dialpad SSO setup report: example.com',
        'https://dialpad.com/api/saml/metadata/custom/example.com',
        'https://dialpad.com/saml/sso/custom/example.com',
        'https://sso.jumpcloud.com/saml2/dialpad',
        read.certificate?.sha256 ?? 'missing',
        'SCIM user lifecycle test',
        'Not included: bundles never contain the API key.',
        'Timeline',
        // As exported: complete, the login check skipped (the exporter's key is what its SCIM checks ran with).
        'Finished: 12 steps done, 1 skipped.',
      ]) {
        expect(html).toContain(text)
      }
      expect(html.match(/class="step"/g)).toHaveLength(WIZARD_STEPS.length)
      expect(html).not.toContain('Out of date')
    })

    it('warns in the report itself when its bundle was edited after export', () => {
      const html = renderSetupReportHtml(
        buildSetupReport(profile, { keyStatus: null, now: NOW, appVersion: '0.1.0', bundle: { exportedAt: NOW.toISOString(), appVersion: '0.1.0', keyHintLast4: 'WXYZ', digestMismatch: true, exporterKey: null } }),
      )
      expect(html).toMatch(/<p class="alert" role="alert"><strong>Warning:<\/strong> The bundle this report was made from was changed after it was exported/)
      expect(html).toContain('The key used for this setup ends in …WXYZ.')
    })
  })
})
