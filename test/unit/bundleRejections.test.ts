import { createPrivateKey } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { BundleImportError, applyBundleImport, previewBundleImport } from '../../src/core/bundle/bundleImport'
import { readBundle } from '../../src/core/bundle/bundleRead'
import { type Bundle, type BundleProblem, MAX_BUNDLE_BYTES } from '../../src/shared/bundle'
import { exported, snapshotFiles, withFreshDigest } from '../support/bundles'
import { FAILED_CONNECTION, filledSetup } from '../support/filledSetup'
import { profileStoreIn } from '../support/profileStores'
import { useTempDirs } from '../support/tempDir'
import { makeTestCertificate } from '../support/testCertificates'

type Edit = (bundle: Bundle & Record<string, unknown>) => void

interface Case {
  name: string
  /** The file's content, made from a valid bundle's object and text. */
  input: (bundle: Bundle, text: string) => string | Uint8Array
  problem: BundleProblem
  message: RegExp
}

/** A copy of the bundle, edited (the digest is left as exported, as a hand edit would leave it). */
const edited = (edit: Edit) => (bundle: Bundle) => {
  // Through JSON, as a file is: no object is shared between the setup and its readable copies.
  const copy = JSON.parse(JSON.stringify(bundle)) as Bundle & Record<string, unknown>
  edit(copy)
  return JSON.stringify(copy, null, 2)
}

let privateKeyBase64 = ''
let otherCertificate = ''

