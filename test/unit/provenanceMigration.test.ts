import { X509Certificate } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bundleDigest } from '../../src/core/bundle/bundleExport'
import { applyBundleImport, previewBundleImport } from '../../src/core/bundle/bundleImport'
import { readBundle } from '../../src/core/bundle/bundleRead'
import { PROFILE_SCHEMA_VERSION } from '../../src/core/profiles/profileDocument'
import { PROFILES_FOLDER } from '../../src/core/profiles/profileStore'
import { recoverProvenance } from '../../src/core/setup/setupMigrations'
import { validateSamlResponse } from '../../src/core/sso/response/validateSamlResponse'
import type { Bundle } from '../../src/shared/bundle'
import type { CheckRun } from '../../src/shared/checkRun'
import { wizardFacts } from '../../src/shared/provenance'
import type { SetupState } from '../../src/shared/setupState'
import { deriveSpValues } from '../../src/shared/spValues'
import { deriveSetupStatus } from '../../src/shared/wizard/stepState'
import { exported } from '../support/bundles'
import { filledSetup } from '../support/filledSetup'
import { profileStoreIn } from '../support/profileStores'
import { makeTestIdp, signedResponse, type TestIdp } from '../support/samlTestIdp'
import { useTempDirs } from '../support/tempDir'

const DOMAIN = 'acme-widgets.com'
const SP = deriveSpValues(DOMAIN, 'production')
const NOW = new Date('2026-03-02T10:00:00Z')
const PROFILE_ID = '3f2b8c1e-5a6d-4e7f-8a9b-0c1d2e3f4a5b'

let idp: TestIdp
let loginCheck: CheckRun

/** A version-3 setup as an earlier app saved it: every SAML tick, the SP values copied, a passed SSO login check. */
function version3Setup(overrides: Partial<SetupState> = {}): Omit<SetupState, 'provenance'> {
  const { provenance: _provenance, ...setup } = filledSetup(idp.certificateBody, {
    sso: { lastServicesCheck: null, lastLoginCheck: { source: 'pasted', run: loginCheck } },
    idp: { entityIdInput: 'JumpCloud', ssoUrlInput: 'https://sso.jumpcloud.com/saml2/dialpad-acme', certificate: idp.certificateBody, metadata: null },
    ...overrides,
  })
  // The login was checked, not skipped.
  const { 'sso-login.skipped': _skipped, ...checklist } = setup.checklist
  return { ...setup, checklist }
}

beforeAll(async () => {
  idp = await makeTestIdp()
  // A real result of the login check, with the details the app wrote then.
  const text = signedResponse(idp, SP, { issuedAt: new Date(NOW.getTime() - 20_000), nameId: `jane.doe@${DOMAIN}` })
  const checked = await validateSamlResponse(
    { text },
    { spEntityId: SP.spEntityId, acsUrl: SP.acsUrl, companyDomain: DOMAIN, idpEntityId: 'JumpCloud', idpCertificate: idp.certificateBody, requestId: null },
    { now: NOW },
  )
  loginCheck = checked.run
  expect(loginCheck.ok).toBe(true)
})

describe('results saved before provenance existed', () => {
  it('recover what they carry: the SP values copied to JumpCloud, and the SSO check’s audience, issuer and certificate', () => {
    const fingerprint = new X509Certificate(Buffer.from(idp.certificateBody, 'base64')).fingerprint256
    expect(recoverProvenance(version3Setup() as unknown as Record<string, unknown>)).toEqual({
      ticks: { 'configure-jumpcloud.pasted-sp-values': { at: null, against: { domain: DOMAIN, env: 'production' } } },
      // Version 3 accepted no other email domains, so the check was made against none.
      checks: { 'sso-login': { at: loginCheck.checkedAt, against: { domain: DOMAIN, env: 'production', idpEntityId: 'JumpCloud', certificate: fingerprint, otherEmailDomains: [] } } },
    })
  })

  it('recover nothing from text that is not what the app wrote', () => {
    const odd = { ...version3Setup(), spCopiedToJumpCloud: { spEntityId: 'https://evil.example/api/saml/metadata/custom/acme.com', acsUrl: '' } }
    const run = { ...loginCheck, steps: loginCheck.steps.map((step) => ({ ...step, detail: 'rewritten' })) }
    expect(recoverProvenance({ ...odd, sso: { lastServicesCheck: null, lastLoginCheck: { source: 'pasted', run } } })).toEqual({ ticks: {}, checks: {} })
  })
})

