/** Where copied values go: Electron's clipboard in the app, a recorder in tests and the web preview. */
export interface ClipboardPort {
  writeText(text: string): void
  /** Read only to tell whether a copied API key is still there before clearing it. */
  readText(): string | Promise<string>
}
