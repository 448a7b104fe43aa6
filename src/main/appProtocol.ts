import { readFile } from 'node:fs/promises'
import type { Protocol } from 'electron'
import { CSP_HEADER } from '../shared/csp'
import { contentTypeFor, resolveRendererFile } from '../core/static/rendererFiles'

/** The app's own origin. The renderer is served from here instead of file://. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'bundle'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** Must run before the app is ready. */
export function registerAppSchemePrivileges(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ])
}

/** Serves the built renderer folder read-only, with the CSP as a header. */
export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === APP_HOST && request.method === 'GET' ? resolveRendererFile(rendererDir, url.pathname) : null
    if (!file) return notFound()
    try {
      const body = await readFile(file)
      return new Response(body, { headers: { ...SECURITY_HEADERS, 'content-type': contentTypeFor(file) } })
    } catch {
      return notFound()
    }
  })
}

const SECURITY_HEADERS = { 'content-security-policy': CSP_HEADER, 'x-content-type-options': 'nosniff' }

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' } })
}

/** True for a URL inside our own bundle (app://bundle/...). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === ''
  } catch {
    return false
  }
}
