import { describe, expect, it, vi } from 'vitest'
import { validateSamlResponse } from '../../src/core/sso/response/validateSamlResponse'
import { deriveSpValues } from '../../src/shared/spValues'
import { makeTestIdp, signedResponse } from '../support/samlTestIdp'

vi.mock('../../src/core/sso/response/signatureVerification', () => ({
  verifySignatures: () => Promise.reject(new Error('library exploded')),
}))

describe('an unexpected failure inside the check', () => {
  it('still gives a readable result: the step that broke fails with the reason, the rest are skipped', async () => {
    const idp = await makeTestIdp()
    const sp = deriveSpValues('example.com', 'production')
    const now = new Date('2026-03-02T10:00:00Z')
    const xml = signedResponse(idp, sp, { issuedAt: now })
    const { run, summary } = await validateSamlResponse(
      { text: xml },
      { ...sp, companyDomain: 'example.com', idpEntityId: 'JumpCloud', idpCertificate: idp.certificateBody, requestId: null },
      { now },
    )
    expect(run.ok).toBe(false)
    expect(run.steps.map((step) => [step.id, step.status]).slice(0, 5)).toEqual([
      ['decode', 'pass'],
      ['status', 'pass'],
      ['one-assertion', 'pass'],
      ['signature', 'fail'],
      ['signature-algorithm', 'skipped'],
    ])
    expect(run.steps[3]).toMatchObject({ detail: 'Unexpected problem while checking: library exploded', fix: expect.stringContaining('send these details to support') })
    expect(run.steps).toHaveLength(14)
    expect(summary).toBeNull()
  })
})
