import type { EnvironmentId } from '../../shared/environments'
import { deriveSpValues } from '../../shared/spValues'
import type { LiveCheckStarter } from '../checks/liveCheckRunner'
import { createHttpDispatcher, type HttpClientOptions, releaseDispatcher } from '../net/httpClient'
import { runSsoServicesCheck } from './ssoServicesCheck'

/** What the renderer sends for 'sso.checkServices' (validated by the contract first). */
export interface SsoServicesRequest {
  domain: string
  env: EnvironmentId
  idpSsoUrl: string | null
  extraCaPem: string | null
}

export interface SsoServicesDeps {
  runner: LiveCheckStarter
  /** Timeouts and proxy environment; tests shorten them. */
  http?: Omit<HttpClientOptions, 'extraCaPem'>
  /** Where Dialpad's metadata is fetched instead of https://<host> (the loopback test bridge). */
  metadataBaseUrl?: string
}

/**
 * Starts the SSO services check in the background (kind 'sso-services'): its progress goes to the caller as events and it is cancelled
 * through the runner. Throws UserFacingError before any traffic when the corporate CA or a proxy setting is unusable.
 */
export function startSsoServicesCheck(request: SsoServicesRequest, deps: SsoServicesDeps): { runId: string } {
  const dispatcher = createHttpDispatcher({ ...deps.http, extraCaPem: request.extraCaPem ?? undefined })
  return deps.runner.start('sso-services', async (signal, onProgress) => {
    try {
      return await runSsoServicesCheck({
        sp: deriveSpValues(request.domain, request.env),
        metadataBaseUrl: deps.metadataBaseUrl,
        idpSsoUrl: request.idpSsoUrl,
        dispatcher,
        signal,
        onProgress,
      })
    } finally {
      await releaseDispatcher(dispatcher, signal)
    }
  })
}