const CASES: Case[] = [
  { name: 'malformed JSON (cut short)', input: (_, text) => text.slice(0, -40), problem: 'malformed-json', message: /^This file is not valid JSON \(the problem is on line \d+\), so it cannot be read as a configuration bundle\. It may have been cut short/ },
  { name: 'not text', input: () => new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), problem: 'malformed-json', message: /not text \(it is not UTF-8\)/ },
  { name: 'an empty file', input: () => '  \n', problem: 'malformed-json', message: /This file is empty\. Choose a file ending in \.dialpad-sso\.json/ },
  { name: 'an oversize file', input: () => new Uint8Array(MAX_BUNDLE_BYTES + 1).fill(0x20), problem: 'oversize', message: /This file is 2\.0 MiB, larger than any configuration bundle \(the limit is 2\.0 MiB/ },
  { name: 'JSON that is not an object', input: () => '[1, 2, 3]', problem: 'unknown-format', message: /holds JSON but not a Dialpad SSO configuration bundle/ },
  { name: 'an unknown format', input: edited((b) => void (b.format = 'okta-export' as 'dialpad-sso-bundle')), problem: 'unknown-format', message: /not a Dialpad SSO configuration bundle \(its format is "okta-export"\)/ },
  { name: 'no format at all', input: () => '{"name": "something else"}', problem: 'unknown-format', message: /\(it has no "format": "dialpad-sso-bundle"\)/ },
  { name: 'a newer major version', input: edited((b) => Object.assign(b, { formatVersion: '2.0', appVersion: '3.1.0' })), problem: 'newer-major', message: /exported by a newer version of Dialpad SSO Assistant \(3\.1\.0\) in bundle format 2\.0, which this version \(format 1\.1\) cannot read\. Update the app/ },
  { name: 'a newer minor version using a new field', input: edited((b) => Object.assign(b, { formatVersion: '1.4', signedBy: 'support' })), problem: 'newer-minor', message: /newer version .* uses a field this version does not know \("signedBy"\)\. Update the app/ },
  { name: 'a format version that is not one', input: edited((b) => void (b.formatVersion = 'latest')), problem: 'invalid', message: /format version \(formatVersion\) is missing or not a version such as "1\.1"/ },
  { name: 'an unknown field', input: edited((b) => void (b.extra = true)), problem: 'invalid', message: /a field a bundle never has \("extra" in the top level\)/ },
  {
    name: 'an unknown field deep inside a check result',
    input: edited((b) => void ((b.profile.setup.scim.lastConnectionTest!.steps[0] as Record<string, unknown>).note = 'x')),
    problem: 'invalid',
    message: /\("note" in profile\.setup\.scim\.lastConnectionTest\.steps\.0\)/,
  },
  { name: '__proto__', input: (_, text) => text.replace('{', '{\n  "__proto__": { "polluted": true },'), problem: 'forbidden-key', message: /contains the key "__proto__" \(in the top level\)\. .* nothing was imported/ },
  { name: 'constructor', input: (_, text) => text.replace('"checklist": {', '"checklist": { "constructor": true,'), problem: 'forbidden-key', message: /the key "constructor" \(in profile\.setup\.checklist\)/ },
  { name: 'prototype', input: (_, text) => text.replace('"values": {', '"values": { "x": { "prototype": { "polluted": true } },'), problem: 'forbidden-key', message: /the key "prototype" \(in values\.x\)/ },
  { name: 'absurd nesting', input: (_, text) => text.replace('{', `{ "deep": ${'['.repeat(5000)}${']'.repeat(5000)},`), problem: 'invalid', message: /nested far deeper than a bundle can be/ },
  { name: 'an unknown environment', input: edited((b) => void (b.profile.setup.env = 'staging' as 'production')), problem: 'invalid', message: /value at profile\.setup\.env is not valid/ },
  { name: 'a number where text belongs', input: edited((b) => void (b.values.idpSsoUrl = 42 as unknown as string)), problem: 'invalid', message: /value at values\.idpSsoUrl is not valid/ },
  { name: 'an empty profile name', input: edited((b) => void (b.profile.name = '')), problem: 'invalid', message: /value at profile\.name is not valid: Give the profile a name/ },
  { name: 'a malformed digest', input: edited((b) => void (b.digest.value = 'abc')), problem: 'invalid', message: /value at digest\.value is not valid: The digest is 64 lowercase hex characters\./ },
  {
    name: 'a certificate that is not one',
    input: edited((b) => void (b.profile.setup.idp.certificate = Buffer.from('definitely not DER').toString('base64'))),
    problem: 'certificate',
    message: /The IdP certificate \(profile\.setup\.idp\.certificate\) in this bundle cannot be read as a certificate: it is not a certificate\./,
  },
  {
    name: 'a private key in the certificate field',
    input: edited((b) => void (b.profile.setup.idp.certificate = privateKeyBase64)),
    problem: 'certificate',
    message: /cannot be read as a certificate: it is a private key\./,
  },
  {
    name: 'a damaged metadata signing certificate',
    input: edited((b) => void (b.profile.setup.idp.metadata!.signingCertificates[0] = b.profile.setup.idp.metadata!.signingCertificates[0].slice(0, 200))),
    problem: 'certificate',
    message: /signing certificate 1 of JumpCloud's metadata \(profile\.setup\.idp\.metadata\)/,
  },
  {
    name: 'an edited fingerprint',
    input: edited((b) => void (b.values.certificate!.sha256Fingerprint = b.values.certificate!.sha256Fingerprint.replace(/^../, '00'))),
    problem: 'inconsistent',
    message: /certificate \(body and SHA-256 fingerprint, re-computed from the certificate\) \(values\.certificate\) does not match the setup/,
  },
  {
    name: 'a certificate swapped in the setup only',
    input: edited((b) => void (b.profile.setup.idp.certificate = otherCertificate)),
    problem: 'inconsistent',
    message: /\(values\.certificate\) does not match the setup saved in the same bundle/,
  },
  {
    name: 'an edited readable value',
    input: edited((b) => void (b.values.idpSsoUrl = 'https://sso.jumpcloud.com/saml2/other')),
    problem: 'inconsistent',
    message: /This bundle's IdP SSO URL \(values\.idpSsoUrl\) does not match the setup saved in the same bundle \(profile\.setup\), so part of the file was edited by hand/,
  },
  { name: 'edited check results', input: edited((b) => void (b.latestChecks[0].run.ok = false)), problem: 'inconsistent', message: /latest check results \(latestChecks\)/ },
  { name: 'edited progress', input: edited((b) => void (b.progress.done = 1)), problem: 'inconsistent', message: /progress and step states \(progress, steps, overview\) do not match/ },
  {
    name: 'a step marked done by hand',
    input: edited((b) => void (b.steps![10].state = 'done')),
    problem: 'inconsistent',
    message: /progress and step states \(progress, steps, overview\) do not match the setup saved in the same bundle/,
  },
  // The overall kind is a state: editing it is refused (its wording is not: another version words it its own way).
  { name: 'an edited overall status', input: edited((b) => void (b.overview!.kind = 'verified')), problem: 'inconsistent', message: /progress and step states/ },
  {
    name: 'provenance edited to say a tick was made for the current values',
    input: edited((b) => void (b.profile.setup.provenance.ticks['configure-dialpad.saved'].against.idpEntityId = 'Someone else')),
    problem: 'inconsistent',
    message: /progress and step states/,
  },
  {
    name: 'a 1.1 bundle without provenance',
    input: edited((b) => void delete (b.profile.setup as Partial<typeof b.profile.setup>).provenance),
    problem: 'invalid',
    message: /value at profile\.setup\.provenance is not valid/,
  },
]

