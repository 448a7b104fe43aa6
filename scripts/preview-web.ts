/**
 * Browser preview: the built renderer in your browser against the real core, over the same
 * loopback bridge the end-to-end tests use. Run with `npm run preview:web`.
 * Usage: tsx scripts/preview-web.ts [--data-dir <folder>]
 */
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startBridge } from '../src/bridge/httpBridge'
import { createServices } from '../src/core/services'

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } })
const dataDir = values['data-dir'] ?? join(tmpdir(), 'dialpad-sso-assistant-preview')
mkdirSync(dataDir, { recursive: true })

async function main(): Promise<void> {
  const bridge = await startBridge({
    handlers: createServices({
      dataDir,
      // The page itself writes copies to the browser's clipboard (see renderer httpApi).
      clipboard: { writeText: () => undefined, readText: () => '' },
    }),
    rendererDir: join(__dirname, '../out/renderer'),
  })
  console.log(`Dialpad SSO Assistant preview (data in ${dataDir})`)
  console.log(`Open this address in Chromium or Chrome; it carries this run's access token:\n\n  ${bridge.loginUrl}\n`)
  console.log('Press Ctrl+C to stop.')
  const stop = () => void bridge.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
