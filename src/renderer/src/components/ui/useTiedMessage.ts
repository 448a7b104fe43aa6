import { useState } from 'react'
import { create } from 'zustand'

/** Per group, the stamp of the message shown last: an older message of the same group is stale. UI state only. */
const useLatestInGroup = create<Record<string, number>>(() => ({}))
let nextStamp = 1

export interface TiedMessage<M, C> {
  /** The message, while what caused it still holds (and it is the latest of its group); otherwise null. */
  message: M | null
  /** Shows a message caused by `cause`: the value of the input (or state) it is about, as it is now. */
  show(message: M, cause: C): void
  clear(): void
}

/**
 * A message that belongs to what caused it: it is shown only while `cause` (compared with Object.is) is what it was
 * when the message was shown, so a refusal or a "Done" never stays under a later result. Messages sharing a `group`
 * (the two IdP imports of a step) show one at a time: the latest.
 */
export function useTiedMessage<M, C>(cause: C, group?: string): TiedMessage<M, C> {
  const [held, setHeld] = useState<{ message: M; cause: C; stamp: number } | null>(null)
  const latest = useLatestInGroup((s) => (group === undefined ? undefined : s[group]))
  const current = held !== null && Object.is(held.cause, cause) && (group === undefined || latest === held.stamp)
  return {
    message: current ? held.message : null,
    show: (message, causeNow) => {
      const stamp = nextStamp++
      if (group !== undefined) useLatestInGroup.setState({ [group]: stamp })
      setHeld({ message, cause: causeNow, stamp })
    },
    clear: () => setHeld(null),
  }
}
