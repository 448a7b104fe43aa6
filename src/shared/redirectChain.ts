import type { RedirectHop } from './liveCheck'

/** The chain as text for a file: one line per hop, never a value (SAML messages are named, their content left out). */
export function redirectChainText(hops: readonly RedirectHop[]): string {
  const lines = hops.map((hop, index) => {
    const saml = hop.saml ? `${hop.saml} (${hop.binding}, value redacted)` : 'no SAML message'
    return `${String(index + 1).padStart(2)}. ${hop.method.padEnd(4)} ${hop.host}  ${saml}${hop.blocked ? '  [refused by the login window]' : ''}`
  })
  return `${lines.join('\n')}\n`
}
