import { BUNDLE_FILE_SUFFIX } from '../../../shared/bundleFile'
import type { Screen } from '../store/screenSlice'

/** A browser saving the same download twice names it "acme.dialpad-sso (1).json": still a bundle's name. */
const BROWSER_COPY = /\.dialpad-sso \(\d{1,4}\)\.json$/i

export function isBundleFileName(name: string): boolean {
  return name.toLowerCase().endsWith(BUNDLE_FILE_SUFFIX) || BROWSER_COPY.test(name)
}

/**
 * Whether a file dropped on the window (outside any drop zone) starts a bundle import. On the profile list any file
 * does, so a wrong file gets its specific refusal; elsewhere only a bundle's name does, so a stray certificate dropped
 * beside its drop zone never takes the admin out of the wizard.
 */
export function shouldImportDroppedFile(fileName: string, screen: Screen['kind']): boolean {
  return screen === 'profiles' || isBundleFileName(fileName)
}

/**
 * A file dropped anywhere on the window must never make it navigate to the file; a drop a drop zone did not take
 * is handed to `onFile`. Returns the function that removes the listeners.
 */
export function guardWindowDrops(onFile: (file: File) => void, target: EventTarget = window): () => void {
  const onDragOver = (event: Event) => event.preventDefault()
  const onDrop = (event: Event) => {
    // React's drop zones handle (and prevent) their drops before the event reaches the window.
    const takenByDropZone = event.defaultPrevented
    event.preventDefault()
    const file = (event as DragEvent).dataTransfer?.files[0]
    if (!takenByDropZone && file) onFile(file)
  }
  target.addEventListener('dragover', onDragOver)
  target.addEventListener('drop', onDrop)
  return () => {
    target.removeEventListener('dragover', onDragOver)
    target.removeEventListener('drop', onDrop)
  }
}
