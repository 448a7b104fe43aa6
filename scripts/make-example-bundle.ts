/**
 * Writes examples/example.dialpad-sso.json: a complete example.com setup on Dialpad production, as the app exports
 * it. Run once with `npx tsx scripts/make-example-bundle.ts` and commit the output (docs and tests use it).
 *
 * - The IdP certificate is made here for the example (RSA 2048, SHA-256, valid for 10 years); its private key is
 *   thrown away.
 * - The SCIM check results are produced by the app's own connection and lifecycle checks, run against answers an
 *   RFC 7644 service gives (undici's MockAgent standing in for https://dialpad.com/scim), so their steps, details
 *   and timings have exactly the shape real runs have.
 * - The bundle is built by the app's exporter, so its values, progress and digest are the real thing.
 */
import 'reflect-metadata'
import { webcrypto } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as x509 from '@peculiar/x509'
import { MockAgent } from 'undici'
import { APP_VERSION } from '../src/core/bundle/appVersion'
import { bundleText, buildBundle } from '../src/core/bundle/bundleExport'
import { readBundle } from '../src/core/bundle/bundleRead'
import { runConnectionTest } from '../src/core/scim/connectionTest'
import { runLifecycleTest } from '../src/core/scim/lifecycleTest'
import { LIST_RESPONSE_URN, SCIM_CONTENT_TYPE, SERVICE_PROVIDER_CONFIG_URN, USER_URN } from '../src/core/scim/schemas'
import type { Profile } from '../src/shared/profile'
import { provenanceNow } from '../src/shared/provenance'
import type { SetupState } from '../src/shared/setupState'
import { checkInputs, tickInputs } from '../src/shared/wizard/verdictInputs'
import { deriveSpValues } from '../src/shared/spValues'
import { WIZARD_STEPS } from '../src/shared/wizard/steps'

x509.cryptoProvider.set(globalThis.crypto)

const OUT = join(__dirname, '..', 'examples', 'example.dialpad-sso.json')
const MINUTE = 60_000
const DOMAIN = 'example.com'
const BASE_URL = 'https://dialpad.com/scim'
const TEST_USER = 'jumpcloud-scim-test@example.com'
const TEST_USER_ID = '5731079038386176'
/** Never a real key: the checks need one to send, and redact it from everything they return. */
const PLACEHOLDER_KEY = 'example-placeholder-api-key-0000'

async function makeCertificate(now: Date): Promise<string> {
  const keys = (await webcrypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 },
    true,
    ['sign', 'verify'],
  )) as webcrypto.CryptoKeyPair
  const notAfter = new Date(now)
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 10)
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '5d1a7e0c93b24f6a',
    name: 'CN=JumpCloud example, OU=JumpCloudSAMLIdP, O=Example Inc., C=US',
    notBefore: new Date(now.getTime() - 24 * 60 * MINUTE),
    notAfter,
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5' },
    keys,
  })
  return Buffer.from(certificate.rawData).toString('base64')
}

/** What an RFC 7644 service answers to the requests of the connection and lifecycle checks. */
function scimService(): MockAgent {
  const agent = new MockAgent()
  agent.disableNetConnect()
  const pool = agent.get('https://dialpad.com')
  const headers = { 'content-type': SCIM_CONTENT_TYPE }
  const user = (active: boolean, familyName = 'Test') => ({
    schemas: [USER_URN],
    id: TEST_USER_ID,
    userName: TEST_USER,
    name: { givenName: 'SSO Assistant', familyName },
    emails: [{ value: TEST_USER, type: 'work', primary: true }],
    active,
  })
  pool
    .intercept({ path: '/scim/ServiceProviderConfig', method: 'GET' })
    .reply(200, { schemas: [SERVICE_PROVIDER_CONFIG_URN], patch: { supported: true }, filter: { supported: true, maxResults: 100 }, bulk: { supported: false } }, { headers })
    .times(2)
  pool
    .intercept({ path: '/scim/Schemas', method: 'GET' })
    .reply(200, { schemas: [LIST_RESPONSE_URN], totalResults: 1, Resources: [{ id: USER_URN, name: 'User' }] }, { headers })
  pool
    .intercept({ path: '/scim/ResourceTypes', method: 'GET' })
    .reply(200, { schemas: [LIST_RESPONSE_URN], totalResults: 1, Resources: [{ id: 'User', name: 'User', endpoint: '/Users', schema: USER_URN }] }, { headers })
  pool
    .intercept({ path: '/scim/Users?startIndex=1&count=1', method: 'GET' })
    .reply(200, { schemas: [LIST_RESPONSE_URN], totalResults: 48, startIndex: 1, itemsPerPage: 1, Resources: [user(true)] }, { headers })
  pool.intercept({ path: '/scim/Users', method: 'POST' }).reply(201, user(true), { headers })
  pool.intercept({ path: `/scim/Users/${TEST_USER_ID}`, method: 'GET' }).reply(200, user(true), { headers })
  pool
    .intercept({ path: (path) => path.startsWith('/scim/Users?filter='), method: 'GET' })
    .reply(200, { schemas: [LIST_RESPONSE_URN], totalResults: 1, Resources: [user(true)] }, { headers })
  pool.intercept({ path: `/scim/Users/${TEST_USER_ID}`, method: 'PATCH' }).reply(200, user(true, 'Test (updated)'), { headers })
  pool.intercept({ path: `/scim/Users/${TEST_USER_ID}`, method: 'PATCH' }).reply(200, user(false, 'Test (updated)'), { headers })
  pool.intercept({ path: `/scim/Users/${TEST_USER_ID}`, method: 'DELETE' }).reply(204, '')
  return agent
}