describe('bundle import refuses a bad file with a specific message, and changes nothing', () => {
  const tempDir = useTempDirs()
  let valid: { bundle: Bundle; text: string }

  beforeAll(async () => {
    const cert = await makeTestCertificate({ commonName: 'JumpCloud' })
    otherCertificate = (await makeTestCertificate({ commonName: 'JumpCloud other' })).bodySingleLine
    privateKeyBase64 = createPrivateKey(cert.privateKeyPem).export({ type: 'pkcs8', format: 'der' }).toString('base64')
    const setup = filledSetup(cert.bodySingleLine)
    valid = exported({ id: '0a0b0c0d-0000-4000-8000-000000000001', name: 'Acme', notes: '', createdAt: '2026-11-01T00:00:00.000Z', modifiedAt: '2026-11-02T00:00:00.000Z', setup })
    expect(readBundle(valid.text).kind).toBe('valid')
  })

  it.each(CASES)('$name', async ({ input, problem, message }) => {
    const content = input(valid.bundle, valid.text)
    const read = readBundle(content)
    expect(read).toEqual({ kind: 'rejected', problem, message: expect.stringMatching(message) })

    const dir = await tempDir()
    const { store } = profileStoreIn(dir)
    await store.create({ name: 'Existing', setup: valid.bundle.profile.setup })
    const before = await snapshotFiles(dir)
    expect(await previewBundleImport(store, content)).toEqual(read)
    const error = await applyBundleImport(store, content, { target: { kind: 'new' }, acceptDigestMismatch: true }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BundleImportError)
    expect(error).toMatchObject({ problem, message: read.kind === 'rejected' ? read.message : '' })
    expect(await snapshotFiles(dir)).toEqual(before)
  })

  it('never lets "__proto__" reach Object.prototype, however it is written', () => {
    const attempts = [
      valid.text.replace('{', '{ "__proto__": { "polluted": "yes" },'),
      valid.text.replace('"notes": ""', '"notes": "", "__proto__": { "polluted": "yes" }'),
      valid.text.replace('{', '{ "\\u005f_proto__": { "polluted": "yes" },'),
    ]
    for (const attempt of attempts) expect(readBundle(attempt)).toMatchObject({ kind: 'rejected', problem: 'forbidden-key' })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('accepts a newer minor version that uses nothing new (it means the same to this version)', () => {
    const newerMinor = withFreshDigest({ ...valid.bundle, formatVersion: '1.9' })
    expect(readBundle(newerMinor).kind).toBe('valid')
  })

  it('reports a failed check in the bundle as a result, not as a problem of the file', () => {
    const setup = { ...valid.bundle.profile.setup, scim: { ...valid.bundle.profile.setup.scim, lastLifecycleTest: FAILED_CONNECTION } }
    const profile = { id: '0a0b0c0d-0000-4000-8000-000000000002', name: 'Acme', notes: '', createdAt: '2026-11-01T00:00:00.000Z', modifiedAt: '2026-11-02T00:00:00.000Z', setup }
    const read = readBundle(exported(profile).text)
    expect(read.kind).toBe('valid')
    expect(read.kind === 'valid' && read.bundle.latestChecks.map((check) => [check.kind, check.run.ok])).toEqual([
      ['scim-connection', true],
      ['scim-lifecycle', false],
    ])
  })
})
