/** How long a request ID or assertion ID is remembered when the response gives no earlier expiry. */
const DEFAULT_RETENTION_MS = 8 * 3_600_000
/** Bounds memory whatever the caller feeds in; the oldest entries go first. */
const MAX_ENTRIES = 10_000

/**
 * In-memory memory of what was already accepted, so the same response cannot be used twice: each request ID this app
 * sent is answered once, and each assertion ID is seen once. One guard lives as long as the app; entries expire.
 */
export class ReplayGuard {
  private readonly answeredRequests = new Map<string, number>()
  private readonly seenAssertions = new Map<string, number>()

  constructor(private readonly retentionMs = DEFAULT_RETENTION_MS) {}

  /** Marks a request ID as answered; false when it already was (a replayed response). */
  answerRequest(requestId: string, now: Date): boolean {
    return this.remember(this.answeredRequests, requestId, now.getTime() + this.retentionMs, now)
  }

  /** Remembers an assertion ID until it expires (at least until `until`); false when it was seen before. */
  seeAssertion(assertionId: string, until: Date | null, now: Date): boolean {
    const expiry = Math.max(until?.getTime() ?? 0, now.getTime() + this.retentionMs)
    return this.remember(this.seenAssertions, assertionId, expiry, now)
  }

  private remember(entries: Map<string, number>, id: string, expiresAt: number, now: Date): boolean {
    for (const [key, expiry] of entries) {
      if (expiry <= now.getTime()) entries.delete(key)
    }
    if (entries.has(id)) return false
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string)
    entries.set(id, expiresAt)
    return true
  }
}
