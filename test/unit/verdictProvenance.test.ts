import { createHash, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { CheckRun } from '../../src/shared/checkRun'
import type { LiveCheckKind } from '../../src/shared/liveCheck'
import { INPUT_NAMES, type InputName, type KeyIdentity, type WizardFacts, provenanceNow } from '../../src/shared/provenance'
import { certificateFingerprint, sha256 } from '../../src/shared/sha256'
import type { LoginCheckSource, SetupState } from '../../src/shared/setupState'
import { SECONDARY_DOMAIN_REQUESTED } from '../../src/shared/wizard/checklists'
import { WIZARD_STEPS } from '../../src/shared/wizard/steps'
import { type Verdict, deriveSetupStatus, lapsedBy, wizardProgress } from '../../src/shared/wizard/stepState'
import { TICK_INPUTS, checkInputs, tickInputs } from '../../src/shared/wizard/verdictInputs'
import { SAMPLE_SETUP } from '../support/sampleSetup'

const CERTIFICATE = randomBytes(600).toString('base64')
const OTHER_CERTIFICATE = randomBytes(600).toString('base64')
const KEY: KeyIdentity = { last4: 'WXYZ', storedAt: '2026-11-20T08:00:00.000Z' }
const AT = '2026-11-21T09:00:00.000Z'
const PASSED: CheckRun = { ok: true, checkedAt: AT, steps: [] }
const ALL_ITEMS = WIZARD_STEPS.flatMap((step) => step.checklists.flatMap((section) => section.items.map((item) => item.id)))
const SKIPS = ['sso-login.skipped', 'scim-lifecycle.skipped']

/** Every value entered, every item ticked and every check passed, each recorded against these values. */
function complete(source: LoginCheckSource = 'login-window', key: KeyIdentity | null = KEY): WizardFacts {
  const values: SetupState = {
    ...SAMPLE_SETUP,
    domainInput: 'Acme-Widgets.com',
    otherEmailDomains: ['acme.co.uk', 'acme-widgets.de'],
    env: 'production',
    idp: { entityIdInput: 'JumpCloud', ssoUrlInput: 'https://sso.jumpcloud.com/saml2/dialpad', certificate: CERTIFICATE, metadata: null },
    checklist: Object.fromEntries(ALL_ITEMS.filter((id) => !SKIPS.includes(id)).map((id) => [id, true])),
    scim: { ...SAMPLE_SETUP.scim, lastConnectionTest: PASSED, lastLifecycleTest: PASSED },
    sso: { lastServicesCheck: PASSED, lastLoginCheck: { source, run: PASSED } },
  }
  const facts: WizardFacts = { ...values, apiKey: key }
  const check = (kind: LiveCheckKind, from?: LoginCheckSource) => provenanceNow(checkInputs(kind, from), facts, AT)
  return {
    ...facts,
    provenance: {
      ticks: Object.fromEntries(Object.keys(values.checklist).map((id) => [id, provenanceNow(tickInputs(id), facts, AT)])),
      checks: {
        'sso-services': check('sso-services'),
        'sso-login': check('sso-login', source),
        'scim-connection': check('scim-connection'),
        'scim-lifecycle': check('scim-lifecycle'),
      },
    },
  }
}

interface Change {
  name: string
  change(facts: WizardFacts): WizardFacts
  /** The inputs whose value this edit changes. */
  touches: readonly InputName[]
}

/** One edit per input, and the edits that change no input (they must make nothing out of date). */
const CHANGES: Change[] = [
  { name: 'the company domain', change: (f) => ({ ...f, domainInput: 'acme.com' }), touches: ['domain'] },
  // Dialpad's SCIM base URL belongs to the environment, so it changes with it.
  { name: 'the Dialpad environment', change: (f) => ({ ...f, env: 'sandbox' }), touches: ['env', 'scimBaseUrl'] },
  { name: 'the IdP Entity ID', change: (f) => ({ ...f, idp: { ...f.idp, entityIdInput: 'jumpcloud' } }), touches: ['idpEntityId'] },
  { name: 'the IdP SSO URL', change: (f) => ({ ...f, idp: { ...f.idp, ssoUrlInput: 'https://sso.jumpcloud.com/saml2/dialpad-2' } }), touches: ['idpSsoUrl'] },
  { name: 'the IdP certificate', change: (f) => ({ ...f, idp: { ...f.idp, certificate: OTHER_CERTIFICATE } }), touches: ['certificate'] },
  { name: 'the SCIM base URL (custom)', change: (f) => ({ ...f, scim: { ...f.scim, baseUrlMode: 'custom', customBaseUrl: 'https://proxy.example/scim' } }), touches: ['scimBaseUrl'] },
  { name: 'the stored API key (replaced)', change: (f) => ({ ...f, apiKey: { last4: 'WXYZ', storedAt: '2026-11-22T08:00:00.000Z' } }), touches: ['apiKey'] },
  { name: 'the stored API key (deleted)', change: (f) => ({ ...f, apiKey: null }), touches: ['apiKey'] },
  { name: 'another company email domain', change: (f) => ({ ...f, otherEmailDomains: [...f.otherEmailDomains, 'acme-labs.com'] }), touches: ['otherEmailDomains'] },
  { name: 'the other email domains’ order and repeats', change: (f) => ({ ...f, otherEmailDomains: [...f.otherEmailDomains].reverse().concat(f.otherEmailDomains) }), touches: [] },
  { name: 'the domain’s letter case and spaces', change: (f) => ({ ...f, domainInput: '  ACME-widgets.COM ' }), touches: [] },
  { name: 'spaces around the IdP SSO URL', change: (f) => ({ ...f, idp: { ...f.idp, ssoUrlInput: ' https://sso.jumpcloud.com/saml2/dialpad ' } }), touches: [] },
  { name: 'the custom SCIM URL while Dialpad’s is used', change: (f) => ({ ...f, scim: { ...f.scim, customBaseUrl: 'https://unused.example/scim' } }), touches: [] },
  { name: 'the SCIM test user email', change: (f) => ({ ...f, scim: { ...f.scim, testUserEmail: 'other@acme-widgets.com' } }), touches: [] },
  // A metadata file imported again with the same values changes only the record of the import (file name, time).
  {
    name: 'JumpCloud’s metadata imported again with the same values',
    change: (f) => ({
      ...f,
      idp: {
        ...f.idp,
        metadata: { fileName: 'JumpCloud-dialpad-metadata (1).xml', importedAt: '2026-12-01T10:00:00.000Z', entityId: f.idp.entityIdInput, ssoUrl: f.idp.ssoUrlInput, signingCertificates: [CERTIFICATE, OTHER_CERTIFICATE] },
      },
    }),
    touches: [],
  },
  { name: 'the corporate CA file', change: (f) => ({ ...f, scim: { ...f.scim, extraCa: { fileName: 'ca.pem', pem: '-----BEGIN CERTIFICATE-----' } } }), touches: [] },
  { name: 'the API key’s last 4 characters only (a bundle without the key hint)', change: (f) => ({ ...f, apiKey: { last4: null, storedAt: KEY.storedAt } }), touches: [] },
  { name: 'the step on screen', change: (f) => ({ ...f, currentStepId: 'idp-values' }), touches: [] },
]

function verdictsOf(facts: WizardFacts): Map<string, Verdict> {
  const verdicts = deriveSetupStatus(facts).steps.flatMap((step) => [...step.ticks, ...step.skip, ...(step.check ? [step.check] : []), ...step.otherChecks])
  return new Map(verdicts.map((verdict) => [`${verdict.kind}:${verdict.id}`, verdict]))
}

interface Edge {
  verdict: string
  dependsOn: readonly InputName[]
  source: LoginCheckSource
}

const EDGES: Edge[] = [
  ...ALL_ITEMS.filter((id) => !SKIPS.includes(id)).map((id) => ({ verdict: `tick:${id}`, dependsOn: tickInputs(id), source: 'login-window' as const })),
  ...(['sso-services', 'scim-connection', 'scim-lifecycle'] as const).map((kind) => ({ verdict: `check:${kind}`, dependsOn: checkInputs(kind), source: 'login-window' as const })),
  ...(['login-window', 'pasted'] as const).map((source) => ({ verdict: `check:sso-login`, dependsOn: checkInputs('sso-login', source), source })),
]

const TABLE = EDGES.flatMap((edge) =>
  CHANGES.map((change) => ({
    ...edge,
    change,
    outOfDate: edge.dependsOn.some((input) => change.touches.includes(input)),
    label: `${edge.verdict}${edge.verdict === 'check:sso-login' ? ` (${edge.source})` : ''} × ${change.name}`,
  })),
)

describe('every dependency edge: which input change makes which tick or check out of date, and which does not', () => {
  it('covers every input, every tick and every check', () => {
    const touched = new Set(CHANGES.flatMap((change) => change.touches))
    expect([...touched].sort()).toEqual([...INPUT_NAMES].sort())
    expect(Object.keys(TICK_INPUTS).sort()).toEqual([...ALL_ITEMS].sort())
  })

  it.each(TABLE)('$label → out of date: $outOfDate', ({ verdict, source, change, outOfDate }) => {
    const before = complete(source)
    expect(verdictsOf(before).get(verdict)).toMatchObject({ made: true, freshness: 'current' })
    const after = verdictsOf(change.change(before)).get(verdict)
    expect(after?.freshness).toBe(outOfDate ? 'out-of-date' : 'current')
    if (outOfDate) expect(after?.note).toMatch(/^Out of date: was for .+\. (Tick|Run) it again for the current values\.$/)
    // Changing the value back makes the verdict count again: nothing was lost.
    expect(verdictsOf({ ...change.change(before), ...pick(before) }).get(verdict)?.freshness).toBe('current')
  })
})

/** The fields the changes above edit, as they were. */
function pick(facts: WizardFacts): Partial<WizardFacts> {
  return { domainInput: facts.domainInput, otherEmailDomains: facts.otherEmailDomains, env: facts.env, idp: facts.idp, scim: facts.scim, apiKey: facts.apiKey, currentStepId: facts.currentStepId }
}

describe('step states', () => {
  const stateOf = (facts: WizardFacts, id: string) => deriveSetupStatus(facts).steps.find((step) => step.id === id)
  const bare: WizardFacts = { ...SAMPLE_SETUP, domainInput: '', checklist: {}, apiKey: null }

  it('a complete setup is verified; the progress count and overall status say so', () => {
    const status = deriveSetupStatus(complete())
    expect(status.steps.every((step) => step.state === 'done')).toBe(true)
    expect(status.overview).toMatchObject({ kind: 'verified', headline: 'Verified: all 13 steps are done for the current values.', done: 13, outOfDate: [] })
  })

  it('a new setup is not started; typing a domain starts step 2', () => {
    expect(deriveSetupStatus(bare).overview).toMatchObject({ kind: 'not-started', headline: 'Not started yet.', done: 0 })
    expect(stateOf({ ...bare, domainInput: 'acme' }, 'enable-saml')?.state).toBe('in-progress')
    // A later step that only needs the domain has not started because it was entered.
    expect(stateOf({ ...bare, domainInput: 'acme.com' }, 'configure-jumpcloud')?.state).toBe('not-started')
  })

  it('after the domain changes, what was done for it is out of date, says what it was for, and stops counting', () => {
    const changed = { ...complete(), domainInput: 'acme.com' }
    const status = deriveSetupStatus(changed)
    expect(status.overview.outOfDate.map((step) => step.number)).toEqual([2, 3, 6, 7])
    expect(wizardProgress(changed)).toEqual({ done: 9, total: 13 })
    expect(stateOf(changed, 'configure-jumpcloud')).toMatchObject({ state: 'out-of-date', note: 'Out of date: was for acme-widgets.com. Tick again for the current values.' })
    expect(stateOf(changed, 'sso-login')).toMatchObject({ state: 'out-of-date', note: 'Out of date: was for acme-widgets.com. Run it again for the current values.' })
    expect(status.overview.headline).toBe('4 steps are out of date: they were done for values that have changed since. 9 of 13 steps done.')
  })

  it('doing it again for the new value makes it current', () => {
    const changed: WizardFacts = { ...complete(), domainInput: 'acme.com' }
    const id = 'configure-jumpcloud.pasted-sp-values'
    const again = { ...changed, provenance: { ...changed.provenance, ticks: { ...changed.provenance.ticks, [id]: provenanceNow(tickInputs(id), changed, AT) } } }
    expect(verdictsOf(again).get(`tick:${id}`)?.freshness).toBe('current')
  })

  it('the secondary-domain step waits once the request is sent, with its date, and the next steps are not held up', () => {
    const facts = complete()
    const { 'secondary-domain.confirmed': _confirmed, ...checklist } = facts.checklist
    const waiting = { ...facts, checklist }
    expect(stateOf(waiting, 'secondary-domain')).toMatchObject({ state: 'waiting', note: 'Waiting on Dialpad Support: requested on 2026-11-21 09:00 UTC.' })
    expect(stateOf(waiting, 'scim-connection')?.state).toBe('done')
    expect(deriveSetupStatus(waiting).overview).toMatchObject({ kind: 'in-progress', waiting: [{ id: 'secondary-domain', number: 10, title: 'Allow jumpcloud.com as a secondary domain' }] })
    const { [SECONDARY_DOMAIN_REQUESTED]: _requested, ...nothingSent } = checklist
    expect(stateOf({ ...waiting, checklist: nothingSent }, 'secondary-domain')?.state).toBe('not-started')
  })

  it('a skipped optional step is finished but named; a failed check is in progress, never out of date', () => {
    const facts = complete()
    const skipped: WizardFacts = {
      ...facts,
      checklist: { ...facts.checklist, 'scim-lifecycle.skipped': true },
      scim: { ...facts.scim, lastLifecycleTest: null },
    }
    expect(stateOf(skipped, 'scim-lifecycle')?.state).toBe('skipped')
    expect(deriveSetupStatus(skipped).overview).toMatchObject({ kind: 'finished', headline: 'Finished: 12 steps done, 1 skipped.' })
    const failed = { ...facts, scim: { ...facts.scim, lastLifecycleTest: { ...PASSED, ok: false } }, apiKey: { ...KEY, storedAt: '2026-12-01T00:00:00.000Z' } }
    expect(stateOf(failed, 'scim-lifecycle')?.state).toBe('in-progress')
  })

  it('a verdict made before its inputs were recorded does not count and asks to be confirmed', () => {
    const facts = complete()
    const { 'configure-dialpad.saved': _saved, ...ticks } = facts.provenance.ticks
    const unrecorded = { ...facts, provenance: { ...facts.provenance, ticks } }
    expect(verdictsOf(unrecorded).get('tick:configure-dialpad.saved')).toMatchObject({ freshness: 'unrecorded', note: 'Made before this version recorded its inputs: tick it again to confirm.' })
    expect(stateOf(unrecorded, 'configure-dialpad')).toMatchObject({ state: 'out-of-date', note: 'Made before this version recorded its inputs: tick again to confirm.' })
    // Nothing changed: the overall status does not claim that values changed, it says why the step stopped counting.
    expect(deriveSetupStatus(unrecorded).overview.headline).toBe(
      '1 step is out of date: it was done before this version recorded what it was done for. 12 of 13 steps done.',
    )
    // With a value changed too, it tells the two apart.
    expect(deriveSetupStatus({ ...unrecorded, domainInput: 'acme.com' }).overview.headline).toBe(
      '5 steps are out of date: 4 were done for values that have changed since, 1 before this version recorded what it was done for. 8 of 13 steps done.',
    )
    // A tick that depends on nothing needs no record.
    const { 'prerequisites.jumpcloud-admin': _admin, ...fewer } = facts.provenance.ticks
    expect(verdictsOf({ ...facts, provenance: { ...facts.provenance, ticks: fewer } }).get('tick:prerequisites.jumpcloud-admin')?.freshness).toBe('current')
  })

  it('lists what a change would make out of date, for the confirmation dialog', () => {
    const before = complete()
    expect(lapsedBy(before, { ...before, idp: { ...before.idp, certificate: OTHER_CERTIFICATE } })).toEqual([
      { stepNumber: 5, stepTitle: 'Configure SAML in Dialpad', label: 'I pasted the IdP Entity ID (Issuer), IdP SSO URL and Certificate.', kind: 'tick' },
      { stepNumber: 5, stepTitle: 'Configure SAML in Dialpad', label: 'I selected Save, and Dialpad saved the SAML settings without an error.', kind: 'tick' },
      { stepNumber: 6, stepTitle: 'Set up SAML users', label: 'After a few redirections, the test user is logged in to Dialpad.', kind: 'tick' },
      { stepNumber: 7, stepTitle: 'Check a real SSO login', label: 'SSO login check', kind: 'check' },
    ])
    expect(lapsedBy(before, { ...before, domainInput: 'ACME-WIDGETS.com' })).toEqual([])
  })
})

describe('the certificate fingerprint worked out in shared code', () => {
  it('is SHA-256 as Node computes it, for empty, short and multi-block input', () => {
    for (const size of [0, 1, 55, 56, 63, 64, 65, 1000, 4096]) {
      const bytes = randomBytes(size)
      expect(Buffer.from(sha256(new Uint8Array(bytes))).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'))
    }
  })

  it('reads a stored certificate body the way the certificate card shows it, and gives null for text that is not base64', () => {
    const der = randomBytes(700)
    const expected = createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)?.join(':')
    expect(certificateFingerprint(der.toString('base64'))).toBe(expected)
    expect(certificateFingerprint('not base64!')).toBeNull()
  })
})
