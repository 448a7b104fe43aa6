/**
 * Which inputs each verdict depends on: when one of them changes, the verdict is out of date until it is made again.
 * The rule behind the table: a tick or check depends on the values it is a statement about, and on nothing else.
 * Ticks about who the admin is or what they clicked in a console (signing in, finding the app) depend on nothing;
 * "Dialpad shows the same values as above" depends on what "above" was; "the test user signed in" is the SAML setup
 * working end to end, so it depends on every SAML value. The unit test walks every row of this table.
 */
import type { LiveCheckKind } from '../liveCheck'
import type { InputName } from '../provenance'
import type { LoginCheckSource } from '../setupState'

const NONE: readonly InputName[] = []
/** The values that make up the SAML setup, as Dialpad and JumpCloud hold them. */
const SAML: readonly InputName[] = ['domain', 'env', 'idpEntityId', 'idpSsoUrl', 'certificate']
/** What Dialpad's SAML page holds from JumpCloud. */
const IDP_IN_DIALPAD: readonly InputName[] = ['env', 'idpEntityId', 'idpSsoUrl', 'certificate']
const SP_VALUES: readonly InputName[] = ['domain', 'env']
/** The app's own SCIM checks: the address they ran against (a test-only one included) and the key. */
const SCIM: readonly InputName[] = ['scimBaseUrl', 'apiKey']
/** JumpCloud's side: it always calls Dialpad's address for the environment (never a test-only one), with the key. */
const JUMPCLOUD_SCIM: readonly InputName[] = ['env', 'apiKey']

/** By checklist item id; an item not listed here depends on nothing (the test requires every item to be listed). */
export const TICK_INPUTS: Readonly<Record<string, readonly InputName[]>> = {
  // Step 1 is ticked before any value is entered, so its ticks cannot be about one.
  'prerequisites.dialpad-admin': NONE,
  'prerequisites.jumpcloud-admin': NONE,
  'prerequisites.test-user': NONE,

  'enable-saml.opened-saml-page': ['env'],
  'enable-saml.chose-custom': ['env'],
  'enable-saml.values-match': SP_VALUES,

  'configure-jumpcloud.signed-in': NONE,
  'configure-jumpcloud.found-dialpad': NONE,
  'configure-jumpcloud.activated': NONE,
  'configure-jumpcloud.opened-sso-tab': NONE,
  'configure-jumpcloud.pasted-sp-values': SP_VALUES,
  'configure-jumpcloud.reopened': NONE,
  'configure-jumpcloud.email-attribute': NONE,

  'configure-dialpad.opened-saml-page': ['env'],
  'configure-dialpad.pasted-values': IDP_IN_DIALPAD,
  'configure-dialpad.saved': IDP_IN_DIALPAD,

  'saml-users.admin-signed-in': NONE,
  'saml-users.group-app': NONE,
  'saml-users.test-user-portal': NONE,
  'saml-users.app-listed': NONE,
  'saml-users.dialpad-login': ['env'],
  'saml-users.another-provider': ['domain'],
  'saml-users.logged-in': SAML,

  // Skipping is a decision, not a statement about the values.
  'sso-login.skipped': NONE,

  // API keys belong to one Dialpad environment; creating one is not about which key the app stores later.
  'create-api-key.opened': ['env'],
  'create-api-key.created': ['env'],
  'create-api-key.kept': ['env'],

  // A secondary domain is added to the company in one Dialpad environment. A corrected spelling of the primary
  // domain is the same company, so the request and Support's answer still hold.
  'secondary-domain.requested': ['env'],
  'secondary-domain.confirmed': ['env'],

  'scim-lifecycle.skipped': NONE,

  'identity-management.opened': NONE,
  'identity-management.scim-2': NONE,
  // Step 13 only ever offers JumpCloud Dialpad's Base URL for the environment, whatever address the app's checks use.
  'identity-management.base-url': ['env'],
  'identity-management.token-key': ['apiKey'],
  'identity-management.test-connection': JUMPCLOUD_SCIM,
  'identity-management.group-management-off': NONE,
  'identity-management.activated': JUMPCLOUD_SCIM,
  'identity-management.saved': JUMPCLOUD_SCIM,
}

export function tickInputs(itemId: string): readonly InputName[] {
  return TICK_INPUTS[itemId] ?? NONE
}

/**
 * By live check. The test login also depends on the IdP SSO URL (it starts there); a pasted response does not, since
 * it only shows what JumpCloud sent. The corporate CA file is how the app reaches the services, not part of the
 * setup, so it is no input. The test user's email is not one either: the lifecycle test's user is thrown away.
 */
export function checkInputs(kind: LiveCheckKind, source?: LoginCheckSource): readonly InputName[] {
  switch (kind) {
    case 'sso-services':
      return ['domain', 'env', 'idpSsoUrl']
    case 'sso-login':
      // The NameID and email checks accept the company's other email domains too.
      return source === 'pasted' ? ['domain', 'env', 'idpEntityId', 'certificate', 'otherEmailDomains'] : [...SAML, 'otherEmailDomains']
    case 'scim-connection':
    case 'scim-lifecycle':
      return SCIM
  }
}
