import type { LiveCheckKind, LiveCheckProgress } from '../../../shared/liveCheck'
import { provenanceNow } from '../../../shared/provenance'
import type { LoginCheckSource } from '../../../shared/setupState'
import { checkInputs } from '../../../shared/wizard/verdictInputs'
import type { MethodInput } from '../../../shared/contract'
import { on } from '../api/client'
import { failureOf } from './failures'
import { requestFor } from './request'
import { factsOf } from './facts'
import { liveRunKey, runningKeyOf } from './liveRunSlice'
import type { LiveRunEvent } from './liveRunMachine'
import { useWizard } from './wizardStore'

/**
 * The store's live-check actions: start, cancel, and the one subscription to 'liveCheck.progress' that moves every
 * run on. Components call these; they neither call the API for checks nor follow runs themselves, so a run keeps
 * going, and its result lands in the setup, when its step is left.
 */

/**
 * Progress of runs main started but whose start reply has not named them yet: main can send a run's first events
 * before that reply arrives (and over the bridge they travel on another connection). The latest event of each is
 * kept and used once the reply names the run; every event carries the run's whole state, so the latest is enough.
 */
const unclaimed = new Map<string, LiveCheckProgress>()
const MAX_UNCLAIMED = 20

function apply(key: string, event: LiveRunEvent) {
  return useWizard.getState().applyLiveRunEvent(key, event)
}

function receive(progress: LiveCheckProgress): void {
  const key = runningKeyOf(useWizard.getState(), progress.runId)
  if (key) {
    apply(key, { type: 'progress', progress })
    return
  }
  unclaimed.set(progress.runId, progress)
  if (unclaimed.size > MAX_UNCLAIMED) unclaimed.delete(unclaimed.keys().next().value as string)
}

/** Listens to live-check progress for the life of the window; call once, before anything can start a check. */
export function followLiveRuns(): () => void {
  return on('liveCheck.progress', receive)
}

/** The contract methods that start a live check, and what each is asked. */
type StartMethod = 'scim.start' | 'sso.checkServices' | 'sso.startLogin'
export type LiveCheckStart = { [M in StartMethod]: { method: M; input: MethodInput<M> } }[StartMethod]

const request = requestFor(() => useWizard.getState())

/**
 * Starts a live check of the open profile: records what it is made against now, asks main to start it (`start`
 * names the method and its input), then follows it through its events. Refused while that check is already running.
 */
export async function startLiveRun(kind: LiveCheckKind, start: LiveCheckStart, source?: LoginCheckSource): Promise<void> {
  const state = useWizard.getState()
  const profileId = state.openProfile?.id ?? ''
  const key = liveRunKey(profileId, kind)
  const now = new Date()
  const against = provenanceNow(checkInputs(kind, source), factsOf(state), now)
  if (!apply(key, { type: 'start', context: { kind, profileId, against, source, clickedAt: now.toISOString() } }).ok) return
  let runId: string
  try {
    ;({ runId } = await request(start.method, start.input as never))
  } catch (error) {
    apply(key, { type: 'fail', error: failureOf(error).message })
    return
  }
  apply(key, { type: 'started', runId })
  const run = useWizard.getState().liveRuns[key]
  // Cancel was clicked before main had named the run: pass it on now.
  if (run?.state === 'running' && run.cancelRequested) void request('liveCheck.cancel', { runId }).catch(() => undefined)
  const early = unclaimed.get(runId)
  if (early) {
    unclaimed.delete(runId)
    apply(key, { type: 'progress', progress: early })
  }
}

/** Cancels the open profile's running check of this kind: its requests are aborted in main, down to the socket. */
export function cancelLiveRun(kind: LiveCheckKind): void {
  const state = useWizard.getState()
  const key = liveRunKey(state.openProfile?.id ?? '', kind)
  const run = state.liveRuns[key]
  if (!apply(key, { type: 'cancel' }).ok) return
  if (run?.state === 'running' && run.runId !== null) void request('liveCheck.cancel', { runId: run.runId }).catch(() => undefined)
}

/** The captured SAML response was saved to a file: the window forgets it. */
export function forgetCapturedResponse(kind: LiveCheckKind): void {
  const state = useWizard.getState()
  apply(liveRunKey(state.openProfile?.id ?? '', kind), { type: 'forget-captured-response' })
}
