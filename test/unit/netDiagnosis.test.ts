import { describe, expect, it } from 'vitest'
import { diagnoseNetFailure, diagnoseServiceTrouble } from '../../src/core/checks/netDiagnosis'
import { netTargets } from '../../src/core/checks/netTargets'
import type { NetFailureKind } from '../../src/core/net/netFailure'

/** One mapping from network failures to advice, worded for each address a check sends requests to. */

const KINDS: NetFailureKind[] = [
  'blocked-url', 'dns', 'refused', 'unreachable', 'connect-timeout', 'tls-untrusted', 'tls-expired', 'tls-hostname',
  'tls-other', 'reset', 'proxy', 'headers-timeout', 'body-timeout', 'deadline', 'too-large', 'cancelled', 'other',
]
const CHECK_JUMPCLOUD = "Check the IdP SSO URL is JumpCloud's IDP URL."
const TARGETS = {
  'Dialpad SCIM': netTargets.dialpadScim(new URL('https://dialpad.com/scim/Users'), 'https://dialpad.com/scim'),
  'Dialpad SAML metadata': netTargets.dialpadSamlMetadata(new URL('https://dialpad.com/api/saml/metadata/custom/acme.com')),
  'JumpCloud SSO URL': netTargets.jumpCloudSsoUrl(new URL('https://sso.jumpcloud.com/saml2/dialpad'), CHECK_JUMPCLOUD),
  'a custom test address': netTargets.customTestAddress(new URL('http://127.0.0.1:8443/api/saml/metadata/custom/acme.com'), 'http://127.0.0.1:8443'),
}

describe('diagnoseNetFailure', () => {
  it.each(Object.entries(TARGETS))('says what happened and what to do next for every failure, for %s', (_name, target) => {
    for (const kind of KINDS) {
      const diagnosis = diagnoseNetFailure({ kind, code: 'ECODE', message: 'underlying message', peer: undefined }, target)
      expect(diagnosis.detail.length, kind).toBeGreaterThan(10)
      expect(diagnosis.fix, kind).toMatch(/^[A-Z].*\.$/)
      // A check of several services says which one failed; a check of one names the host alone.
      if (target.nameService && !['blocked-url', 'tls-expired', 'tls-hostname', 'too-large', 'cancelled'].includes(kind)) {
        expect(diagnosis.detail, kind).toContain(target.service)
      }
      if (!target.nameService && kind !== 'other') expect(diagnosis.detail, kind).not.toContain('Dialpad')
    }
  })

  it('puts the target\'s own address check first where the address may be wrong, and none where the assistant derived it', () => {
    const dns = (target: (typeof TARGETS)[keyof typeof TARGETS]) => diagnoseNetFailure({ kind: 'dns', code: 'ENOTFOUND', message: '' }, target).fix
    expect(dns(TARGETS['Dialpad SCIM'])).toBe(
      'Check the base URL is spelled like https://dialpad.com/scim. If it is right, check this computer is online, and on a company network ask IT whether a proxy must be set (HTTPS_PROXY).',
    )
    expect(dns(TARGETS['JumpCloud SSO URL'])).toMatch(/^Check the IdP SSO URL is JumpCloud's IDP URL\. If it is right, check this computer is online/)
    expect(dns(TARGETS['a custom test address'])).toMatch(/^Check the base URL \(http:\/\/127\.0\.0\.1:8443\)\. If it is right/)
    expect(dns(TARGETS['Dialpad SAML metadata'])).toMatch(/^Check this computer is online/)
  })

  it('speaks of a test or a check, as the button the admin pressed', () => {
    const cancelled = { kind: 'cancelled', message: 'Cancelled.' } as const
    expect(diagnoseNetFailure(cancelled, TARGETS['Dialpad SCIM'])).toEqual({ detail: 'Cancelled before the answer arrived.', fix: 'Run the test again when you are ready.' })
    expect(diagnoseNetFailure(cancelled, TARGETS['JumpCloud SSO URL']).fix).toBe('Run the check again when you are ready.')
  })
})

describe('diagnoseServiceTrouble', () => {
  const now = new Date('2026-12-06T12:00:00Z')
  const answer = (status: number, headers: Record<string, string> = {}) => ({ status, headers, body: '' })

  it('puts a busy (429) or broken (5xx) service on its side, for each service, and leaves other statuses to the check', () => {
    expect(diagnoseServiceTrouble(answer(429, { 'retry-after': '30' }), TARGETS['Dialpad SCIM'], now, '429')).toEqual({
      detail: 'Dialpad is limiting requests (429) and asks to wait 30 seconds.',
      fix: 'Wait 30 seconds, then test again; the assistant does not retry on its own.',
    })
    expect(diagnoseServiceTrouble(answer(503), TARGETS['Dialpad SAML metadata'], now, 'HTTP 503')).toEqual({
      detail: 'Dialpad could not answer (HTTP 503).',
      fix: "This is on Dialpad's side: check again in a few minutes; if it persists, contact Dialpad Support with the time of this check.",
    })
    expect(diagnoseServiceTrouble(answer(404), TARGETS['Dialpad SCIM'], now, '404')).toBeUndefined()
  })
})
