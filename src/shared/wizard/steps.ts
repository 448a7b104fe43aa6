import { parseDomain } from '../domain'
import { checkIdpEntityId, checkIdpSsoUrl } from '../idpValues'
import type { SetupState } from '../setupState'
import {
  CONFIGURE_SAML_IN_DIALPAD,
  CREATE_API_KEY,
  CREATE_JUMPCLOUD_APP,
  type ChecklistSection,
  ENABLE_SAML_IN_DIALPAD,
  GIVE_GROUP_THE_APP,
  IDENTITY_MANAGEMENT,
  JUMPCLOUD_SSO_TAB,
  PREREQUISITES,
  SECONDARY_DOMAIN,
  SKIP_LIFECYCLE_TEST,
  SKIP_LOGIN_CHECK,
  TEST_A_LOGIN,
  allChecked,
} from './checklists'

/** What a step can judge completion by: the saved setup, plus facts main keeps out of it (the key itself never). */
export type WizardFacts = SetupState & { apiKeyStored: boolean }

/** A wizard step without its screen: the app, the profile list and reports all judge progress with these. */
export interface WizardStep {
  id: string
  title: string
  /** The ticks this step asks for, in the order shown. */
  checklists: readonly ChecklistSection[]
  isComplete(state: WizardFacts): boolean
  /** Shown when the admin presses Next before the step is complete: what is still missing. */
  incompleteHint: string
}

const ticked = (...sections: ChecklistSection[]) => (state: WizardFacts) => sections.every((s) => allChecked(state.checklist, s))

/** The wizard, in order. Adding or reordering a step touches this list and the renderer's screen map. */
export const WIZARD_STEPS = [
  {
    id: 'prerequisites',
    title: 'Before you start',
    checklists: [PREREQUISITES],
    isComplete: ticked(PREREQUISITES),
    incompleteHint: 'Tick each item under “Before you start” once it is true for you.',
  },
  {
    id: 'enable-saml',
    title: 'Enable SAML in Dialpad',
    checklists: [ENABLE_SAML_IN_DIALPAD],
    isComplete: (state) => parseDomain(state.domainInput).ok && allChecked(state.checklist, ENABLE_SAML_IN_DIALPAD),
    incompleteHint: 'Enter a valid company domain and tick each item under “Check in Dialpad”.',
  },
  {
    id: 'configure-jumpcloud',
    title: 'Configure the Dialpad app in JumpCloud',
    checklists: [CREATE_JUMPCLOUD_APP, JUMPCLOUD_SSO_TAB],
    isComplete: (state) => parseDomain(state.domainInput).ok && ticked(CREATE_JUMPCLOUD_APP, JUMPCLOUD_SSO_TAB)(state),
    incompleteHint: 'Tick each item under “Create the application” and “In the SSO tab” once you have done it in JumpCloud.',
  },
  {
    id: 'idp-values',
    title: 'Bring the IdP values back from JumpCloud',
    checklists: [],
    isComplete: ({ idp }) =>
      checkIdpEntityId(idp.entityIdInput).error === null && checkIdpSsoUrl(idp.ssoUrlInput).error === null && idp.certificate !== null,
    incompleteHint: 'Import JumpCloud’s metadata or certificate, and make sure the IdP Entity ID and IdP SSO URL have no errors.',
  },
  {
    id: 'configure-dialpad',
    title: 'Configure SAML in Dialpad',
    checklists: [CONFIGURE_SAML_IN_DIALPAD],
    isComplete: ticked(CONFIGURE_SAML_IN_DIALPAD),
    incompleteHint: 'Paste the three values into Dialpad, select Save, then tick each item under “In Dialpad”.',
  },
  {
    id: 'saml-users',
    title: 'Set up SAML users',
    checklists: [GIVE_GROUP_THE_APP, TEST_A_LOGIN],
    isComplete: ticked(GIVE_GROUP_THE_APP, TEST_A_LOGIN),
    incompleteHint: 'Tick each item once it is done; the last one means a test user really signed in to Dialpad.',
  },
  {
    id: 'sso-login',
    title: 'Check a real SSO login',
    checklists: [SKIP_LOGIN_CHECK],
    isComplete: (state) => state.sso.lastLoginCheck?.run.ok === true || allChecked(state.checklist, SKIP_LOGIN_CHECK),
    incompleteHint: 'Check a login (in the app or with a pasted SAML response) until it passes, or tick that you are skipping it.',
  },
  {
    id: 'create-api-key',
    title: 'Create a Dialpad API key',
    checklists: [CREATE_API_KEY],
    isComplete: ticked(CREATE_API_KEY),
    incompleteHint: 'Create the key in Dialpad, then tick each item under “In Dialpad”.',
  },
  {
    id: 'store-api-key',
    title: 'Store the API key',
    checklists: [],
    isComplete: (state) => state.apiKeyStored,
    incompleteHint: 'Paste the API key and select “Store in keychain”.',
  },
  {
    id: 'secondary-domain',
    title: 'Allow jumpcloud.com as a secondary domain',
    checklists: [SECONDARY_DOMAIN],
    isComplete: ticked(SECONDARY_DOMAIN),
    incompleteHint: 'Send the request to Dialpad Support and tick both items once they confirm.',
  },
  {
    id: 'scim-connection',
    title: 'Test the SCIM connection',
    checklists: [],
    isComplete: (state) => state.scim.lastConnectionTest?.ok === true,
    incompleteHint: 'Run “Test connection” until it passes; each failure says what to fix.',
  },
  {
    id: 'scim-lifecycle',
    title: 'Test user provisioning (optional)',
    checklists: [SKIP_LIFECYCLE_TEST],
    isComplete: (state) => state.scim.lastLifecycleTest?.ok === true || allChecked(state.checklist, SKIP_LIFECYCLE_TEST),
    incompleteHint: 'Run the lifecycle test until it passes, or tick “I am skipping this optional test”.',
  },
  {
    id: 'identity-management',
    title: 'Enable Identity Management in JumpCloud',
    checklists: [IDENTITY_MANAGEMENT],
    isComplete: ticked(IDENTITY_MANAGEMENT),
    incompleteHint: 'Tick each item once it is done in JumpCloud; Activate runs JumpCloud’s own test.',
  },
] as const satisfies readonly WizardStep[]

export type WizardStepId = (typeof WIZARD_STEPS)[number]['id']

/** Steps done out of all steps, as the wizard header and the profile list show it. */
export function wizardProgress(facts: WizardFacts): { done: number; total: number } {
  return { done: WIZARD_STEPS.filter((step) => step.isComplete(facts)).length, total: WIZARD_STEPS.length }
}
