import type { NetTarget } from './netDiagnosis'

/**
 * Every address a live check sends requests to, with the words its diagnoses use: the data that parameterises
 * diagnoseNetFailure. A new kind of address gets a new entry here, never a new switch over failures.
 */
export const netTargets = {
  /** Dialpad's SCIM service at the base URL given to the SCIM checks; `expected` is Dialpad's base URL closest to it. */
  dialpadScim: (url: URL, expected: string): NetTarget => ({
    url,
    service: 'Dialpad',
    nameService: false,
    again: 'test',
    addressName: 'base URL',
    example: expected,
    checkAddress: `Check the base URL is spelled like ${expected}.`,
    usualAnswer: 'any SCIM answer',
  }),
  /** Dialpad's SAML metadata for the domain: the assistant derives the address, so there is nothing to re-check. */
  dialpadSamlMetadata: (url: URL): NetTarget => ({
    url,
    service: 'Dialpad',
    nameService: true,
    again: 'check',
    addressName: 'address',
    usualAnswer: 'expected',
  }),
  /** JumpCloud's IdP SSO URL as the admin copied it into the assistant. */
  jumpCloudSsoUrl: (url: URL, checkAddress: string): NetTarget => ({
    url,
    service: 'JumpCloud',
    nameService: true,
    again: 'check',
    addressName: 'IdP SSO URL',
    checkAddress,
    usualAnswer: 'expected',
  }),
  /** A test server standing in for Dialpad at an address given instead of Dialpad's (tests, a mirror). */
  customTestAddress: (url: URL, baseUrl: string): NetTarget => ({
    url,
    service: 'Dialpad',
    nameService: true,
    again: 'check',
    addressName: 'base URL',
    checkAddress: `Check the base URL (${baseUrl}).`,
    usualAnswer: 'expected',
  }),
} as const
