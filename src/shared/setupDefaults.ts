import type { IdpState, ScimState, SetupProvenance, SsoState } from './setupState'

/** The parts of a setup before anything is entered. Plain values, no zod (see limits.ts). */
export const EMPTY_SCIM: ScimState = {
  baseUrlMode: 'environment',
  customBaseUrl: '',
  extraCa: null,
  testUserEmail: '',
  lastConnectionTest: null,
  lastLifecycleTest: null,
}

export const EMPTY_SSO: SsoState = { lastServicesCheck: null, lastLoginCheck: null }

export const EMPTY_IDP: IdpState = { entityIdInput: '', ssoUrlInput: '', certificate: null, metadata: null }

export const EMPTY_PROVENANCE: SetupProvenance = { ticks: {}, checks: {} }
