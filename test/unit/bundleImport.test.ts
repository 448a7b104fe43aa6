import { X509Certificate } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { BundleImportError, applyBundleImport, previewBundleImport } from '../../src/core/bundle/bundleImport'
import { DIGEST_MISMATCH_MESSAGE } from '../../src/core/bundle/bundleRead'
import type { Bundle } from '../../src/shared/bundle'
import type { Profile } from '../../src/shared/profile'
import { exported, snapshotFiles } from '../support/bundles'
import { FAILED_CONNECTION, filledSetup } from '../support/filledSetup'
import { profileStoreIn } from '../support/profileStores'
import { useTempDirs } from '../support/tempDir'
import { type TestCertificate, makeTestCertificate } from '../support/testCertificates'

const KEY = 'import-test-key-0123456789-KEEP'

describe('bundle import preview and apply', () => {
  const tempDir = useTempDirs()
  let cert: TestCertificate
  let rotated: TestCertificate

  beforeAll(async () => {
    cert = await makeTestCertificate({ commonName: 'JumpCloud' })
    rotated = await makeTestCertificate({ commonName: 'JumpCloud 2027' })
  })

  /** A store holding the customer's profile (with its API key), and a bundle of a later state of the same setup. */
  async function existingAndNewer() {
    const dir = await tempDir()
    const { store, secrets } = profileStoreIn(dir)
    const existing = await store.create({ name: 'Acme', notes: 'Go-live Friday', setup: filledSetup(cert.bodySingleLine) })
    await secrets.set(existing.id, KEY)
    const later: Profile = {
      ...existing,
      name: 'Acme Widgets',
      setup: filledSetup(rotated.bodySingleLine, {
        checklist: { ...existing.setup.checklist, 'secondary-domain.requested': true },
        scim: { ...existing.setup.scim, lastConnectionTest: FAILED_CONNECTION },
      }),
    }
    later.setup.idp = { ...later.setup.idp, ssoUrlInput: 'https://sso.jumpcloud.com/saml2/dialpad-acme-new', metadata: null }
    return { dir, store, secrets, existing, later, bundle: exported(later) }
  }

  it('matches the profile for the same domain and environment and lists every difference in the admin’s words', async () => {
    const { store, existing, bundle } = await existingAndNewer()
    const preview = await previewBundleImport(store, bundle.text)
    if (preview.kind === 'rejected') throw new Error(preview.message)
    expect(preview.kind).toBe('ready')
    expect(preview.summary).toMatchObject({ name: 'Acme Widgets', domain: 'acme-widgets.com', env: 'production', keyHintLast4: null })
    expect(preview.matches).toHaveLength(1)
    const [match] = preview.matches
    expect(match).toMatchObject({ id: existing.id, name: 'Acme' })
    const sha = (t: TestCertificate) => new X509Certificate(t.der).fingerprint256
    expect(match.differences).toEqual([
      { field: 'Name', before: 'Acme', after: 'Acme Widgets' },
      { field: 'IdP SSO URL', before: 'https://sso.jumpcloud.com/saml2/dialpad-acme', after: 'https://sso.jumpcloud.com/saml2/dialpad-acme-new' },
      { field: 'IdP certificate', before: expect.stringContaining(`SHA-256 ${sha(cert)} (CN=JumpCloud,`), after: expect.stringContaining(`SHA-256 ${sha(rotated)} (CN=JumpCloud 2027,`) },
      { field: 'JumpCloud metadata', before: 'JumpCloud-saml2-metadata.xml, imported 2026-11-19 14:02:00 UTC', after: '(none)' },
      { field: 'Allow jumpcloud.com as a secondary domain › I sent the request to Dialpad Support.', before: 'not ticked', after: 'ticked' },
      { field: 'SCIM connection test', before: 'passed on 2026-11-21 10:30:00 UTC', after: 'failed on 2026-11-20 09:15:00 UTC' },
    ])
  })

  it('replaces only when asked, keeping the profile’s id and its API key', async () => {
    const { store, secrets, existing, bundle } = await existingAndNewer()
    const { profile, replaced } = await applyBundleImport(store, bundle.text, { target: { kind: 'replace', profileId: existing.id } })
    expect(replaced).toBe(true)
    expect(profile).toMatchObject({ id: existing.id, name: 'Acme Widgets', createdAt: existing.createdAt, setup: bundle.bundle.profile.setup })
    expect(await secrets.status(existing.id)).toMatchObject({ stored: true, last4: 'KEEP' })
    expect((await store.list()).profiles).toHaveLength(1)
  })

  it('imports as a new profile beside the existing one, with a distinct name when the name is taken', async () => {
    const { store, existing } = await existingAndNewer()
    const same = exported({ ...existing, notes: 'Copy for the sandbox trial' })
    const { profile } = await applyBundleImport(store, same.text, { target: { kind: 'new' } })
    expect(profile.name).toBe('Acme (imported)')
    const again = await applyBundleImport(store, same.text, { target: { kind: 'new' } })
    expect(again.profile.name).toBe('Acme (imported 2)')
    const named = await applyBundleImport(store, same.text, { target: { kind: 'new' }, name: 'Acme sandbox' })
    expect(named.profile.name).toBe('Acme sandbox')
    await expect(applyBundleImport(store, same.text, { target: { kind: 'new' }, name: 'acme' })).rejects.toThrow(/A profile named “acme” already exists/)
  })

  it('keeps the existing name when replacing would clash with another profile’s name', async () => {
    const { store, existing, bundle } = await existingAndNewer()
    await store.create({ name: 'Acme Widgets' })
    const preview = await previewBundleImport(store, bundle.text)
    if (preview.kind === 'rejected') throw new Error(preview.message)
    expect(preview.matches[0].differences.map((d) => d.field)).not.toContain('Name')
    const { profile } = await applyBundleImport(store, bundle.text, { target: { kind: 'replace', profileId: existing.id } })
    expect(profile.name).toBe('Acme')
  })

  it('shows no differences for a bundle of exactly the saved profile', async () => {
    const { store, existing } = await existingAndNewer()
    const preview = await previewBundleImport(store, exported(existing).text)
    expect(preview).toMatchObject({ kind: 'ready', matches: [{ id: existing.id, differences: [] }] })
  })

  it('still reports a change that has no label of its own, so nothing is replaced silently', async () => {
    const { store, existing } = await existingAndNewer()
    const run = existing.setup.scim.lastConnectionTest!
    const reworded = { ...run, steps: run.steps.map((step, i) => (i === 0 ? { ...step, detail: 'Testing https://dialpad.com/scim (again).' } : step)) }
    const preview = await previewBundleImport(store, exported({ ...existing, setup: { ...existing.setup, scim: { ...existing.setup.scim, lastConnectionTest: reworded } } }).text)
    expect(preview).toMatchObject({ matches: [{ differences: [{ field: 'Other saved details', before: 'as saved in this profile', after: 'as in the bundle' }] }] })
  })

  it('names a change of the company’s other email domains', async () => {
    const { store, existing } = await existingAndNewer()
    const preview = await previewBundleImport(store, exported({ ...existing, setup: { ...existing.setup, otherEmailDomains: ['acme.org', 'acme.co.uk'] } }).text)
    expect(preview).toMatchObject({ matches: [{ differences: [{ field: 'Other email domains', before: '(none)', after: 'acme.org, acme.co.uk' }] }] })
  })

  it('does not match another environment or another domain; matches the domain however it was typed', async () => {
    const { store, existing } = await existingAndNewer()
    const sandbox = exported({ ...existing, setup: { ...existing.setup, env: 'sandbox' } })
    const other = exported({ ...existing, setup: { ...existing.setup, domainInput: 'globex.com', spCopiedToJumpCloud: null } })
    const shouting = exported({ ...existing, setup: { ...existing.setup, domainInput: '  ACME-WIDGETS.COM ' } })
    for (const [text, count] of [[sandbox.text, 0], [other.text, 0], [shouting.text, 1]] as const) {
      const preview = await previewBundleImport(store, text)
      expect(preview.kind === 'rejected' ? -1 : preview.matches.length).toBe(count)
    }
  })

  it('matches by name when the bundle has no valid domain yet', async () => {
    const dir = await tempDir()
    const { store } = profileStoreIn(dir)
    const draft = await store.create({ name: 'New customer' })
    const preview = await previewBundleImport(store, exported({ ...draft, notes: 'call back Monday' }).text)
    expect(preview).toMatchObject({ matches: [{ id: draft.id, differences: [{ field: 'Notes', before: '(empty)', after: 'call back Monday' }] }] })
  })

  describe('a bundle edited after export (digest mismatch)', () => {
    function tampered(bundle: Bundle): string {
      // An edit that keeps everything consistent: only the digest can tell.
      return JSON.stringify({ ...bundle, profile: { ...bundle.profile, notes: 'Edited by someone after export' } }, null, 2)
    }

    it('is previewed as a distinct result with the warning to show, and is not applied without explicit consent', async () => {
      const { dir, store, existing, bundle } = await existingAndNewer()
      const text = tampered(bundle.bundle)
      const preview = await previewBundleImport(store, text)
      expect(preview).toMatchObject({ kind: 'digest-mismatch', warning: DIGEST_MISMATCH_MESSAGE, summary: { notes: 'Edited by someone after export' } })
      const before = await snapshotFiles(dir)
      for (const acceptDigestMismatch of [undefined, false]) {
        const error = await applyBundleImport(store, text, { target: { kind: 'replace', profileId: existing.id }, acceptDigestMismatch }).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(BundleImportError)
        expect(error).toMatchObject({ problem: 'digest-mismatch', message: `${DIGEST_MISMATCH_MESSAGE} Nothing was imported.` })
      }
      expect(await snapshotFiles(dir)).toEqual(before)
    })

    it('is imported with acceptDigestMismatch: true', async () => {
      const { store, existing, bundle } = await existingAndNewer()
      const { profile } = await applyBundleImport(store, tampered(bundle.bundle), { target: { kind: 'replace', profileId: existing.id }, acceptDigestMismatch: true })
      expect(profile.notes).toBe('Edited by someone after export')
    })
  })

  it('refuses to replace a profile that no longer exists, and changes nothing', async () => {
    const { dir, store, existing, bundle } = await existingAndNewer()
    await store.delete(existing.id)
    const before = await snapshotFiles(dir)
    await expect(applyBundleImport(store, bundle.text, { target: { kind: 'replace', profileId: existing.id } })).rejects.toThrow(/no longer exists/)
    expect(await snapshotFiles(dir)).toEqual(before)
  })
})
