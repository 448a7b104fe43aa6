import type { LiveCheckKind } from '../liveCheck'
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
  SECONDARY_DOMAIN_REQUESTED,
  SKIP_LIFECYCLE_TEST,
  SKIP_LOGIN_CHECK,
  TEST_A_LOGIN,
} from './checklists'

export type { WizardFacts } from '../provenance'

/** A value a step needs before it can be done. Values are the inputs themselves, so they are never out of date. */
export type StepRequirement = 'domain' | 'idp-values' | 'api-key'

/** A wizard step without its screen: the app, the profile list, reports and bundles judge progress with these. */
export interface WizardStep {
  id: string
  title: string
  /** The ticks this step shows, in the order shown (including a skip section, if any). */
  checklists: readonly ChecklistSection[]
  /** Values entered on this step: they must be there, and entering one starts the step. */
  enters?: readonly StepRequirement[]
  /** Values entered on an earlier step that this one needs too. */
  needs?: readonly StepRequirement[]
  /** The live check whose passing result (for the current values) completes the step. */
  check?: LiveCheckKind
  /** Checks the step also shows that do not decide it. */
  alsoShows?: readonly LiveCheckKind[]
  /** The section whose tick skips the step (a decision; the step then counts as finished, and says "skipped"). */
  skip?: ChecklistSection
  /** A tick meaning "asked someone else": once it is ticked and the rest are not, the step is waiting, not stuck. */
  waitingOn?: { askedItem: string; who: string }
  /** What is still missing, said when the admin leaves the step before it is done. */
  incompleteHint: string
}

/** The wizard, in order. Adding or reordering a step touches this list and the renderer's screen map. */
export const WIZARD_STEPS = [
  {
    id: 'prerequisites',
    title: 'Before you start',
    checklists: [PREREQUISITES],
    incompleteHint: 'Tick each item under “Before you start” once it is true for you.',
  },
  {
    id: 'enable-saml',
    title: 'Enable SAML in Dialpad',
    checklists: [ENABLE_SAML_IN_DIALPAD],
    enters: ['domain'],
    incompleteHint: 'Enter a valid company domain and tick each item under “Check in Dialpad”.',
  },
  {
    id: 'configure-jumpcloud',
    title: 'Configure the Dialpad app in JumpCloud',
    checklists: [CREATE_JUMPCLOUD_APP, JUMPCLOUD_SSO_TAB],
    needs: ['domain'],
    incompleteHint: 'Tick each item under “Create the application” and “In the SSO tab” once you have done it in JumpCloud.',
  },
  {
    id: 'idp-values',
    title: 'Bring the IdP values back from JumpCloud',
    checklists: [],
    enters: ['idp-values'],
    incompleteHint: 'Import JumpCloud’s metadata or certificate, and make sure the IdP Entity ID and IdP SSO URL have no errors.',
  },
  {
    id: 'configure-dialpad',
    title: 'Configure SAML in Dialpad',
    checklists: [CONFIGURE_SAML_IN_DIALPAD],
    incompleteHint: 'Paste the three values into Dialpad, select Save, then tick each item under “In Dialpad”.',
  },
  {
    id: 'saml-users',
    title: 'Set up SAML users',
    checklists: [GIVE_GROUP_THE_APP, TEST_A_LOGIN],
    incompleteHint: 'Tick each item once it is done; the last one means a test user really signed in to Dialpad.',
  },
  {
    id: 'sso-login',
    title: 'Check a real SSO login',
    checklists: [SKIP_LOGIN_CHECK],
    check: 'sso-login',
    alsoShows: ['sso-services'],
    skip: SKIP_LOGIN_CHECK,
    incompleteHint: 'Check a login (in the app or with a pasted SAML response) until it passes, or tick that you are skipping it.',
  },
  {
    id: 'create-api-key',
    title: 'Create a Dialpad API key',
    checklists: [CREATE_API_KEY],
    incompleteHint: 'Create the key in Dialpad, then tick each item under “In Dialpad”.',
  },
  {
    id: 'store-api-key',
    title: 'Store the API key',
    checklists: [],
    enters: ['api-key'],
    incompleteHint: 'Paste the API key and select “Store in keychain”.',
  },
  {
    id: 'secondary-domain',
    title: 'Allow jumpcloud.com as a secondary domain',
    checklists: [SECONDARY_DOMAIN],
    waitingOn: { askedItem: SECONDARY_DOMAIN_REQUESTED, who: 'Dialpad Support' },
    incompleteHint: 'Send the request to Dialpad Support and tick “I sent the request”; tick the second item once they confirm. The SCIM connection test does not need to wait for it.',
  },
  {
    id: 'scim-connection',
    title: 'Test the SCIM connection',
    checklists: [],
    check: 'scim-connection',
    incompleteHint: 'Run “Test connection” until it passes; each failure says what to fix.',
  },
  {
    id: 'scim-lifecycle',
    title: 'Test user provisioning (optional)',
    checklists: [SKIP_LIFECYCLE_TEST],
    check: 'scim-lifecycle',
    skip: SKIP_LIFECYCLE_TEST,
    incompleteHint: 'Run the lifecycle test until it passes, or tick “I am skipping this optional test”.',
  },
  {
    id: 'identity-management',
    title: 'Enable Identity Management in JumpCloud',
    checklists: [IDENTITY_MANAGEMENT],
    incompleteHint: 'Tick each item once it is done in JumpCloud; Activate runs JumpCloud’s own test.',
  },
] as const satisfies readonly WizardStep[]

export type WizardStepId = (typeof WIZARD_STEPS)[number]['id']

