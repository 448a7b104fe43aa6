import type { ReactNode } from 'react'

/**
 * A link to one of the consoles. In the app it opens in the OS browser (main only lets
 * allowlisted https hosts through, see src/main/externalLinks.ts); in the preview, in a new tab.
 */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
      <span className="visually-hidden"> (opens in your browser)</span>
    </a>
  )
}
