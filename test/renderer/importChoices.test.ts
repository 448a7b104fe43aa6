import { describe, expect, it } from 'vitest'
import type { BundleSummary, ImportOutcome, ProfileMatch } from '../../src/shared/bundle'
import { importedMessage, newProfileChoiceLabel, refusalMessage, replaceChoiceLabel } from '../../src/renderer/src/profiles/importChoices'
import type { ReadablePreview } from '../../src/renderer/src/store/bundleSlice'
import { SAMPLE_SETUP } from '../support/sampleSetup'

const SUMMARY: BundleSummary = {
  name: 'Acme',
  notes: '',
  domain: 'acme.com',
  env: 'production',
  exportedAt: '2026-11-22T10:00:00.000Z',
  appVersion: '0.1.0',
  progress: { done: 3, total: 13 },
  overview: { kind: 'in-progress', headline: '3 of 13 steps done. 10 not done yet.' },
  exportedOverview: { kind: 'in-progress', headline: '3 of 13 steps done. 10 not done yet.' },
  steps: [],
  certificate: null,
  checks: [],
  keyHintLast4: null,
  problems: [],
  warnings: [],
}
const MATCH: ProfileMatch = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Acme Corp',
  modifiedAt: '2026-11-21T09:00:00.000Z',
  differences: [{ field: 'Name', before: 'Acme Corp', after: 'Acme' }],
}
const preview = (kind: ReadablePreview['kind'], matches: ProfileMatch[]): ReadablePreview => ({
  kind,
  summary: SUMMARY,
  warning: kind === 'digest-mismatch' ? 'This bundle was changed after it was exported.' : null,
  matches,
})
const outcome = (name: string, replaced: boolean): ImportOutcome => ({
  profile: { id: MATCH.id, name, notes: '', createdAt: '2026-11-22T10:00:00.000Z', modifiedAt: '2026-11-22T10:00:00.000Z', setup: SAMPLE_SETUP },
  replaced,
})

describe('the import choices', () => {
  it('offer a plain import for a bundle that is as exported', () => {
    expect(newProfileChoiceLabel(preview('ready', []))).toBe('Import as a new profile')
    expect(replaceChoiceLabel(preview('ready', [MATCH]), MATCH)).toBe('Replace “Acme Corp”')
  })

  it('say "anyway" on every button once the bundle was edited after export', () => {
    expect(newProfileChoiceLabel(preview('digest-mismatch', []))).toBe('Import anyway')
    expect(newProfileChoiceLabel(preview('digest-mismatch', [MATCH]))).toBe('Import anyway as a new profile')
    expect(replaceChoiceLabel(preview('digest-mismatch', [MATCH]), MATCH)).toBe('Replace “Acme Corp” anyway')
  })
})

describe('the status after an import', () => {
  it('shows a file name from outside as data: a right-to-left override or a line break as its code', () => {
    expect(importedMessage('invoice\u202egnp.dialpad-sso.json\nPASS', outcome('Acme', false), null)).toBe(
      'Imported invoice\\u202egnp.dialpad-sso.json\\u000aPASS as the new profile “Acme”.',
    )
  })

  it('names the file and the new profile, with the name core chose when the bundle’s was taken', () => {
    expect(importedMessage('acme.dialpad-sso.json', outcome('Acme (imported)', false), null)).toBe(
      'Imported acme.dialpad-sso.json as the new profile “Acme (imported)”.',
    )
  })

  it('says which profile was replaced, under its old name when the bundle renamed it, and that its key stayed', () => {
    expect(importedMessage('acme.dialpad-sso.json', outcome('Acme', true), 'Acme Corp')).toBe(
      'Imported acme.dialpad-sso.json into the profile “Acme” (it was called “Acme Corp”), replacing its setup. Its stored API key was kept.',
    )
    expect(importedMessage('acme.dialpad-sso.json', outcome('Acme', true), 'Acme')).toBe(
      'Imported acme.dialpad-sso.json into the profile “Acme”, replacing its setup. Its stored API key was kept.',
    )
  })
})

describe('a refusal', () => {
  it('always ends by saying nothing was imported, once', () => {
    expect(refusalMessage('This file is not valid JSON.')).toBe('This file is not valid JSON. Nothing was imported.')
    expect(refusalMessage('The bundle was edited. Nothing was imported.')).toBe('The bundle was edited. Nothing was imported.')
  })
})
