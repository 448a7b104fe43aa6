import type { CheckRun } from '../../src/shared/checkRun'
import type { ProfileKeyStatus } from '../../src/shared/keyStatus'
import { type KeyIdentity, provenanceNow } from '../../src/shared/provenance'
import type { SetupState } from '../../src/shared/setupState'
import { deriveSpValues } from '../../src/shared/spValues'
import { WIZARD_STEPS } from '../../src/shared/wizard/steps'
import { checkInputs, tickInputs } from '../../src/shared/wizard/verdictInputs'
import { SAMPLE_SETUP } from './sampleSetup'

const SP = deriveSpValues('acme-widgets.com', 'production')

/** A SCIM connection test as the app stores it: one failure with its fix, then the passing run. */
export const FAILED_CONNECTION: CheckRun = {
  ok: false,
  checkedAt: '2026-11-20T09:15:00.000Z',
  steps: [
    { id: 'inputs', title: 'The base URL and API key are usable', status: 'pass', durationMs: 0, detail: 'Testing https://dialpad.com/scim.', decisive: true },
    {
      id: 'list-users',
      title: 'Dialpad accepts the API key',
      status: 'fail',
      httpStatus: 401,
      durationMs: 212,
      detail: 'Dialpad refused the API key (401 Unauthorized).',
      fix: 'In Dialpad, open Admin Settings > My Company > Authentication > API Keys, create a new key and store it again.',
      decisive: true,
    },
  ],
}

export const PASSED_CONNECTION: CheckRun = {
  ok: true,
  checkedAt: '2026-11-21T10:30:00.000Z',
  steps: [
    { id: 'inputs', title: 'The base URL and API key are usable', status: 'pass', durationMs: 0, detail: 'Testing https://dialpad.com/scim.', decisive: true },
    { id: 'service-provider-config', title: 'Dialpad answers as a SCIM 2.0 service', status: 'pass', httpStatus: 200, durationMs: 180, detail: 'Dialpad answers as a SCIM 2.0 service.', decisive: false },
    { id: 'list-users', title: 'Dialpad accepts the API key', status: 'pass', httpStatus: 200, durationMs: 205, detail: 'Dialpad accepted the API key and listed users (12 users in the company).', decisive: true },
  ],
}

/** The API key the filled setup's SCIM connection test ran with (stored for the profile at this time, ending in LAST). */
export const FILLED_KEY: KeyIdentity = { last4: 'LAST', storedAt: '2026-11-21T10:00:00.000Z' }
export const FILLED_KEY_STATUS: ProfileKeyStatus = { stored: true, last4: 'LAST', backend: 'keychain', storedAt: FILLED_KEY.storedAt }

/**
 * Every tick of the SAML half, with the given certificate (single-line base64 DER) and a passed SCIM connection test,
 * each with its provenance as the app records it (made against the setup's values, the check with FILLED_KEY).
 * Overrides replace fields after the provenance is worked out, so a changed value makes what depends on it out of date.
 */
export function filledSetup(certificate: string, overrides: Partial<SetupState> = {}): SetupState {
  const checklist: Record<string, boolean> = {}
  for (const step of WIZARD_STEPS.slice(0, 8)) for (const section of step.checklists) for (const item of section.items) checklist[item.id] = true
  const base = filledValues(certificate, checklist)
  const facts = { ...base, apiKey: FILLED_KEY }
  return {
    ...base,
    provenance: {
      ticks: Object.fromEntries(Object.keys(checklist).map((id) => [id, provenanceNow(tickInputs(id), facts, '2026-11-19T15:00:00.000Z')])),
      checks: { 'scim-connection': provenanceNow(checkInputs('scim-connection'), facts, PASSED_CONNECTION.checkedAt) },
    },
    ...overrides,
  }
}

function filledValues(certificate: string, checklist: Record<string, boolean>): SetupState {
  return {
    ...SAMPLE_SETUP,
    currentStepId: 'scim-connection',
    visitedStepIds: WIZARD_STEPS.slice(0, 11).map((step) => step.id),
    domainInput: 'Acme-Widgets.com',
    env: 'production',
    checklist,
    idp: {
      entityIdInput: 'JumpCloud',
      ssoUrlInput: 'https://sso.jumpcloud.com/saml2/dialpad-acme',
      certificate,
      metadata: {
        fileName: 'JumpCloud-saml2-metadata.xml',
        importedAt: '2026-11-19T14:02:00.000Z',
        entityId: 'JumpCloud',
        ssoUrl: 'https://sso.jumpcloud.com/saml2/dialpad-acme',
        signingCertificates: [certificate],
      },
    },
    spCopiedToJumpCloud: { spEntityId: SP.spEntityId, acsUrl: SP.acsUrl },
    scim: { ...SAMPLE_SETUP.scim, testUserEmail: 'sso-test@acme-widgets.com', lastConnectionTest: PASSED_CONNECTION },
  }
}
