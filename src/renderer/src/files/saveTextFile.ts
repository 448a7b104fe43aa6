/**
 * Offers text as a file download: the browser's (or Electron's) save dialog decides where it goes. Works the same in
 * the desktop app and in the browser preview, with no file-system access in the renderer.
 */
export function saveTextFile(fileName: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
