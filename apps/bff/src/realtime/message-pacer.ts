/**
 * How often one stream may send: a token bucket of `burst` messages refilled at `perSecond`.
 * A quiet stream sends each change at once; a busy one batches what arrives while it waits,
 * and nothing waits longer than one refill (1000 / perSecond ms). At 15 per second a wall
 * gets changes within ~67 ms, and a view busier than 15 events per second starts sharing
 * messages — the trade measured as B1 in docs/PERFORMANCE.md.
 */
export class MessagePacer {
  private tokens: number
  private refilledAt: number

  constructor(
    readonly perSecond = 15,
    readonly burst = 2,
    now = Date.now(),
  ) {
    this.tokens = burst
    this.refilledAt = now
  }

  /** Milliseconds until a message may go; 0 means now. */
  waitMs(now = Date.now()) {
    this.refill(now)
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.perSecond)
  }

  spend(now = Date.now()) {
    this.refill(now)
    this.tokens -= 1
  }

  private refill(now: number) {
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.refilledAt) * this.perSecond) / 1000,
    )
    this.refilledAt = now
  }
}
