import { useId } from 'react'
import type { RedirectHop } from '../../../shared/liveCheck'
import { redirectChainText } from '../../../shared/redirectChain'
import { saveTextFile } from '../files/saveTextFile'
import { Card } from './ui/Card'

/** The test login's page loads in order, as SAML-tracer lists them: method, host and SAML message; never a value. */
export function RedirectChain({ hops }: { hops: readonly RedirectHop[] }) {
  const headingId = useId()
  if (hops.length === 0) return null
  return (
    <Card title="Redirect chain">
      <p className="hint">Each page the login window loaded, in order. Addresses are shown by host only and SAML messages by kind, so nothing here is secret.</p>
      <table className="redirect-chain" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Method</th>
            <th scope="col">Host</th>
            <th scope="col">SAML message</th>
          </tr>
        </thead>
        <tbody>
          {hops.map((hop, index) => (
            <tr key={index} data-saml={hop.saml ?? 'none'} data-blocked={hop.blocked ? 'true' : 'false'}>
              <td>{index + 1}</td>
              <td>{hop.method}</td>
              <td className="redirect-chain__host">{hop.host}</td>
              <td>
                {hop.saml ? `${hop.saml} (${hop.binding})` : '—'}
                {hop.blocked ? ' · refused by the login window' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" className="button" onClick={() => saveTextFile(`redirect-chain-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`, `Test SSO login: redirect chain (Dialpad SSO Assistant)\n${redirectChainText(hops)}`)}>
          Save the redirect chain
        </button>{' '}
        <span className="hint">Saved with every value redacted.</span>
      </p>
    </Card>
  )
}
