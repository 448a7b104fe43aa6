import type { StateCreator } from 'zustand'
import type { ImportPreview, ImportTarget } from '../../../shared/bundle'
import { MAX_BUNDLE_BYTES } from '../../../shared/bundleFile'
import { oneLine } from '../../../shared/displayText'
import { errorMessage } from '../../../shared/errorMessage'
import type { ProfileSummary } from '../../../shared/profile'
import { fileAsBase64, fileTooLargeMessage } from '../files/fileBytes'
import { saveTextFile } from '../files/saveTextFile'
import { shouldImportDroppedFile } from '../files/windowDrop'
import { importedMessage } from '../profiles/importChoices'
import { requestFor } from './request'
import type { WizardStore } from './wizardStore'

export type ReadablePreview = Exclude<ImportPreview, { kind: 'rejected' }>

/**
 * A bundle import in progress: reading the file, the preview the admin decides on (with the bytes, sent again on
 * import so core checks them again), or a refusal. Nothing changes on disk before the admin picks a choice.
 */
export type ImportFlow =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; fileName: string; base64: string; preview: ReadablePreview; busy: boolean; error: string | null }
  | { kind: 'refused'; fileName: string; message: string }

/** Bundles: a profile exported for sharing, and a bundle coming in (by file picker, drop, or the OS opening one). */
export interface BundleSlice {
  importFlow: ImportFlow
  /** A bundle chosen with the file picker: read it and show what importing it would do. */
  previewBundleFile(file: File): Promise<void>
  /** A file dropped on the window: a bundle import, unless it is some other file dropped beside a wizard drop zone. */
  importDroppedFile(file: File): void
  /**
   * Shows the import preview on the profile list (leaving the wizard first, its changes saved). Main checks the bundle
   * completely; nothing changes until the admin picks a choice.
   */
  previewBundle(fileName: string, base64: string): Promise<void>
  /** Applies the previewed import; core checks the bundle again from scratch before writing anything. */
  applyImport(target: ImportTarget): Promise<void>
  closeImport(): void
  /** A bundle the OS asked the app to open ("Open with", a double-click): checked at start-up and when the window gets focus. */
  takeOpenedBundle(): Promise<void>
  /** Saves the profile as a bundle file (never with its API key; its last 4 characters only when asked); resolves with the file name. */
  exportBundle(profile: Pick<ProfileSummary, 'id'>, includeKeyHint: boolean): Promise<string>
}

export const createBundleSlice: StateCreator<WizardStore, [], [], BundleSlice> = (set, get) => {
  const request = requestFor(get)
  // A bundle coming in replaces what the list said last ("Exported …"): that message is about something else.
  const setFlow = (importFlow: ImportFlow) => set(importFlow.kind === 'idle' ? { importFlow } : { importFlow, listStatus: '' })
  return {
    importFlow: { kind: 'idle' },

    async previewBundleFile(file) {
      const tooLarge = fileTooLargeMessage(file, MAX_BUNDLE_BYTES)
      if (tooLarge) {
        if (await get().showProfileList()) setFlow({ kind: 'refused', fileName: file.name, message: tooLarge })
        return
      }
      let base64: string
      try {
        base64 = await fileAsBase64(file)
      } catch {
        setFlow({ kind: 'refused', fileName: file.name, message: `${oneLine(file.name, 200)} could not be read. Check that the file still exists, then choose it again.` })
        return
      }
      await get().previewBundle(file.name, base64)
    },

    importDroppedFile(file) {
      if (shouldImportDroppedFile(file.name, get().screen.kind)) void get().previewBundleFile(file)
    },

    async previewBundle(fileName, base64) {
      if (!(await get().showProfileList())) return
      setFlow({ kind: 'reading', fileName })
      try {
        const preview = await request('bundle.preview', { fileName, base64 })
        if (preview.kind === 'rejected') setFlow({ kind: 'refused', fileName, message: preview.message })
        else setFlow({ kind: 'preview', fileName, base64, preview, busy: false, error: null })
      } catch (error) {
        setFlow({ kind: 'refused', fileName, message: errorMessage(error) })
      }
    },

    async applyImport(target) {
      const flow = get().importFlow
      if (flow.kind !== 'preview' || flow.busy) return
      setFlow({ ...flow, busy: true, error: null })
      const replacedName = target.kind === 'replace' ? (flow.preview.matches.find((match) => match.id === target.profileId)?.name ?? null) : null
      try {
        const outcome = await request('bundle.import', { base64: flow.base64, target, acceptDigestMismatch: flow.preview.kind === 'digest-mismatch' })
        set({ importFlow: { kind: 'idle' }, listStatus: importedMessage(flow.fileName, outcome, replacedName) })
        await get().refreshProfiles()
      } catch (error) {
        setFlow({ ...flow, busy: false, error: errorMessage(error) })
      }
    },

    closeImport: () => setFlow({ kind: 'idle' }),

    async takeOpenedBundle() {
      try {
        const opened = await request('bundle.takeOpened', {})
        if (opened) await get().previewBundle(opened.fileName, opened.base64)
      } catch (error) {
        if (await get().showProfileList()) setFlow({ kind: 'refused', fileName: 'The file', message: errorMessage(error) })
      }
    },

    async exportBundle(profile, includeKeyHint) {
      const { fileName, text } = await request('bundle.export', { id: profile.id, includeKeyHint })
      saveTextFile(fileName, text, 'application/json')
      return fileName
    },
  }
}
