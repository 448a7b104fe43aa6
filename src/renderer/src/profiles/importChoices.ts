import { oneLine } from '../../../shared/displayText'
import type { ImportOutcome, ProfileMatch } from '../../../shared/bundle'
import type { ReadablePreview } from '../store/bundleSlice'

/**
 * The button that imports the bundle as a new profile. After an edited bundle's warning it says "Import anyway", so
 * the admin knowingly accepts it; with existing profiles to replace as well, it says which of the choices it is.
 */
export function newProfileChoiceLabel(preview: ReadablePreview): string {
  if (preview.kind === 'ready') return 'Import as a new profile'
  return preview.matches.length === 0 ? 'Import anyway' : 'Import anyway as a new profile'
}

/** The button that imports the bundle over an existing profile, offered under that profile's differences. */
export function replaceChoiceLabel(preview: ReadablePreview, match: ProfileMatch): string {
  return preview.kind === 'ready' ? `Replace “${match.name}”` : `Replace “${match.name}” anyway`
}

/** The status line after an import: what was imported (the file's name shown as data), and into which profile. */
export function importedMessage(givenName: string, outcome: ImportOutcome, replacedName: string | null): string {
  const fileName = oneLine(givenName, 200)
  const name = outcome.profile.name
  if (!outcome.replaced) return `Imported ${fileName} as the new profile “${name}”.`
  const renamed = replacedName !== null && replacedName !== name ? ` (it was called “${replacedName}”)` : ''
  return `Imported ${fileName} into the profile “${name}”${renamed}, replacing its setup. Its stored API key was kept.`
}

const NOTHING_IMPORTED = 'Nothing was imported.'

/** A refusal or failed import, always ending with what it means for the admin's profiles (once). */
export function refusalMessage(message: string): string {
  return message.includes(NOTHING_IMPORTED) ? message : `${message} ${NOTHING_IMPORTED}`
}
