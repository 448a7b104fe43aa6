/**
 * Every tick the wizard asks for, by section, with the exact words the admin reads. The wizard shows them,
 * and reports print them with their state, so they live here rather than in the step components.
 */
export interface ChecklistItem {
  id: string
  label: string
}

export interface ChecklistSection {
  title: string
  items: readonly ChecklistItem[]
}

export const PREREQUISITES: ChecklistSection = {
  title: 'Before you start',
  items: [
    { id: 'prerequisites.dialpad-admin', label: 'I can sign in to Dialpad as a Company Admin (Admin Settings is visible).' },
    { id: 'prerequisites.jumpcloud-admin', label: 'I can sign in to the JumpCloud Admin Portal as an administrator.' },
    { id: 'prerequisites.test-user', label: 'I have a JumpCloud test user (not an admin) whose email is on our company domain.' },
  ],
}

export const ENABLE_SAML_IN_DIALPAD: ChecklistSection = {
  title: 'Check in Dialpad',
  items: [
    { id: 'enable-saml.opened-saml-page', label: 'In Dialpad, I opened Admin Settings › My Company › Authentication › SAML.' },
    { id: 'enable-saml.chose-custom', label: 'Under “Choose your provider”, I selected Custom.' },
    {
      id: 'enable-saml.values-match',
      label: 'The SP Entity ID and SP SSO Url (ACS) that Dialpad shows are the same as the values above. I kept the Dialpad tab open.',
    },
  ],
}

export const CREATE_JUMPCLOUD_APP: ChecklistSection = {
  title: 'Create the application',
  items: [
    { id: 'configure-jumpcloud.signed-in', label: 'I signed in to the JumpCloud Admin Portal as an administrator.' },
    { id: 'configure-jumpcloud.found-dialpad', label: 'I selected SSO, then +, typed Dialpad in the search bar and selected Configure.' },
    { id: 'configure-jumpcloud.activated', label: 'I entered a Display Label, selected Activate, then Continue.' },
    { id: 'configure-jumpcloud.opened-sso-tab', label: 'I clicked the created application and opened its SSO tab.' },
  ],
}

export const PASTED_SP_VALUES_ITEM = 'configure-jumpcloud.pasted-sp-values'

export const JUMPCLOUD_SSO_TAB: ChecklistSection = {
  title: 'In the SSO tab',
  items: [
    { id: PASTED_SP_VALUES_ITEM, label: 'I pasted the SP Entity ID and ACS URL into the SSO tab and selected Save.' },
    { id: 'configure-jumpcloud.reopened', label: 'I clicked the created application again and went back to the SSO tab.' },
    {
      id: 'configure-jumpcloud.email-attribute',
      label: 'In the Attributes section of the SSO tab, the Service Provider Attribute Name email is mapped to the JumpCloud attribute name email.',
    },
  ],
}

export const CONFIGURE_SAML_IN_DIALPAD: ChecklistSection = {
  title: 'In Dialpad',
  items: [
    { id: 'configure-dialpad.opened-saml-page', label: 'In Dialpad, I opened Admin Settings › My Company › Authentication › SAML.' },
    { id: 'configure-dialpad.pasted-values', label: 'I pasted the IdP Entity ID (Issuer), IdP SSO URL and Certificate.' },
    { id: 'configure-dialpad.saved', label: 'I selected Save, and Dialpad saved the SAML settings without an error.' },
  ],
}

export const GIVE_GROUP_THE_APP: ChecklistSection = {
  title: 'Give the group the Dialpad app',
  items: [
    { id: 'saml-users.admin-signed-in', label: 'In JumpCloud, I signed in as an administrator and selected User Groups.' },
    { id: 'saml-users.group-app', label: 'I selected the group we use for Dialpad, opened its Applications tab and ticked the Dialpad SSO app.' },
  ],
}

export const TEST_A_LOGIN: ChecklistSection = {
  title: 'Test a login',
  items: [
    { id: 'saml-users.test-user-portal', label: 'In another browser profile or private window, I signed in to JumpCloud as a test user from that group.' },
    { id: 'saml-users.app-listed', label: 'The Dialpad application is listed under the test user’s Applications.' },
    { id: 'saml-users.dialpad-login', label: 'In the same test user’s browser session, I opened the Dialpad login page in a new tab.' },
    { id: 'saml-users.another-provider', label: 'I clicked “Login with Another Provider”, entered our domain and clicked Next.' },
    { id: 'saml-users.logged-in', label: 'After a few redirections, the test user is logged in to Dialpad.' },
  ],
}

export const SKIP_LOGIN_CHECK: ChecklistSection = {
  title: 'Or skip it',
  items: [{ id: 'sso-login.skipped', label: 'I am skipping the checked login; the test user’s login in the previous step is enough for me.' }],
}

export const CREATE_API_KEY: ChecklistSection = {
  title: 'In Dialpad',
  items: [
    { id: 'create-api-key.opened', label: 'As a Dialpad Company Admin, I opened Admin Settings › My Company › Authentication › API Keys.' },
    { id: 'create-api-key.created', label: 'I selected Add key and generated a new key for JumpCloud with the default scopes (already selected).' },
    { id: 'create-api-key.kept', label: 'The key is on screen (Dialpad shows it only once); I will paste it into the next step now.' },
  ],
}

export const SECONDARY_DOMAIN_REQUESTED = 'secondary-domain.requested'

export const SECONDARY_DOMAIN: ChecklistSection = {
  title: 'Dialpad Support',
  items: [
    { id: SECONDARY_DOMAIN_REQUESTED, label: 'I sent the request to Dialpad Support.' },
    { id: 'secondary-domain.confirmed', label: 'Dialpad Support confirmed jumpcloud.com is a secondary domain of our company.' },
  ],
}

export const SKIP_LIFECYCLE_TEST: ChecklistSection = {
  title: 'Or skip it',
  items: [{ id: 'scim-lifecycle.skipped', label: 'I am skipping this optional test.' }],
}

export const IDENTITY_MANAGEMENT: ChecklistSection = {
  title: 'In JumpCloud',
  items: [
    { id: 'identity-management.opened', label: 'In JumpCloud, I opened the Dialpad SSO application and its Identity Management tab.' },
    { id: 'identity-management.scim-2', label: 'Under Configuration Settings, the SCIM Version is SCIM 2.0.' },
    { id: 'identity-management.base-url', label: 'I pasted the Base URL.' },
    { id: 'identity-management.token-key', label: 'I pasted the API key into Token Key.' },
    { id: 'identity-management.test-connection', label: 'I clicked Test Connection and it succeeded (Group Management became available).' },
    { id: 'identity-management.group-management-off', label: 'I turned OFF Group Management.' },
    { id: 'identity-management.activated', label: 'I clicked Activate and JumpCloud’s user creation/deletion test succeeded.' },
    { id: 'identity-management.saved', label: 'I selected Save.' },
  ],
}

export function allChecked(checklist: Readonly<Record<string, boolean>>, section: ChecklistSection): boolean {
  return section.items.every((item) => checklist[item.id] === true)
}
