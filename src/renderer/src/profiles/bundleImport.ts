import { oneLine } from '../../../shared/displayText'
import type { ImportTarget } from '../../../shared/bundle'
import { MAX_BUNDLE_BYTES } from '../../../shared/bundleFile'
import { call } from '../api/client'
import { fileAsBase64, fileTooLargeMessage } from '../files/fileBytes'
import { shouldImportDroppedFile } from '../files/windowDrop'
import { useWizard } from '../store/wizardStore'
import { importedMessage } from './importChoices'
import { refreshProfiles, showProfileList } from './session'

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))
const setFlow = useWizard.getState().setImportFlow

/** A bundle chosen with the file picker: read it and show what importing it would do. */
export async function previewBundleFile(file: File): Promise<void> {
  const tooLarge = fileTooLargeMessage(file, MAX_BUNDLE_BYTES)
  if (tooLarge) {
    if (await showProfileList()) setFlow({ kind: 'refused', fileName: file.name, message: tooLarge })
    return
  }
  let base64: string
  try {
    base64 = await fileAsBase64(file)
  } catch {
    setFlow({ kind: 'refused', fileName: file.name, message: `${oneLine(file.name, 200)} could not be read. Check that the file still exists, then choose it again.` })
    return
  }
  await previewBundle(file.name, base64)
}

/** A file dropped on the window: a bundle import, unless it is some other file dropped beside a wizard drop zone. */
export function importDroppedFile(file: File): void {
  if (shouldImportDroppedFile(file.name, useWizard.getState().screen.kind)) void previewBundleFile(file)
}

/**
 * Shows the import preview on the profile list (leaving the wizard first, its changes saved). Main checks the bundle
 * completely; nothing changes until the admin picks a choice.
 */
export async function previewBundle(fileName: string, base64: string): Promise<void> {
  if (!(await showProfileList())) return
  setFlow({ kind: 'reading', fileName })
  try {
    const preview = await call('bundle.preview', { fileName, base64 })
    if (preview.kind === 'rejected') setFlow({ kind: 'refused', fileName, message: preview.message })
    else setFlow({ kind: 'preview', fileName, base64, preview, busy: false, error: null })
  } catch (error) {
    setFlow({ kind: 'refused', fileName, message: messageOf(error) })
  }
}

/** Applies the previewed import; core checks the bundle again from scratch before writing anything. */
export async function applyImport(target: ImportTarget): Promise<void> {
  const flow = useWizard.getState().importFlow
  if (flow.kind !== 'preview' || flow.busy) return
  setFlow({ ...flow, busy: true, error: null })
  const replacedName = target.kind === 'replace' ? (flow.preview.matches.find((match) => match.id === target.profileId)?.name ?? null) : null
  try {
    const outcome = await call('bundle.import', { base64: flow.base64, target, acceptDigestMismatch: flow.preview.kind === 'digest-mismatch' })
    setFlow({ kind: 'idle' })
    useWizard.getState().setListStatus(importedMessage(flow.fileName, outcome, replacedName))
    await refreshProfiles()
  } catch (error) {
    setFlow({ ...flow, busy: false, error: messageOf(error) })
  }
}

export function closeImport(): void {
  setFlow({ kind: 'idle' })
}

/** A bundle the OS asked the app to open ("Open with", a double-click): checked at start-up and when the window gets focus. */
export async function takeOpenedBundle(): Promise<void> {
  try {
    const opened = await call('bundle.takeOpened', {})
    if (opened) await previewBundle(opened.fileName, opened.base64)
  } catch (error) {
    if (await showProfileList()) setFlow({ kind: 'refused', fileName: 'The file', message: messageOf(error) })
  }
}
