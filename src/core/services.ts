import type { Handlers } from '../shared/contract'
import type { ClipboardPort } from './clipboard'
import { deriveSpValues } from '../shared/spValues'
import { importCertificate } from './saml/certificateImport'
import { importIdpMetadata } from './saml/metadataImport'
import { LiveCheckRunner } from './checks/liveCheckRunner'
import type { HttpClientOptions } from './net/httpClient'
import { findProvisionedUser, startScimCheck } from './scim/scimCheckService'
import { startSsoServicesCheck } from './sso/ssoServicesCheckService'
import { startSsoLoginCheck } from './sso/ssoLoginCheck'
import type { LoginCapturePort } from './sso/loginCapture'
import { ReplayGuard, validateSamlResponse } from './sso/response/validateSamlResponse'
import { copyApiKeyToClipboard } from './secrets/apiKeyClipboard'
import { KEYCHAIN_SERVICE_NAME, type SecretStore, createSecretStore } from './secrets/keychain'
import { OpenedFiles } from './profiles/openedFiles'
import { deleteProfileKey, profileKeyStatus, storeProfileKey } from './profiles/profileKeys'
import { OpenProfile, createProfileServices } from './profiles/profileServices'
import { ProfileStore } from './profiles/profileStore'
import { decodeXmlBytes } from './xml/safeXml'

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
  /** Bundle files the OS asked the app to open; main fills it from the command line and open-file events. */
  openedFiles?: OpenedFiles
  /** Where Dialpad's SP metadata is fetched instead of https://<Dialpad host>; only tests change it. */
  dialpadBaseUrl?: string
}

/** Core's implementation of every contract method; transports call these through dispatch(). */
export function createServices(options: ServiceOptions): Handlers {
  const { dataDir, clipboard, secrets: givenSecrets, http, clearClipboardAfterMs, dialpadBaseUrl, loginCapture, openedFiles = new OpenedFiles() } = options
  const secrets = givenSecrets ?? createSecretStore({ serviceName: KEYCHAIN_SERVICE_NAME })
  const store = new ProfileStore({ dataDir, secrets })
  const open = new OpenProfile()
  const keys = { store, secrets }
  const runner = new LiveCheckRunner()
  // Test logins only: a pasted response may be checked again and again while the admin fixes the setup.
  const replayGuard = new ReplayGuard()
  return {
    'sp.derive': async ({ domain, env }) => deriveSpValues(domain, env),
    ...createProfileServices({ store, secrets, open, openedFiles }),
    'clipboard.copy': async ({ text }) => {
      clipboard.writeText(text)
      return { copied: true }
    },
    'certificate.import': async (source) =>
      importCertificate(
        source.source === 'text' ? { text: source.text } : { bytes: Buffer.from(source.base64, 'base64'), fileName: source.fileName },
      ),
    'metadata.import': async ({ fileName, base64 }) => importIdpMetadata(fileName, decodeXmlBytes(Buffer.from(base64, 'base64'))),
    'apiKey.status': async () => profileKeyStatus(keys, await store.get(open.require())),
    'apiKey.store': async ({ apiKey }) => storeProfileKey(keys, open.require(), apiKey, 'keychain'),
    'apiKey.keepForSession': async ({ apiKey }) => storeProfileKey(keys, open.require(), apiKey, 'memory'),
    'apiKey.delete': async () => deleteProfileKey(keys, open.require()),
    'apiKey.copyToClipboard': async () => copyApiKeyToClipboard(secrets, open.require(), clipboard, clearClipboardAfterMs),
    'scim.start': async (request, caller) => startScimCheck(request, { secrets, account: open.require(), runner: runner.reportingTo(caller), http }),
    'scim.findUser': async (request) => findProvisionedUser(request, { secrets, account: open.require(), http }),
    'sso.checkServices': async (request, caller) => startSsoServicesCheck(request, { runner: runner.reportingTo(caller), http, metadataBaseUrl: dialpadBaseUrl }),
    'sso.startLogin': async (request, caller) =>
      startSsoLoginCheck(request, {
        runner: runner.reportingTo(caller),
        loginCapture,
        validate: (samlResponse, expect) => validateSamlResponse({ text: samlResponse }, expect, { now: new Date(), replayGuard }),
      }),
    'sso.validateResponse': async ({ response, domain, otherEmailDomains, env, idpEntityId, idpCertificate, requestId, judgeAtIssueInstant }) => {
      const { spEntityId, acsUrl } = deriveSpValues(domain, env)
      const input = response.source === 'text' ? { text: response.text } : { bytes: Buffer.from(response.base64, 'base64') }
      const expect = { spEntityId, acsUrl, companyDomain: domain, otherEmailDomains, idpEntityId, idpCertificate, requestId }
      return validateSamlResponse(input, expect, { now: new Date(), judgeAtIssueInstant })
    },
    'liveCheck.cancel': async ({ runId }) => runner.cancel(runId),
  }
}
