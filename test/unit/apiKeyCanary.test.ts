import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/runCli'
import { bundleText, buildBundle } from '../../src/core/bundle/bundleExport'
import { applyBundleImport } from '../../src/core/bundle/bundleImport'
import { createFileErrorLog } from '../../src/core/log/errorLog'
import { profileKeyStatus } from '../../src/core/profiles/profileKeys'
import { renderSetupReportHtml } from '../../src/core/report/reportHtml'
import { buildSetupReport } from '../../src/core/report/setupReport'
import { EXPORTED_AT, snapshotFiles } from '../support/bundles'
import { PASSED_CONNECTION, filledSetup } from '../support/filledSetup'
import { profileStoreIn } from '../support/profileStores'
import { useTempDirs } from '../support/tempDir'
import { type TestCertificate, makeTestCertificate } from '../support/testCertificates'

const CANARY = 'canary-5f3c9a1e-never-in-a-file-Zq9!'
const LAST4 = 'Zq9!'

/** The canary as it could be written: plain, in a URL, as base64, inside a JSON string. */
const CANARY_FORMS = [CANARY, encodeURIComponent(CANARY), Buffer.from(CANARY).toString('base64').replace(/=+$/, ''), Buffer.from(CANARY).toString('base64url'), JSON.stringify(CANARY).slice(1, -1)]

describe('an API key stored for a profile appears in no file the app writes', () => {
  const tempDir = useTempDirs()
  let cert: TestCertificate

  beforeAll(async () => {
    cert = await makeTestCertificate({ commonName: 'JumpCloud' })
  })

  it('not in profiles, bundles (only its last 4 with the key hint), reports or the error log', async () => {
    const dataDir = await tempDir()
    const outDir = await tempDir()
    const importDir = await tempDir()
    const { store, secrets } = profileStoreIn(dataDir)
    const run = (argv: string[]) => runCli(argv, { stdout: () => undefined, stderr: () => undefined, secretStore: secrets })

    // The admin's work on the profile, including the key pasted into the wrong places and quoted by a check.
    const acme = await store.create({ name: 'Acme', setup: filledSetup(cert.bodySingleLine) })
    await secrets.set(acme.id, CANARY)
    await store.setNotes(acme.id, `Key for JumpCloud: ${CANARY}`)
    const leakyCheck = { ...PASSED_CONNECTION, steps: [{ ...PASSED_CONNECTION.steps[0], detail: `Sent Authorization: Bearer ${CANARY}` }] }
    await store.saveSetup(acme.id, filledSetup(cert.bodySingleLine, { scim: { ...filledSetup(cert.bodySingleLine).scim, testUserEmail: CANARY, lastConnectionTest: leakyCheck } }))
    await store.duplicate(acme.id)
    await store.rename(acme.id, 'Acme Widgets')
    const profile = await store.get(acme.id)
    const keyStatus = await profileKeyStatus({ store, secrets }, profile)

    // Bundles, without and with the key hint, from core and from the CLI.
    const plain = bundleText(buildBundle(profile, { appVersion: '0.1.0', now: EXPORTED_AT, keyStatus, includeKeyHint: false }))
    const hinted = bundleText(buildBundle(profile, { appVersion: '0.1.0', now: EXPORTED_AT, keyStatus, includeKeyHint: true }))
    await writeFile(join(outDir, 'plain.dialpad-sso.json'), plain)
    await writeFile(join(outDir, 'hinted.dialpad-sso.json'), hinted)
    expect(await run(['bundle', 'export', '--profile', 'Acme Widgets', '--out', join(outDir, 'cli.dialpad-sso.json'), '--include-key-hint', '--data-dir', dataDir])).toBe(0)
    await applyBundleImport(profileStoreIn(importDir).store, hinted, { target: { kind: 'new' } })

    // Reports, from the profile and from a bundle.
    await writeFile(join(outDir, 'report.html'), renderSetupReportHtml(buildSetupReport(profile, { keyStatus, now: EXPORTED_AT, appVersion: '0.1.0' })))
    expect(await run(['report', '--profile', 'Acme Widgets', '--out', join(outDir, 'cli-report.html'), '--data-dir', dataDir])).toBe(0)
    expect(await run(['report', '--bundle', join(outDir, 'hinted.dialpad-sso.json'), '--out', join(outDir, 'bundle-report.html')])).toBe(0)

    // The error log.
    const log = createFileErrorLog(join(dataDir, 'logs'))
    log.write(`Unexpected error while testing with token ${CANARY}: ${encodeURIComponent(CANARY)}`)
    await log.flushed()

    const files = { ...(await snapshotFiles(dataDir)), ...prefixed('out/', await snapshotFiles(outDir)), ...prefixed('import/', await snapshotFiles(importDir)) }
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(10)
    for (const [name, base64] of Object.entries(files)) {
      const content = Buffer.from(base64, 'base64').toString('utf8')
      for (const form of CANARY_FORMS) expect(content.includes(form), `${form} in ${name}`).toBe(false)
    }

    // Only the key hint carries the last 4 characters, and only when asked for.
    expect(JSON.parse(hinted).keyHint).toEqual({ last4: LAST4 })
    expect(JSON.parse(await readFile(join(outDir, 'cli.dialpad-sso.json'), 'utf8')).keyHint).toEqual({ last4: LAST4 })
    expect(plain).not.toContain(LAST4)
    expect(await readFile(join(outDir, 'report.html'), 'utf8')).toContain(`…${LAST4}`)
  })
})

function prefixed(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([name, content]) => [`${prefix}${name}`, content]))
}
