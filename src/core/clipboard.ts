/** Where copied values go: Electron's clipboard in the app, a recorder in tests and the web preview. */
export interface ClipboardPort {
  writeText(text: string): void
}
