/**
 * What Dialpad's articles say about who can use the integration, and where newer Dialpad pages name things
 * differently, in the words the wizard shows (docs/service-facts.md, "Plans and product names"). No check depends on
 * any of it: plan names change, so the wizard says what each version says and tells the admin to ask Dialpad.
 */
export const SSO_PLANS =
  'Dialpad’s article (2023) makes JumpCloud SAML single sign-on and SCIM available to Ai Voice, Ai Sales and Contact Center customers on an Enterprise plan; its newer version names Dialpad Connect, Dialpad Sell and Dialpad Support on a Premium plan.'

export const SCIM_PLANS =
  'Dialpad’s SCIM article makes JumpCloud SCIM provisioning available to Dialpad Sell and Dialpad Support, and to Dialpad Connect on a Pro or Enterprise plan (its earlier version: Ai Sales, Contact Center, and Ai Voice on Pro or Enterprise).'

export const PLAN_NAMES_CHANGE = 'Plan and product names change: if yours is not listed, ask Dialpad.'

/** Dialpad's newer pages (Microsoft Azure SCIM, 2024-2025) say Company Settings where the JumpCloud articles say My Company. */
export const MY_COMPANY_RENAMED = 'Newer Dialpad help pages call “My Company” “Company Settings”: follow whichever your Admin Settings show.'