describe('a profile saved by the previous version (format 1, setup version 3)', () => {
  const tempDir = useTempDirs()

  async function loadV1(setup: Omit<SetupState, 'provenance'>) {
    const dir = await tempDir()
    await mkdir(join(dir, PROFILES_FOLDER), { recursive: true })
    const document = { schemaVersion: 1, id: PROFILE_ID, name: 'Acme', notes: '', createdAt: '2026-11-01T00:00:00.000Z', modifiedAt: '2026-11-02T00:00:00.000Z', setup }
    await writeFile(join(dir, PROFILES_FOLDER, `${PROFILE_ID}.json`), JSON.stringify(document))
    const { store } = profileStoreIn(dir)
    return { dir, store, profile: await store.get(PROFILE_ID) }
  }

  it('loads, and is judged against the current values where its results carry them; the rest asks to be confirmed', async () => {
    const { profile } = await loadV1(version3Setup())
    const status = deriveSetupStatus(wizardFacts(profile.setup, null))
    const step = (id: string) => status.steps.find((s) => s.id === id)
    // The login check carries its values and they still hold: it counts, so step 7 is done.
    expect(step('sso-login')).toMatchObject({ state: 'done', check: { freshness: 'current' } })
    // "I pasted the SP values" is current (the copied values say for which domain); the other ticks of step 3 need no record.
    expect(step('configure-jumpcloud')).toMatchObject({ state: 'done' })
    // Ticks about values that were not recorded are not silently trusted.
    expect(step('enable-saml')).toMatchObject({ state: 'out-of-date', note: 'Made before this version recorded its inputs: tick again to confirm.' })
    expect(step('enable-saml')?.ticks.find((t) => t.id === 'enable-saml.values-match')).toMatchObject({ freshness: 'unrecorded', note: 'Made before this version recorded its inputs: tick it again to confirm.' })
    // A tick about nothing in particular still counts.
    expect(step('saml-users')?.ticks.find((t) => t.id === 'saml-users.group-app')?.freshness).toBe('current')
    // The SCIM check cannot say which key it used: run it again.
    expect(step('scim-connection')).toMatchObject({ state: 'out-of-date', check: { freshness: 'unrecorded', note: 'Made before this version recorded its inputs: run it again to confirm.' } })
  })

  it('shows a result made for another domain as out of date, saying which', async () => {
    const { profile } = await loadV1(version3Setup({ domainInput: 'acme.com' }))
    const login = deriveSetupStatus(wizardFacts(profile.setup, null)).steps.find((s) => s.id === 'sso-login')
    expect(login).toMatchObject({ state: 'out-of-date', note: 'Out of date: was for acme-widgets.com. Run it again for the current values.' })
  })

  it('asks to confirm a test-login result (it also depends on the IdP SSO URL, which it never recorded)', async () => {
    const { profile } = await loadV1(version3Setup({ sso: { lastServicesCheck: null, lastLoginCheck: { source: 'login-window', run: loginCheck } } }))
    expect(deriveSetupStatus(wizardFacts(profile.setup, null)).steps.find((s) => s.id === 'sso-login')?.check?.freshness).toBe('unrecorded')
  })

  it('is written back in the current format on the next save, with what was recovered', async () => {
    const { dir, store, profile } = await loadV1(version3Setup())
    await store.saveSetup(PROFILE_ID, profile.setup)
    const saved = JSON.parse(await readFile(join(dir, PROFILES_FOLDER, `${PROFILE_ID}.json`), 'utf8'))
    expect(saved.schemaVersion).toBe(PROFILE_SCHEMA_VERSION)
    expect(saved.setup.provenance.checks['sso-login'].against.domain).toBe(DOMAIN)
  })
})

describe('a bundle exported by the previous version (format 1.0)', () => {
  const tempDir = useTempDirs()

  /** What the previous version wrote: setup version 3, no step states, its own digest. */
  function version10Bundle(): string {
    const profile = { id: PROFILE_ID, name: 'Acme', notes: '', createdAt: '2026-11-01T00:00:00.000Z', modifiedAt: '2026-11-02T00:00:00.000Z', setup: filledSetup(idp.certificateBody) }
    const { bundle } = exported(profile)
    const { steps: _steps, overview: _overview, digest: _digest, ...rest } = bundle
    const { provenance: _provenance, ...setup } = bundle.profile.setup
    const content = { ...rest, formatVersion: '1.0', profile: { ...bundle.profile, setup: { ...setup, sso: { lastServicesCheck: null, lastLoginCheck: { source: 'pasted', run: loginCheck } } } } }
    content.latestChecks = [{ kind: 'sso-login', title: 'SSO login check', source: 'pasted', run: loginCheck }, ...content.latestChecks]
    return JSON.stringify({ ...content, digest: { algorithm: 'sha256', value: bundleDigest(content as Omit<Bundle, 'digest'>) } })
  }

  it('reads as valid, with the same rule: recovered results are judged, the rest asks to be confirmed', async () => {
    const text = version10Bundle()
    const read = readBundle(text)
    if (read.kind !== 'valid') throw new Error(JSON.stringify(read))
    expect(read.bundle.profile.setup.provenance.checks['sso-login']?.against.domain).toBe(DOMAIN)

    const dir = await tempDir()
    const { store } = profileStoreIn(dir)
    const preview = await previewBundleImport(store, text)
    if (preview.kind === 'rejected') throw new Error(preview.message)
    expect(preview.summary.exportedOverview).toBeNull()
    expect(preview.summary.steps.find((s) => s.title === 'Check a real SSO login')?.state).toBe('done')
    expect(preview.summary.steps.find((s) => s.title === 'Enable SAML in Dialpad')).toMatchObject({
      state: 'out-of-date',
      note: 'Made before this version recorded its inputs: tick again to confirm.',
    })
    expect(preview.summary.checks.find((c) => c.title === 'SCIM connection test')?.note).toBe('Made before this version recorded its inputs: run it again to confirm.')

    const { profile } = await applyBundleImport(store, text, { target: { kind: 'new' } })
    expect(profile.setup.provenance).toEqual(read.bundle.profile.setup.provenance)
  })
})
