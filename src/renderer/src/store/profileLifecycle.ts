/**
 * The open profile's lifecycle as a state machine: which profile the wizard works on, and whether it is on its way in
 * or out. Pure: `nextLifecycle` says what a step leads to, or refuses it; the profile session slice
 * (profileSessionSlice.ts) holds the state and does the work around each step.
 *
 *   closed ──open──▶ opening ──opened──▶ open ──close──▶ closing ──closed──▶ closed
 *                      │                  ▲                 │
 *                      └──open-failed──▶ failed      stayed─┘ (the admin kept a profile whose last change was not saved)
 *
 * `failed` is closed with the reason the last profile could not be opened; another profile can be opened from it.
 * Refused on purpose: opening a profile while one is opening, open or closing (close it first: one profile at a time,
 * so nothing of one is saved into another), and closing one that is not open.
 */
export type ProfileLifecycle =
  | { kind: 'closed' }
  | { kind: 'opening'; profileId: string }
  | { kind: 'open'; profileId: string }
  | { kind: 'closing'; profileId: string }
  | { kind: 'failed'; profileId: string; message: string }

export type LifecycleEvent =
  | { type: 'open'; profileId: string }
  | { type: 'opened'; profileId: string }
  | { type: 'open-failed'; profileId: string; message: string }
  | { type: 'close' }
  | { type: 'stayed' }
  | { type: 'closed' }

export type LifecycleStep = { ok: true; state: ProfileLifecycle } | { ok: false; reason: string }

const refuse = (state: ProfileLifecycle, event: LifecycleEvent): LifecycleStep => ({
  ok: false,
  reason: `"${event.type}" is not possible while the profile lifecycle is ${state.kind}${'profileId' in state ? ` (${state.profileId})` : ''}.`,
})

export function nextLifecycle(state: ProfileLifecycle, event: LifecycleEvent): LifecycleStep {
  switch (event.type) {
    case 'open':
      return state.kind === 'closed' || state.kind === 'failed' ? { ok: true, state: { kind: 'opening', profileId: event.profileId } } : refuse(state, event)
    case 'opened':
      return state.kind === 'opening' && state.profileId === event.profileId ? { ok: true, state: { kind: 'open', profileId: event.profileId } } : refuse(state, event)
    case 'open-failed':
      return state.kind === 'opening' && state.profileId === event.profileId
        ? { ok: true, state: { kind: 'failed', profileId: event.profileId, message: event.message } }
        : refuse(state, event)
    case 'close':
      return state.kind === 'open' ? { ok: true, state: { kind: 'closing', profileId: state.profileId } } : refuse(state, event)
    case 'stayed':
      return state.kind === 'closing' ? { ok: true, state: { kind: 'open', profileId: state.profileId } } : refuse(state, event)
    case 'closed':
      return state.kind === 'closing' ? { ok: true, state: { kind: 'closed' } } : refuse(state, event)
  }
}
