import type { SetupState } from '../../src/shared/setupState'

export const SAMPLE_SETUP: SetupState = {
  currentStepId: 'enable-saml',
  visitedStepIds: ['prerequisites', 'enable-saml'],
  domainInput: 'Example.com',
  otherEmailDomains: [],
  env: 'sandbox',
  checklist: { 'prerequisites.dialpad-admin': true },
  idp: { entityIdInput: '', ssoUrlInput: '', certificate: null, metadata: null },
  spCopiedToJumpCloud: null,
  scim: {
    baseUrlMode: 'environment',
    customBaseUrl: '',
    extraCa: null,
    testUserEmail: '',
    lastConnectionTest: null,
    lastLifecycleTest: null,
  },
  sso: { lastServicesCheck: null, lastLoginCheck: null },
  provenance: { ticks: {}, checks: {} },
}
