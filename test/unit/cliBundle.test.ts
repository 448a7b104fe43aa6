import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SecretStore } from '../../src/core/secrets/keychain'
import { EXAMPLE_BUNDLE } from '../support/bundles'
import { filledSetup } from '../support/filledSetup'
import { profileStoreIn } from '../support/profileStores'
import { useTempDirs } from '../support/tempDir'
import { type TestCertificate, makeTestCertificate } from '../support/testCertificates'
import { runCliCaptured } from './support/cliRun'

const KEY = 'cli-bundle-key-0123456789-HINT'

describe('cli bundle and report', () => {
  const tempDir = useTempDirs()
  let cert: TestCertificate
  let dataDir: string
  let out: string
  let secrets: SecretStore

  const run = (argv: string[], env: NodeJS.ProcessEnv = {}) => runCliCaptured(argv, { secretStore: secrets, env })

  beforeAll(async () => {
    cert = await makeTestCertificate({ commonName: 'JumpCloud' })
  })

  beforeEach(async () => {
    dataDir = await tempDir()
    out = await tempDir()
    const made = profileStoreIn(dataDir)
    secrets = made.secrets
    const acme = await made.store.create({ name: 'Acme', notes: 'CHG-7', setup: filledSetup(cert.bodySingleLine) })
    await secrets.set(acme.id, KEY)
    await made.store.create({ name: 'Globex' })
  })

  describe('bundle validate', () => {
    it('accepts the shipped example: exit 0 and a readable summary', async () => {
      const { code, stdout, stderr } = await run(['bundle', 'validate', EXAMPLE_BUNDLE])
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
      expect(stdout).toContain('is a valid configuration bundle (format 1.1, digest matches).')
      expect(stdout).toMatch(/Domain +example\.com \(Production\)/)
      expect(stdout).toMatch(/Exported as +Finished: 12 steps done, 1 skipped\./)
      // As it will be once imported, without claiming that storing a key brings back what was done with the exporter's.
      expect(stdout).toMatch(
        /Once imported 3 steps are out of date: they were done for values that have changed since\. 9 of 13 steps done, 1 skipped, 1 not done yet\. \(A bundle never holds the API key: what was done with the exporter’s key counts once it is done again with the profile’s own key\.\)/,
      )
      expect(stdout).not.toContain('until the API key is stored')
      // Made with the exporter's key: out of date here, and said so.
      expect(stdout).toMatch(/Check +SCIM connection test: passed on \S+ \(Out of date: was for the API key stored /)
    })

    it('--json gives the summary scripts rely on', async () => {
      const { code, stdout } = await run(['bundle', 'validate', EXAMPLE_BUNDLE, '--json'])
      expect(code).toBe(0)
      expect(JSON.parse(stdout)).toMatchObject({ valid: true, summary: { name: 'Example Inc.', domain: 'example.com', env: 'production', keyHintLast4: null } })
    })

    it('refuses an invalid bundle with exit 1 and its specific message, in text and JSON', async () => {
      const file = join(out, 'bad.dialpad-sso.json')
      const example = JSON.parse(await readFile(EXAMPLE_BUNDLE, 'utf8'))
      await writeFile(file, JSON.stringify({ ...example, formatVersion: '2.0' }))
      const text = await run(['bundle', 'validate', file])
      expect(text).toMatchObject({ code: 1, stdout: '' })
      expect(text.stderr).toMatch(/is not a valid configuration bundle\. This bundle was exported by a newer version of Dialpad SSO Assistant .* Update the app/)
      const json = await run(['bundle', 'validate', file, '--json'])
      expect(json.code).toBe(1)
      expect(JSON.parse(json.stdout)).toEqual({ valid: false, problem: 'newer-major', message: expect.stringMatching(/^This bundle was exported by a newer version/) })
    })

    it('calls a digest mismatch invalid (exit 1) and says how to import it anyway', async () => {
      const file = join(out, 'edited.dialpad-sso.json')
      const example = JSON.parse(await readFile(EXAMPLE_BUNDLE, 'utf8'))
      await writeFile(file, JSON.stringify({ ...example, profile: { ...example.profile, notes: 'edited' } }))
      const { code, stderr } = await run(['bundle', 'validate', file])
      expect(code).toBe(1)
      expect(stderr).toMatch(/changed after it was exported.*"bundle import --accept-digest-mismatch" imports it anyway/s)
    })

    it('says what is wrong with the command line (exit 2)', async () => {
      expect((await run(['bundle', 'validate'])).code).toBe(2)
      expect((await run(['bundle', 'validate', 'a.json', 'b.json'])).code).toBe(2)
      expect((await run(['bundle'])).stderr).toMatch(/^bundle needs an action: validate, export or import\./)
      expect((await run(['bundle', 'frobnicate'])).code).toBe(2)
    })

    it('reports an unreadable file with exit 1', async () => {
      const { code, stderr } = await run(['bundle', 'validate', join(out, 'missing.json')])
      expect(code).toBe(1)
      expect(stderr).toMatch(/there is no such file/)
    })
  })

  describe('bundle export and import', () => {
    it('exports a profile by name; the file validates and holds no part of the key unless asked', async () => {
      const file = join(out, 'acme.dialpad-sso.json')
      const exported = await run(['bundle', 'export', '--profile', 'acme', '--out', file, '--data-dir', dataDir])
      expect(exported).toMatchObject({ code: 0, stderr: expect.stringContaining('It contains no part of the API key.') })
      const text = await readFile(file, 'utf8')
      expect(text).not.toContain('HINT')
      expect((await run(['bundle', 'validate', file])).code).toBe(0)

      const withHint = join(out, 'acme-hint.dialpad-sso.json')
      await run(['bundle', 'export', '--profile', 'Acme', '--out', withHint, '--include-key-hint', '--data-dir', dataDir])
      expect(JSON.parse(await readFile(withHint, 'utf8')).keyHint).toEqual({ last4: 'HINT' })
    })

    it('names the profiles there are when the one asked for does not exist', async () => {
      const { code, stderr } = await run(['bundle', 'export', '--profile', 'Initech', '--out', join(out, 'x.json'), '--data-dir', dataDir])
      expect(code).toBe(1)
      expect(stderr).toMatch(/There is no profile named “Initech” .* The profiles there are: “Acme”, “Globex”\./)
      expect(await readdir(out)).toEqual([])
      expect((await run(['bundle', 'export', '--out', 'x.json'])).code).toBe(2)
    })

    it('imports into another data folder, refuses to replace without --yes after printing the differences, and replaces with it', async () => {
      const file = join(out, 'acme.dialpad-sso.json')
      await run(['bundle', 'export', '--profile', 'Acme', '--out', file, '--data-dir', dataDir])
      const other = await tempDir()

      const first = await run(['bundle', 'import', file, '--data-dir', other])
      expect(first.code).toBe(0)
      expect(first.stderr).toMatch(/as the new profile “Acme”\. Bundles never contain the API key: store it in the app's “Store the API key” step\./)
      const again = await run(['bundle', 'import', file, '--data-dir', other])
      expect(again).toMatchObject({ code: 0, stderr: expect.stringContaining('already holds exactly this setup; nothing was changed') })

      // A later state of the same customer's setup.
      const { store } = profileStoreIn(dataDir, { secrets })
      const acme = await store.requireByName('Acme')
      await store.saveSetup(acme.id, { ...acme.setup, idp: { ...acme.setup.idp, ssoUrlInput: 'https://sso.jumpcloud.com/saml2/dialpad-v2', metadata: null } })
      await run(['bundle', 'export', '--profile', 'Acme', '--out', file, '--data-dir', dataDir])

      const refused = await run(['bundle', 'import', file, '--data-dir', other])
      expect(refused.code).toBe(1)
      expect(refused.stdout).toContain('Importing would change the profile “Acme”:\n')
      expect(refused.stdout).toContain('  IdP SSO URL: https://sso.jumpcloud.com/saml2/dialpad-acme → https://sso.jumpcloud.com/saml2/dialpad-v2\n')
      expect(refused.stderr).toMatch(/was not imported: it would replace the profile “Acme” \(differences above\)\. The profile “Acme” is for the same domain and environment\. Run again with --yes to replace it, or with --profile "<new name>"/)
      const imported = profileStoreIn(other)
      expect((await imported.store.requireByName('Acme')).setup.idp.ssoUrlInput).toBe('https://sso.jumpcloud.com/saml2/dialpad-acme')

      const replaced = await run(['bundle', 'import', file, '--data-dir', other, '--yes'])
      expect(replaced.code).toBe(0)
      expect((await imported.store.requireByName('Acme')).setup.idp.ssoUrlInput).toBe('https://sso.jumpcloud.com/saml2/dialpad-v2')
      expect((await imported.store.list()).profiles).toHaveLength(1)

      const asNew = await run(['bundle', 'import', file, '--data-dir', other, '--profile', 'Acme (sandbox trial)'])
      expect(asNew.code).toBe(0)
      expect((await imported.store.list()).profiles.map((p) => p.name).sort()).toEqual(['Acme', 'Acme (sandbox trial)'])
    })

    it('imports an edited bundle only with --accept-digest-mismatch, with a warning', async () => {
      const file = join(out, 'edited.dialpad-sso.json')
      const example = JSON.parse(await readFile(EXAMPLE_BUNDLE, 'utf8'))
      await writeFile(file, JSON.stringify({ ...example, profile: { ...example.profile, notes: 'edited' } }))
      const other = await tempDir()
      const refused = await run(['bundle', 'import', file, '--data-dir', other])
      expect(refused.code).toBe(1)
      expect(refused.stderr).toMatch(/To import it anyway, run again with --accept-digest-mismatch\./)
      expect(await readdir(other)).toEqual([])
      const accepted = await run(['bundle', 'import', file, '--data-dir', other, '--accept-digest-mismatch'])
      expect(accepted.code).toBe(0)
      expect(accepted.stderr).toMatch(/^Warning: This bundle was changed after it was exported/)
    })

    it('uses the app’s own data folder by default', async () => {
      if (process.platform !== 'linux') return
      const config = await tempDir()
      const { code } = await run(['bundle', 'import', EXAMPLE_BUNDLE], { XDG_CONFIG_HOME: config })
      expect(code).toBe(0)
      expect(await readdir(join(config, 'Dialpad SSO Assistant', 'profiles'))).toHaveLength(1)
    })
  })

  describe('the example bundle the previous release shipped (format 1.0, as written then)', () => {
    const PREVIOUS = join(__dirname, '../fixtures/previous-release/example-1.0.dialpad-sso.json')

    it('validates, and says plainly which steps need confirming and why, without claiming a value changed', async () => {
      const { code, stdout, stderr } = await run(['bundle', 'validate', PREVIOUS])
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
      expect(stdout).toContain('is a valid configuration bundle (format 1.0, digest matches).')
      // 1.0 carried no step states: there is no "exported as" to show.
      expect(stdout).not.toContain('Exported as')
      expect(stdout).toMatch(/Once imported 8 steps are out of date: they were done before this version recorded what they were done for\. 4 of 13 steps done, 1 skipped, 1 not done yet\./)
      expect(stdout).not.toContain('changed since')
      expect(stdout).toMatch(/Step 2 +Enable SAML in Dialpad: Made before this version recorded its inputs: tick again to confirm\./)
      // The SP values it copied say which domain step 3 was done for: it still counts.
      expect(stdout).not.toMatch(/Step 3 /)
      expect(stdout).toMatch(/Check +SCIM connection test: passed on 2026-11-22T15:36:00\.000Z \(Made before this version recorded its inputs: run it again to confirm\.\)/)
    })

    it('imports as a profile in the same state, and its report opens with the same overall status', async () => {
      const target = await tempDir()
      const imported = await run(['bundle', 'import', PREVIOUS, '--data-dir', target])
      expect(imported.code).toBe(0)
      const { store } = profileStoreIn(target)
      const [summary] = (await store.list()).profiles
      expect(summary).toMatchObject({ name: 'Example Inc.', progress: { done: 4, total: 13 }, status: { kind: 'out-of-date', outOfDate: 8, skipped: 1 } })
      expect(summary.status.headline).toMatch(/^8 steps are out of date: they were done before this version recorded what they were done for\./)
      const file = join(out, 'previous.html')
      expect((await run(['report', '--profile', 'Example Inc.', '--out', file, '--data-dir', target])).code).toBe(0)
      expect(await readFile(file, 'utf8')).toContain('8 steps are out of date: they were done before this version recorded what they were done for.')
    })
  })

  describe('report', () => {
    it('writes the printable report of a bundle', async () => {
      const file = join(out, 'report.html')
      const { code, stderr } = await run(['report', '--bundle', EXAMPLE_BUNDLE, '--out', file])
      expect(code).toBe(0)
      expect(stderr).toContain(`Wrote the setup report to ${file}.`)
      const html = await readFile(file, 'utf8')
      expect(html).toMatch(/^<!doctype html>/)
      expect(html).toContain('Dialpad SSO setup report: example.com')
    })

    it('writes the report of a profile, with only the last 4 characters of its key', async () => {
      const file = join(out, 'acme.html')
      expect((await run(['report', '--profile', 'Acme', '--out', file, '--data-dir', dataDir])).code).toBe(0)
      const html = await readFile(file, 'utf8')
      expect(html).toContain('Dialpad SSO setup report: acme-widgets.com')
      expect(html).toContain('ends in …HINT')
      expect(html).not.toContain(KEY)
    })

    it('needs exactly one source and an output file (exit 2)', async () => {
      expect((await run(['report', '--out', join(out, 'r.html')])).code).toBe(2)
      expect((await run(['report', '--bundle', EXAMPLE_BUNDLE, '--profile', 'Acme', '--out', join(out, 'r.html')])).code).toBe(2)
      expect((await run(['report', '--bundle', EXAMPLE_BUNDLE])).code).toBe(2)
      expect(await readdir(out)).toEqual([])
    })
  })
})
