import type { StateCreator } from 'zustand'
import type { MethodInput } from '../../../shared/contract'
import type { LiveCheckKind, LiveCheckProgress } from '../../../shared/liveCheck'
import { provenanceNow } from '../../../shared/provenance'
import type { LoginCheckSource } from '../../../shared/setupState'
import { judge } from '../../../shared/wizard/stepState'
import { checkInputs } from '../../../shared/wizard/verdictInputs'
import { on } from '../api/client'
import { factsOf } from './facts'
import { failureOf } from './failures'
import { IDLE_RUN, type LiveRun, type LiveRunEvent, type LiveRunTransition, transition } from './liveRunMachine'
import { requestFor } from './request'
import type { WizardStore } from './wizardStore'

/** The contract methods that start a live check, and what each is asked. */
type StartMethod = 'scim.start' | 'sso.checkServices' | 'sso.startLogin'
export type LiveCheckStart = { [M in StartMethod]: { method: M; input: MethodInput<M> } }[StartMethod]

/** How many runs' early progress is kept while their start reply is on its way (one a check kind is the most in use). */
const MAX_UNCLAIMED = 20

/**
 * The store owns live checks: its actions start, follow (through the one 'liveCheck.progress' subscription) and
 * cancel them. Components call these; they neither call the API for checks nor follow runs themselves, so a run keeps
 * going, and its result lands in the setup, when its step is left.
 */
export interface LiveRunSlice {
  /** Each profile's live checks, by liveRunKey(profileId, kind): the window's memory of runs, never saved. */
  liveRuns: Record<string, LiveRun>
  /**
   * The latest progress of runs main started but whose start reply has not named them yet, oldest first: main can send
   * a run's first events before that reply arrives (over the bridge they travel on another connection). Each event
   * carries the run's whole state, so the latest is enough; it is used once the reply names the run.
   */
  unclaimedProgress: LiveCheckProgress[]
  /**
   * Moves one run through liveRunMachine's transition; a refused event changes nothing. A run that ends records its
   * result in the setup (with what it was started against), provided its profile is still the open one: a run of a
   * profile closed meanwhile never lands in another.
   */
  applyLiveRunEvent(key: string, event: LiveRunEvent): LiveRunTransition
  /** Listens to live-check progress for the life of the window; call once, before anything can start a check. */
  followLiveRuns(): () => void
  /** One 'liveCheck.progress' event: moves the run it belongs to on, or keeps it until main's reply names the run. */
  receiveLiveProgress(progress: LiveCheckProgress): void
  /**
   * Starts a live check of the open profile: records what it is made against now, asks main to start it (`start`
   * names the method and its input), then follows it through its events. Refused while that check is already running.
   */
  startLiveRun(kind: LiveCheckKind, start: LiveCheckStart, source?: LoginCheckSource): Promise<void>
  /** Cancels the open profile's running check of this kind: its requests are aborted in main, down to the socket. */
  cancelLiveRun(kind: LiveCheckKind): void
  /** The captured SAML response was saved to a file: the window forgets it. */
  forgetCapturedResponse(kind: LiveCheckKind): void
}

export function liveRunKey(profileId: string, kind: LiveCheckKind): string {
  return `${profileId}\u0000${kind}`
}

/** The open profile's run of this kind. */
export function liveRunOf(state: WizardStore, kind: LiveCheckKind): LiveRun {
  return state.liveRuns[liveRunKey(state.openProfile?.id ?? '', kind)] ?? IDLE_RUN
}

/**
 * Why the open profile's check of this kind could not start, while its cause still holds: the admin would send main
 * the same request (`start`, as the panel would start the check now) and the check's inputs (the API key among them)
 * have the values recorded when it was started. Once either changes, the refusal is about something that is gone, so
 * it is not shown, like every message tied to its cause; changing them back shows it again. Null otherwise.
 */
