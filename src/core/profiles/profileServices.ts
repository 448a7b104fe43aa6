import type { Handlers } from '../../shared/contract'
import { parseDomain } from '../../shared/domain'
import { applyBundleImport, previewBundleImport } from '../bundle/bundleImport'
import { APP_VERSION } from '../bundle/appVersion'
import { buildBundle, bundleText, suggestedBundleFileName } from '../bundle/bundleExport'
import { renderSetupReportHtml } from '../report/reportHtml'
import { buildSetupReport } from '../report/setupReport'
import type { SecretStore } from '../secrets/keychain'
import { UserFacingError } from '../userFacingError'
import type { OpenedFiles } from './openedFiles'
import { profileKeyStatus } from './profileKeys'
import type { ProfileStore } from './profileStore'

type ProfileMethods =
  | 'profiles.list'
  | 'profiles.create'
  | 'profiles.rename'
  | 'profiles.setNotes'
  | 'profiles.duplicate'
  | 'profiles.delete'
  | 'profiles.open'
  | 'setup.save'
  | 'bundle.export'
  | 'bundle.preview'
  | 'bundle.import'
  | 'bundle.takeOpened'
  | 'report.build'
  | 'report.html'

/**
 * The profile the wizard works on. Main keeps it (one window, one profile at a time), so the API key, saves and
 * live checks always belong to the profile on screen without the renderer naming it in every call.
 */
export class OpenProfile {
  private id: string | null = null

  set(id: string | null): void {
    this.id = id
  }

  get current(): string | null {
    return this.id
  }

  /** The open profile's id (its keychain account); a clear refusal when none is open. */
  require(): string {
    if (this.id === null) throw new UserFacingError('No profile is open. Choose a profile from the list first.', { code: 'no-open-profile' })
    return this.id
  }
}

export interface ProfileServiceDeps {
  store: ProfileStore
  secrets: SecretStore
  open: OpenProfile
  openedFiles: OpenedFiles
  now?: () => Date
}

/** The profile list, bundles and reports, over the one profile store the CLI also uses. */
export function createProfileServices({ store, secrets, open, openedFiles, now = () => new Date() }: ProfileServiceDeps): Pick<Handlers, ProfileMethods> {
  const keys = { store, secrets, now }
  return {
    'profiles.list': async () => store.list(),
    'profiles.create': async ({ name }) => store.summaryOf(await store.create({ name })),
    'profiles.rename': async ({ id, name }) => store.summaryOf(await store.rename(id, name)),
    'profiles.setNotes': async ({ id, notes }) => store.summaryOf(await store.setNotes(id, notes)),
    'profiles.duplicate': async ({ id }) => store.summaryOf(await store.duplicate(id)),
    'profiles.delete': async ({ id }) => {
      await store.delete(id)
      if (open.current === id) open.set(null)
      return { deleted: true }
    },
    'profiles.open': async ({ id }) => {
      const profile = await store.get(id)
      open.set(profile.id)
      return { id: profile.id, name: profile.name, notes: profile.notes, state: profile.setup }
    },
    'setup.save': async ({ state }) => {
      const { modifiedAt } = await store.saveSetup(open.require(), state)
      return { savedAt: modifiedAt }
    },
    'bundle.export': async ({ id, includeKeyHint }) => {
      const profile = await store.get(id)
      const bundle = buildBundle(profile, { appVersion: APP_VERSION, now: now(), keyStatus: await profileKeyStatus(keys, profile), includeKeyHint })
      const domain = parseDomain(profile.setup.domainInput)
      return { fileName: suggestedBundleFileName(profile, domain.ok ? domain.domain : null), text: bundleText(bundle) }
    },
    'bundle.preview': async ({ base64 }) => previewBundleImport(store, Buffer.from(base64, 'base64'), now()),
    'bundle.import': async ({ base64, target, acceptDigestMismatch }) =>
      applyBundleImport(store, Buffer.from(base64, 'base64'), { target, acceptDigestMismatch, now: now() }),
    'bundle.takeOpened': async () => openedFiles.take(),
    'report.build': async ({ id }) => {
      const profile = await store.get(id)
      return buildSetupReport(profile, { keyStatus: await profileKeyStatus(keys, profile), now: now(), appVersion: APP_VERSION })
    },
    'report.html': async ({ id }) => {
      const profile = await store.get(id)
      const report = buildSetupReport(profile, { keyStatus: await profileKeyStatus(keys, profile), now: now(), appVersion: APP_VERSION })
      const domain = parseDomain(profile.setup.domainInput)
      const base = suggestedBundleFileName(profile, domain.ok ? domain.domain : null).replace(/\.dialpad-sso\.json$/, '')
      return { fileName: `${base}-setup-report.html`, html: renderSetupReportHtml(report) }
    },
  }
}
