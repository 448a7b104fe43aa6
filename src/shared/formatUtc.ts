import { displayText } from './displayText'

/** "2026-11-22 14:05 UTC": unambiguous for admins in any locale, and the same in the app, reports and tickets. */
export function formatUtc(iso: string): string {
  // Times can come from a bundle: shown safely like any outside text.
  return `${displayText(iso.slice(0, 16).replace('T', ' '))} UTC`
}
