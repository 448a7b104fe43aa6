/** "2026-11-22 14:05 UTC": unambiguous for admins in any locale, and the same in the app, reports and tickets. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`
}
