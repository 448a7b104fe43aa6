import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { bundleDigest, bundleText, buildBundle, readableStatus } from '../../src/core/bundle/bundleExport'
import { exporterKeyOf } from '../../src/core/bundle/bundleRead'
import type { Bundle } from '../../src/shared/bundle'
import type { ProfileKeyStatus } from '../../src/shared/keyStatus'
import type { Profile } from '../../src/shared/profile'
import { deriveSetupStatus } from '../../src/shared/wizard/stepState'

export const EXAMPLE_BUNDLE = join(__dirname, '..', '..', 'examples', 'example.dialpad-sso.json')
export const EXPORTED_AT = new Date('2026-11-22T12:00:00.000Z')
const NO_KEY: ProfileKeyStatus = { stored: false, last4: null, backend: 'keychain' }

/** A profile exported as the app does it, as an object (to edit) and as the file's text. */
export function exported(profile: Profile, options: { keyStatus?: ProfileKeyStatus; includeKeyHint?: boolean; now?: Date } = {}): { bundle: Bundle; text: string } {
  const bundle = buildBundle(profile, {
    appVersion: '0.1.0',
    now: options.now ?? EXPORTED_AT,
    keyStatus: options.keyStatus ?? NO_KEY,
    includeKeyHint: options.includeKeyHint ?? false,
  })
  return { bundle, text: bundleText(bundle) }
}

/** The bundle's text after an edit, with the digest recomputed as if the exporter had written it that way. */
export function withFreshDigest(bundle: Record<string, unknown>): string {
  const { digest: _digest, ...content } = bundle
  return `${JSON.stringify({ ...content, digest: { algorithm: 'sha256', value: bundleDigest(content as Omit<Bundle, 'digest'>) } }, null, 2)}\n`
}

/**
 * A bundle whose setup was edited, as its exporter would have written it: progress and step states derived again
 * with the exporter's API key (told by the unedited bundle), and the digest recomputed. What a careful forger does.
 */
export function asExported(edited: Record<string, unknown>, original: Bundle): string {
  const apiKey = exporterKeyOf(original)
  if (apiKey === undefined) throw new Error('The unedited bundle does not agree with itself.')
  const status = deriveSetupStatus({ ...(edited as unknown as Bundle).profile.setup, apiKey })
  return withFreshDigest({ ...edited, progress: { done: status.overview.done, total: status.overview.total }, ...readableStatus(status) })
}

/** Every file under a folder with its bytes, to show an operation changed nothing. */
export async function snapshotFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  async function walk(folder: string, prefix: string): Promise<void> {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      const path = join(folder, name)
      if ((await stat(path)).isDirectory()) await walk(path, `${prefix}${name}/`)
      else files[`${prefix}${name}`] = (await readFile(path)).toString('base64')
    }
  }
  await walk(dir, '')
  return files
}
