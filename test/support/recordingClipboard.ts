import type { ClipboardPort } from '../../src/core/clipboard'

/** Stands in for the OS clipboard: remembers every text written to it. */
export class RecordingClipboard implements ClipboardPort {
  readonly writes: string[] = []
  writeText(text: string): void {
    this.writes.push(text)
  }
  readText(): string {
    return this.writes.at(-1) ?? ''
  }
  get last(): string | undefined {
    return this.writes.at(-1)
  }
}
