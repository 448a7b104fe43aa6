import { describe, expect, it } from 'vitest'
import { type LifecycleEvent, type ProfileLifecycle, nextLifecycle } from '../../src/renderer/src/store/profileLifecycle'

const closed: ProfileLifecycle = { kind: 'closed' }
const opening: ProfileLifecycle = { kind: 'opening', profileId: 'a' }
const open: ProfileLifecycle = { kind: 'open', profileId: 'a' }
const closing: ProfileLifecycle = { kind: 'closing', profileId: 'a' }
const failed: ProfileLifecycle = { kind: 'failed', profileId: 'a', message: 'This profile no longer exists.' }

const step = (state: ProfileLifecycle, event: LifecycleEvent) => nextLifecycle(state, event)

describe('the profile lifecycle: the way in and out', () => {
  it('goes closed → opening → open → closing → closed', () => {
    let state: ProfileLifecycle = closed
    for (const [event, kind] of [
      [{ type: 'open', profileId: 'a' }, 'opening'],
      [{ type: 'opened', profileId: 'a' }, 'open'],
      [{ type: 'close' }, 'closing'],
      [{ type: 'closed' }, 'closed'],
    ] as const) {
      const next = step(state, event)
      expect(next).toMatchObject({ ok: true, state: { kind } })
      if (next.ok) state = next.state
    }
  })

  it('records why a profile could not be opened, and opens another from there', () => {
    expect(step(opening, { type: 'open-failed', profileId: 'a', message: 'gone' })).toEqual({ ok: true, state: { kind: 'failed', profileId: 'a', message: 'gone' } })
    expect(step(failed, { type: 'open', profileId: 'b' })).toEqual({ ok: true, state: { kind: 'opening', profileId: 'b' } })
  })

  it('goes back to open when the admin stays in a profile whose last change was not saved', () => {
    expect(step(closing, { type: 'stayed' })).toEqual({ ok: true, state: open })
  })
})

describe('the profile lifecycle refuses what would mix two profiles or act on none', () => {
  const refused: Array<[string, ProfileLifecycle, LifecycleEvent]> = [
    ['opening a second profile while one is opening', opening, { type: 'open', profileId: 'b' }],
    ['opening the same profile twice at once', opening, { type: 'open', profileId: 'a' }],
    ['opening a profile while one is open (it must be closed first)', open, { type: 'open', profileId: 'b' }],
    ['opening a profile while one is closing', closing, { type: 'open', profileId: 'b' }],
    ['a profile opening that was not asked for', closed, { type: 'opened', profileId: 'a' }],
    ['another profile arriving than the one being opened', opening, { type: 'opened', profileId: 'b' }],
    ['opened twice', open, { type: 'opened', profileId: 'a' }],
    ['a failure to open when nothing is opening', closed, { type: 'open-failed', profileId: 'a', message: 'x' }],
    ['a failure to open another profile than the one opening', opening, { type: 'open-failed', profileId: 'b', message: 'x' }],
    ['a failure to open a profile that is already open', open, { type: 'open-failed', profileId: 'a', message: 'x' }],
    ['closing while closed', closed, { type: 'close' }],
    ['closing while a profile is still opening', opening, { type: 'close' }],
    ['closing twice', closing, { type: 'close' }],
    ['closing after a profile failed to open', failed, { type: 'close' }],
    ['finishing a close that never started', open, { type: 'closed' }],
    ['finishing a close while closed', closed, { type: 'closed' }],
    ['staying in a profile that is not closing', open, { type: 'stayed' }],
    ['staying when nothing is open', closed, { type: 'stayed' }],
  ]

  it.each(refused)('refuses %s', (_what, state, event) => {
    const next = step(state, event)
    expect(next.ok).toBe(false)
    expect(!next.ok && next.reason).toContain(`"${event.type}" is not possible while the profile lifecycle is ${state.kind}`)
  })
})
