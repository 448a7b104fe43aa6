import type { Handlers } from '../shared/contract'
import type { ClipboardPort } from './clipboard'
import { deriveSpValues } from '../shared/spValues'
import { importCertificate } from './saml/certificateImport'
import { importIdpMetadata } from './saml/metadataImport'
import { LiveCheckRunner } from './checks/liveCheckRunner'
import type { HttpClientOptions } from './net/httpClient'
import { startScimCheck } from './scim/scimCheckService'
import { startSsoServicesCheck } from './sso/ssoServicesCheckService'
import { startSsoLoginCheck } from './checks/ssoLoginCheck'
import type { LoginCapturePort } from './sso/loginCapture'
import { ReplayGuard, validateSamlResponse } from './sso/response/validateSamlResponse'
import { copyApiKeyToClipboard } from './secrets/apiKeyClipboard'
import { KEYCHAIN_SERVICE_NAME, type SecretStore, createSecretStore } from './secrets/keychain'
import { SetupStore } from './setup/setupStore'
import { decodeXmlBytes } from './xml/safeXml'

/**
 * The keychain account of the setup the app works on. There is one setup today; when profiles arrive,
 * each profile's id becomes its account.
 */
export const DEFAULT_PROFILE_ACCOUNT = 'default'

export interface ServiceOptions {
  /** The app's data folder (Electron's userData, or a folder chosen by tests and the CLI). */
  dataDir: string
  clipboard: ClipboardPort
  /** The OS keychain by default; tests pass a store over a fake keychain. */
  secrets?: SecretStore
  /** Timeouts and proxy environment for live checks; tests shorten them. */
  http?: Omit<HttpClientOptions, 'extraCaPem'>
  clearClipboardAfterMs?: number
  /** The desktop app's test-login window; without it "Test SSO login" explains that paste mode is the way. */
  loginCapture?: LoginCapturePort
  /** Where Dialpad's SP metadata is fetched instead of https://<Dialpad host>; only tests change it. */
  dialpadBaseUrl?: string
}

/** Core's implementation of every contract method; transports call these through dispatch(). */
export function createServices(options: ServiceOptions): Handlers {
  const { dataDir, clipboard, secrets: givenSecrets, http, clearClipboardAfterMs, dialpadBaseUrl, loginCapture } = options
  const setup = new SetupStore(dataDir)
  const secrets = givenSecrets ?? createSecretStore({ serviceName: KEYCHAIN_SERVICE_NAME })
  const account = DEFAULT_PROFILE_ACCOUNT
  const runner = new LiveCheckRunner()
  // Test logins only: a pasted response may be checked again and again while the admin fixes the setup.
  const replayGuard = new ReplayGuard()
  return {
    'sp.derive': async ({ domain, env }) => deriveSpValues(domain, env),
    'setup.load': async () => setup.load(),
    'setup.save': async ({ state }) => setup.save(state),
    'clipboard.copy': async ({ text }) => {
      clipboard.writeText(text)
      return { copied: true }
    },
    'certificate.import': async (source) =>
      importCertificate(
        source.source === 'text' ? { text: source.text } : { bytes: Buffer.from(source.base64, 'base64'), fileName: source.fileName },
      ),
    'metadata.import': async ({ fileName, base64 }) => importIdpMetadata(fileName, decodeXmlBytes(Buffer.from(base64, 'base64'))),
    'apiKey.status': async () => secrets.status(account),
    'apiKey.store': async ({ apiKey }) => secrets.set(account, apiKey),
    'apiKey.keepForSession': async ({ apiKey }) => secrets.setInMemory(account, apiKey),
    'apiKey.delete': async () => secrets.delete(account),
    'apiKey.copyToClipboard': async () => copyApiKeyToClipboard(secrets, account, clipboard, clearClipboardAfterMs),
    'scim.start': async (request) => startScimCheck(request, { secrets, account, runner, http }),
    'sso.checkServices': async (request) => startSsoServicesCheck(request, { runner, http, metadataBaseUrl: dialpadBaseUrl }),
    'sso.startLogin': async (request) =>
      startSsoLoginCheck(request, {
        runner,
        loginCapture,
        validate: (samlResponse, expect) => validateSamlResponse({ text: samlResponse }, expect, { now: new Date(), replayGuard }),
      }),
    'sso.validateResponse': async ({ response, domain, env, idpEntityId, idpCertificate, requestId }) => {
      const { spEntityId, acsUrl } = deriveSpValues(domain, env)
      const input = response.source === 'text' ? { text: response.text } : { bytes: Buffer.from(response.base64, 'base64') }
      return validateSamlResponse(input, { spEntityId, acsUrl, companyDomain: domain, idpEntityId, idpCertificate, requestId }, { now: new Date() })
    },
    'liveCheck.progress': async ({ runId }) => runner.progress(runId),
    'liveCheck.cancel': async ({ runId }) => runner.cancel(runId),
  }
}
