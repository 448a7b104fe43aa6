import { formatBytes } from '../../../shared/byteSize'
import { oneLine } from '../../../shared/displayText'

/** A file's bytes as base64, so binary certificates (DER) cross to main intact. */
export async function fileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}

/** Checked before reading, so a huge file dropped by mistake is never loaded into memory. */
export function fileTooLargeMessage(file: File, limitBytes: number): string | null {
  if (file.size <= limitBytes) return null
  return `${oneLine(file.name, 200)} is ${formatBytes(file.size)}, far larger than this kind of file can be (at most ${formatBytes(limitBytes)}). Check that you picked the right file.`
}