async function main(): Promise<void> {
  const exportedAt = new Date()
  exportedAt.setUTCSeconds(0, 0)
  const at = (minutesBefore: number) => new Date(exportedAt.getTime() - minutesBefore * MINUTE)
  const certificate = await makeCertificate(exportedAt)
  const agent = scimService()
  const connection = await runConnectionTest({ baseUrl: BASE_URL, token: PLACEHOLDER_KEY, dispatcher: agent, now: () => at(25) })
  const lifecycle = await runLifecycleTest({ baseUrl: BASE_URL, token: PLACEHOLDER_KEY, userEmail: TEST_USER, dispatcher: agent, now: () => at(20) })
  await agent.close()
  if (!connection.ok || !lifecycle.ok) throw new Error('The example checks should pass; see the steps:\n' + JSON.stringify({ connection, lifecycle }, null, 2))

  const sp = deriveSpValues(DOMAIN, 'production')
  const checklist: Record<string, boolean> = {}
  for (const step of WIZARD_STEPS) for (const section of step.checklists) for (const item of section.items) checklist[item.id] = true
  // The SCIM lifecycle test ran and passed, so it is not skipped; the login was checked by the test user instead.
  delete checklist['scim-lifecycle.skipped']
  const ssoUrl = 'https://sso.jumpcloud.com/saml2/dialpad'
  const keyStoredAt = at(30).toISOString()
  const withoutProvenance: Omit<SetupState, 'provenance'> = {
    currentStepId: 'identity-management',
    visitedStepIds: WIZARD_STEPS.map((step) => step.id),
    domainInput: DOMAIN,
    otherEmailDomains: [],
    env: 'production',
    checklist,
    idp: {
      entityIdInput: 'JumpCloud',
      ssoUrlInput: ssoUrl,
      certificate,
      metadata: { fileName: 'JumpCloud-dialpad-metadata.xml', importedAt: at(90).toISOString(), entityId: 'JumpCloud', ssoUrl, signingCertificates: [certificate] },
    },
    spCopiedToJumpCloud: { spEntityId: sp.spEntityId, acsUrl: sp.acsUrl },
    scim: { baseUrlMode: 'environment', customBaseUrl: '', extraCa: null, testUserEmail: TEST_USER, lastConnectionTest: connection, lastLifecycleTest: lifecycle },
    sso: { lastServicesCheck: null, lastLoginCheck: null },
  }
  // Every tick and check as the app records it: made against the values of the setup, with the key stored then.
  const facts = { ...withoutProvenance, provenance: { ticks: {}, checks: {} }, apiKey: { last4: PLACEHOLDER_KEY.slice(-4), storedAt: keyStoredAt } }
  const setup: SetupState = {
    ...withoutProvenance,
    provenance: {
      ticks: Object.fromEntries(Object.keys(checklist).map((id) => [id, provenanceNow(tickInputs(id), facts, at(60))])),
      checks: {
        'scim-connection': provenanceNow(checkInputs('scim-connection'), facts, connection.checkedAt),
        'scim-lifecycle': provenanceNow(checkInputs('scim-lifecycle'), facts, lifecycle.checkedAt),
      },
    },
  }
  const profile: Profile = {
    id: '00000000-0000-4000-8000-000000000000',
    name: 'Example Inc.',
    notes: 'Example setup shipped with Dialpad SSO Assistant: example.com on Dialpad production, signed in through JumpCloud, users provisioned by SCIM. Used by the documentation and the tests.',
    createdAt: at(120).toISOString(),
    modifiedAt: at(5).toISOString(),
    setup,
  }
  const bundle = buildBundle(profile, {
    appVersion: APP_VERSION,
    now: exportedAt,
    keyStatus: { stored: true, last4: PLACEHOLDER_KEY.slice(-4), backend: 'keychain', storedAt: keyStoredAt },
    includeKeyHint: false,
  })
  const text = bundleText(bundle)
  const check = readBundle(text, exportedAt)
  if (check.kind !== 'valid') throw new Error(`The example bundle does not validate: ${JSON.stringify(check)}`)
  await writeFile(OUT, text)
  process.stdout.write(`Wrote ${OUT} (${bundle.progress.done} of ${bundle.progress.total} steps, certificate valid until ${check.certificate?.notAfter}).\n`)
}

void main()
