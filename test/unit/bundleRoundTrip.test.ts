import { X509Certificate } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { applyBundleImport, previewBundleImport } from '../../src/core/bundle/bundleImport'
import { readBundle } from '../../src/core/bundle/bundleRead'
import { deriveSpValues } from '../../src/shared/spValues'
import { profileKeyStatus } from '../../src/core/profiles/profileKeys'
import { wizardFacts } from '../../src/shared/provenance'
import { WIZARD_STEPS } from '../../src/shared/wizard/steps'
import { wizardProgress } from '../../src/shared/wizard/stepState'
import { EXAMPLE_BUNDLE, EXPORTED_AT, exported, withFreshDigest } from '../support/bundles'
import { filledSetup } from '../support/filledSetup'
import { profileStoreIn } from '../support/profileStores'
import { useTempDirs } from '../support/tempDir'
import { type TestCertificate, makeTestCertificate } from '../support/testCertificates'

const KEY = 'round-trip-key-0123456789-LAST'

describe('bundle export → import', () => {
  const tempDir = useTempDirs()
  let cert: TestCertificate

  beforeAll(async () => {
    cert = await makeTestCertificate({ commonName: 'JumpCloud' })
  })

  it('gives an identical profile in a fresh data folder, minus the API key', async () => {
    const source = profileStoreIn(await tempDir())
    const original = await source.store.create({ name: 'Acme Widgets', notes: 'CHG-1042, approved by IT\nSecond line', setup: filledSetup(cert.bodySingleLine) })
    await source.secrets.set(original.id, KEY)
    const keyStatus = await profileKeyStatus(source, original)
    const { bundle, text } = exported(original, { keyStatus })

    expect(bundle).toMatchObject({
      format: 'dialpad-sso-bundle',
      formatVersion: '1.1',
      appVersion: '0.1.0',
      exportedAt: EXPORTED_AT.toISOString(),
      values: {
        domain: 'acme-widgets.com',
        env: 'production',
        spEntityId: deriveSpValues('acme-widgets.com', 'production').spEntityId,
        acsUrl: deriveSpValues('acme-widgets.com', 'production').acsUrl,
        idpEntityId: 'JumpCloud',
        idpSsoUrl: 'https://sso.jumpcloud.com/saml2/dialpad-acme',
        scimBaseUrl: 'https://dialpad.com/scim',
        certificate: { body: cert.body, sha256Fingerprint: new X509Certificate(cert.der).fingerprint256 },
      },
      progress: wizardProgress(wizardFacts(original.setup, keyStatus)),
      latestChecks: [{ kind: 'scim-connection', title: 'SCIM connection test', run: original.setup.scim.lastConnectionTest }],
      digest: { algorithm: 'sha256', value: expect.stringMatching(/^[0-9a-f]{64}$/) },
    })
    expect(bundle).not.toHaveProperty('keyHint')

    const target = profileStoreIn(await tempDir())
    const preview = await previewBundleImport(target.store, text)
    expect(preview).toMatchObject({ kind: 'ready', warning: null, matches: [] })
    const { profile: imported, replaced } = await applyBundleImport(target.store, text, { target: { kind: 'new' } })
    expect(replaced).toBe(false)
    const { id: _a, createdAt: _b, modifiedAt: _c, ...importedContent } = imported
    const { id: _d, createdAt: _e, modifiedAt: _f, ...originalContent } = original
    // The provenance comes along, without the last 4 characters of the key a verdict was made with.
    const stripped = JSON.parse(JSON.stringify(originalContent).replaceAll('"last4":"LAST"', '"last4":null'))
    expect(importedContent).toEqual(stripped)
    expect(await target.store.get(imported.id)).toEqual(imported)
    expect(await target.secrets.status(imported.id)).toMatchObject({ stored: false })

    // Same progress, except the "Store the API key" step, which waits for the key to be stored here.
    const [summary] = (await target.store.list()).profiles
    expect(summary.progress).toEqual({ done: bundle.progress.done - 1, total: WIZARD_STEPS.length })
    await target.secrets.set(imported.id, KEY)
    expect((await target.store.list()).profiles[0].progress).toEqual(bundle.progress)

    // Exporting the imported profile gives back the same file.
    expect(exported(imported, { keyStatus: await profileKeyStatus(target, await target.store.get(imported.id)) }).text).toBe(text)
  })

  it('keeps a profile with nothing entered yet (no domain, no certificate) importable', async () => {
    const source = profileStoreIn(await tempDir())
    const empty = await source.store.create({ name: 'New customer' })
    const { bundle, text } = exported(empty)
    expect(bundle.values).toEqual({ domain: null, env: 'production', spEntityId: null, acsUrl: null, idpEntityId: null, idpSsoUrl: null, scimBaseUrl: 'https://dialpad.com/scim', certificate: null })
    expect(readBundle(text).kind).toBe('valid')
    const target = profileStoreIn(await tempDir())
    const { profile } = await applyBundleImport(target.store, text, { target: { kind: 'new' } })
    expect(profile.setup).toEqual(empty.setup)
  })

  it('reads the shipped example: a complete example.com setup; what was made with the exporter’s API key is out of date here', async () => {
    const text = await readFile(EXAMPLE_BUNDLE)
    const read = readBundle(text)
    if (read.kind !== 'valid') throw new Error(`example bundle: ${JSON.stringify(read)}`)
    expect(read.bundle.values).toMatchObject({
      domain: 'example.com',
      env: 'production',
      spEntityId: 'https://dialpad.com/api/saml/metadata/custom/example.com',
      acsUrl: 'https://dialpad.com/saml/sso/custom/example.com',
      idpEntityId: 'JumpCloud',
      idpSsoUrl: 'https://sso.jumpcloud.com/saml2/dialpad',
    })
    expect(read.certificate?.subject).toContain('CN=JumpCloud example')
    expect(read.certificate?.warnings).toEqual([])
    expect(read.bundle.latestChecks.map((check) => [check.kind, check.run.ok])).toEqual([
      ['scim-connection', true],
      ['scim-lifecycle', true],
    ])
    const target = profileStoreIn(await tempDir())
    const { profile } = await applyBundleImport(target.store, text, { target: { kind: 'new' } })
    // Exported complete, with the login check skipped.
    expect(read.bundle.overview).toEqual({ kind: 'finished', headline: 'Finished: 12 steps done, 1 skipped.' })
    // Here no API key is stored: the key step waits for it, and the SCIM checks and the Identity Management ticks
    // were made with the exporter's key, so they count again once they are done with this profile's key.
    expect((await target.store.list()).profiles).toEqual([
      expect.objectContaining({
        id: profile.id,
        name: 'Example Inc.',
        domain: 'example.com',
        progress: { done: WIZARD_STEPS.length - 4, total: WIZARD_STEPS.length },
        status: expect.objectContaining({ kind: 'out-of-date', outOfDate: 3, skipped: 1 }),
      }),
    ])
  })

  it('ignores indentation and key order, which are not edits', async () => {
    const source = profileStoreIn(await tempDir())
    const profile = await source.store.create({ name: 'Acme', setup: filledSetup(cert.bodySingleLine) })
    const { bundle } = exported(profile)
    const reordered = Object.fromEntries(Object.entries(bundle).reverse())
    expect(readBundle(JSON.stringify(reordered)).kind).toBe('valid')
    expect(readBundle(`\uFEFF${JSON.stringify(bundle, null, '\t')}`).kind).toBe('valid')
  })

  it('exports, validates and imports the company’s other email domains and which check steps are decisive', async () => {
    const source = profileStoreIn(await tempDir())
    const setup = { ...filledSetup(cert.bodySingleLine), otherEmailDomains: ['acme-labs.example', 'acme.example'] }
    const profile = await source.store.create({ name: 'Acme', setup })
    const { bundle, text } = exported(profile)
    expect(bundle.profile.setup.otherEmailDomains).toEqual(['acme-labs.example', 'acme.example'])
    expect(bundle.latestChecks[0].run.steps.map((step) => [step.id, step.decisive])).toEqual([
      ['inputs', true],
      ['service-provider-config', false],
      ['list-users', true],
    ])
    expect(readBundle(text).kind).toBe('valid')
    const target = profileStoreIn(await tempDir())
    const { profile: imported } = await applyBundleImport(target.store, text, { target: { kind: 'new' } })
    expect(imported.setup.otherEmailDomains).toEqual(['acme-labs.example', 'acme.example'])
    expect(imported.setup.scim.lastConnectionTest).toEqual(setup.scim.lastConnectionTest)

    // A domain list that is not a list of short strings is refused like any invalid field.
    const bad = JSON.parse(text) as { profile: { setup: Record<string, unknown> } }
    bad.profile.setup.otherEmailDomains = 'acme.example'
    expect(readBundle(withFreshDigest(bad as unknown as Record<string, unknown>))).toMatchObject({ kind: 'rejected', problem: 'invalid', message: expect.stringContaining('otherEmailDomains') })
  })

  it('gives JumpCloud Dialpad’s Base URL even when the checks used a test-only address, and says so', async () => {
    const source = profileStoreIn(await tempDir())
    const setup = filledSetup(cert.bodySingleLine)
    const profile = await source.store.create({ name: 'Acme', setup: { ...setup, scim: { ...setup.scim, baseUrlMode: 'custom', customBaseUrl: 'http://127.0.0.1:8080/scim' } } })
    const { bundle, text } = exported(profile)
    expect(bundle.values.scimBaseUrl).toBe('https://dialpad.com/scim')
    const preview = await previewBundleImport(profileStoreIn(await tempDir()).store, text)
    if (preview.kind !== 'ready') throw new Error(JSON.stringify(preview))
    expect(preview.summary.warnings).toContain(
      "For testing only: the SCIM checks use http://127.0.0.1:8080/scim instead of Dialpad's https://dialpad.com/scim. JumpCloud's Base URL must still be https://dialpad.com/scim.",
    )
    // A bundle edited to offer JumpCloud another Base URL does not agree with its own setup.
    const edited = JSON.parse(text) as { values: Record<string, unknown> }
    edited.values.scimBaseUrl = 'http://127.0.0.1:8080/scim'
    expect(readBundle(withFreshDigest(edited as unknown as Record<string, unknown>))).toMatchObject({ kind: 'rejected', problem: 'inconsistent', message: expect.stringContaining('values.scimBaseUrl') })
  })

  it('reads a bundle whose notes and headline another version worded differently, and shows its own words for the same states', async () => {
    const source = profileStoreIn(await tempDir())
    const profile = await source.store.create({ name: 'Acme', setup: filledSetup(cert.bodySingleLine) })
    const { bundle } = exported(profile)
    const reworded = JSON.parse(JSON.stringify(bundle)) as Record<string, unknown> & typeof bundle
    reworded.overview = { ...bundle.overview!, headline: 'Verified: everything is done.' }
    reworded.steps = bundle.steps!.map((step) => ({ ...step, title: `Step: ${step.title}`, note: step.note === null ? null : `Older words: ${step.note}` }))
    const text = withFreshDigest(reworded)
    const read = readBundle(text)
    expect(read.kind).toBe('valid')
    const preview = await previewBundleImport(profileStoreIn(await tempDir()).store, text)
    if (preview.kind === 'rejected') throw new Error(preview.message)
    // What is shown is this app's derivation, never the file's headline.
    expect(preview.summary.exportedOverview).toEqual(bundle.overview)
    expect(preview.summary.warnings).toContain(
      'The readable step notes in this file are worded differently from this version of the app (another version exported it, or the text was edited). The step states match its setup; what is shown here is worded by this app.',
    )
    // The exported bundle itself carries no such warning.
    const plain = await previewBundleImport(profileStoreIn(await tempDir()).store, JSON.stringify(bundle))
    if (plain.kind === 'rejected') throw new Error(plain.message)
    expect(plain.summary.warnings.some((warning) => warning.includes('worded differently'))).toBe(false)
  })

  it('still reads a format 1.0 bundle: steps without “decisive” count as decisive, and no other email domains', async () => {
    const source = profileStoreIn(await tempDir())
    const profile = await source.store.create({ name: 'Acme', setup: filledSetup(cert.bodySingleLine) })
    const { bundle } = exported(profile)
    const old = JSON.parse(JSON.stringify(bundle), (key, value: unknown) => (key === 'decisive' || key === 'otherEmailDomains' || key === 'scimBaseUrl' ? undefined : value)) as Record<string, unknown>
    // What 1.0 did not have either: provenance, step states and the overall status.
    delete (old.profile as { setup: Record<string, unknown> }).setup.provenance
    delete old.steps
    delete old.overview
    old.formatVersion = '1.0'
    const read = readBundle(withFreshDigest(old))
    if (read.kind !== 'valid') throw new Error(JSON.stringify(read))
    expect(read.bundle.profile.setup.otherEmailDomains).toEqual([])
    expect(read.bundle.latestChecks[0].run.steps.every((step) => step.decisive)).toBe(true)
    expect(read.bundle.profile.setup.scim.lastConnectionTest?.ok).toBe(true)
  })
})