export function startRefusalOf(state: WizardStore, kind: LiveCheckKind, start: LiveCheckStart | { blocked: string }): string | null {
  const run = liveRunOf(state, kind)
  if (run.state !== 'failed' || 'blocked' in start || run.context.request !== requestOf(start)) return null
  const { context } = run
  return judge(context.against, checkInputs(context.kind, context.source), factsOf(state)).freshness === 'current' ? run.error : null
}

const requestOf = (start: LiveCheckStart): string => JSON.stringify({ method: start.method, input: start.input })

/** The key of the running run main named `runId`, if the window follows one. */
export function runningKeyOf(state: WizardStore, runId: string): string | undefined {
  return Object.keys(state.liveRuns).find((key) => {
    const run = state.liveRuns[key]
    return run.state === 'running' && run.runId === runId
  })
}

const openRunKey = (state: WizardStore, kind: LiveCheckKind) => liveRunKey(state.openProfile?.id ?? '', kind)

export const createLiveRunSlice: StateCreator<WizardStore, [], [], LiveRunSlice> = (set, get) => {
  const request = requestFor(get)
  const apply = (key: string, event: LiveRunEvent) => get().applyLiveRunEvent(key, event)

  /** Takes the early progress of the run main just named out of the unclaimed list. */
  const claim = (runId: string): LiveCheckProgress | undefined => {
    const early = get().unclaimedProgress.find((progress) => progress.runId === runId)
    if (early) set((state) => ({ unclaimedProgress: state.unclaimedProgress.filter((progress) => progress.runId !== runId) }))
    return early
  }

  return {
    liveRuns: {},
    unclaimedProgress: [],

    applyLiveRunEvent: (key, event) => {
      const before = get().liveRuns[key] ?? IDLE_RUN
      const result = transition(before, event)
      if (!result.ok) return result
      const after = result.run
      set((state) => ({ liveRuns: { ...state.liveRuns, [key]: after } }))
      const ended = before.state === 'running' && (after.state === 'done' || after.state === 'cancelled')
      if (ended && after.progress.run && (get().openProfile?.id ?? '') === after.context.profileId) {
        get().recordCheck(after.context.kind, after.progress.run, after.context.against, after.context.source)
      }
      return result
    },

    followLiveRuns: () => on('liveCheck.progress', (progress) => get().receiveLiveProgress(progress)),

    receiveLiveProgress: (progress) => {
      const key = runningKeyOf(get(), progress.runId)
      if (key) {
        apply(key, { type: 'progress', progress })
        return
      }
      set((state) => ({
        unclaimedProgress: [...state.unclaimedProgress.filter((kept) => kept.runId !== progress.runId), progress].slice(-MAX_UNCLAIMED),
      }))
    },

    startLiveRun: async (kind, start, source) => {
      const state = get()
      const profileId = state.openProfile?.id ?? ''
      const key = liveRunKey(profileId, kind)
      const now = new Date()
      const against = provenanceNow(checkInputs(kind, source), factsOf(state), now)
      if (!apply(key, { type: 'start', context: { kind, profileId, against, source, clickedAt: now.toISOString(), request: requestOf(start) } }).ok) return
      let runId: string
      try {
        ;({ runId } = await request(start.method, start.input as never))
      } catch (error) {
        apply(key, { type: 'fail', error: failureOf(error).message })
        return
      }
      apply(key, { type: 'started', runId })
      const run = get().liveRuns[key]
      // Cancel was clicked before main had named the run: pass it on now.
      if (run?.state === 'running' && run.cancelRequested) void request('liveCheck.cancel', { runId }).catch(() => undefined)
      const early = claim(runId)
      if (early) apply(key, { type: 'progress', progress: early })
    },

    cancelLiveRun: (kind) => {
      const key = openRunKey(get(), kind)
      const run = get().liveRuns[key]
      if (!apply(key, { type: 'cancel' }).ok) return
      if (run?.state === 'running' && run.runId !== null) void request('liveCheck.cancel', { runId: run.runId }).catch(() => undefined)
    },

    forgetCapturedResponse: (kind) => {
      apply(openRunKey(get(), kind), { type: 'forget-captured-response' })
    },
  }
}
