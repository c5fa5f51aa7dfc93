import {
  COALESCED_TOPICS,
  listScope,
  LIVE_TOPIC_PERMISSIONS,
  type Actor,
  type Bbox,
  type LiveEvent,
  type LiveTopic,
} from '@cityops/domain'
import { toLiveEvent, type StoredEvent } from '../live/append-events'
import { MessagePacer } from './message-pacer'

/** Who may see an event: the topic's permission, department scope and the client's bbox. */
export function isVisible(
  actor: Actor,
  topics: ReadonlySet<LiveTopic>,
  bbox: Bbox | null,
  e: StoredEvent,
) {
  if (!topics.has(e.topic)) return false
  const scope = listScope(actor, LIVE_TOPIC_PERMISSIONS[e.topic])
  if (scope.kind === 'none') return false
  if (scope.kind === 'departments' && !(e.departments ?? []).some((d) => scope.codes.includes(d)))
    return false
  if (bbox && e.lng !== null && e.lat !== null) {
    const [w, s, east, n] = bbox
    if (e.lng < w || e.lng > east || e.lat < s || e.lat > n) return false
  }
  return true
}

/**
 * One outgoing stream (a client's, or a view's shared by its clients): a cursor (the last seq
 * given or skipped), a pending batch sent when the pacer allows, and coalescing of readings
 * and positions.
 */
export class ClientStream {
  cursor: number
  private pending: LiveEvent[] = []
  // Coalescing in O(1) per event: where each entity's newest pending event sits, and which
  // pending slots a newer event of the same entity has replaced.
  private slotOf = new Map<string, number>()
  private replaced = new Set<number>()
  private readonly pacer: MessagePacer
  private timer: NodeJS.Timeout | null = null
  private flushQueued = false
  /** While replaying from the database, live events wait here (in seq order). */
  private held: StoredEvent[] | null = null

  constructor(
    private readonly send: (batch: LiveEvent[]) => void,
    private filter: (e: StoredEvent) => boolean,
    cursor: number,
    pacing: { perSecond?: number; burst?: number } = {},
  ) {
    this.cursor = cursor
    this.pacer = new MessagePacer(pacing.perSecond, pacing.burst)
  }

  /** Nothing waiting to be sent and no replay in progress. */
  get idle() {
    return this.pending.length === 0 && this.held === null
  }

  /** A replay is in progress: live events are held back. */
  get holding() {
    return this.held !== null
  }

  /** A copy of what the next flush would send (for a client leaving a shared stream). */
  pendingBatch(): LiveEvent[] {
    return [...this.batch()]
  }

  /** Events another stream had filtered for this client and not yet sent: they go first. */
  adopt(events: readonly LiveEvent[]) {
    for (const e of events) this.enqueue(e)
    this.schedule()
  }

  setFilter(filter: (e: StoredEvent) => boolean) {
    this.filter = filter
  }

  holdLive() {
    this.held = []
  }

  /** Ends a replay: the cursor moves to `upTo` and held live events past it are released. */
  releaseLive(upTo: number) {
    const held = this.held ?? []
    this.held = null
    this.cursor = Math.max(this.cursor, upTo)
    this.take(held)
  }

  /** Live events from the pump, in seq order. */
  offer(events: readonly StoredEvent[]) {
    if (this.held) this.held.push(...events)
    else this.take(events)
  }

  /** Events read back from the log during a replay (they pass the hold). */
  replay(events: readonly StoredEvent[]) {
    this.take(events)
  }

  // Each seq is taken once, whether it is visible to this client or not.
  private take(events: readonly StoredEvent[]) {
    for (const e of events) {
      if (e.seq <= this.cursor) continue
      this.cursor = e.seq
      if (this.filter(e)) this.enqueue(toLiveEvent(e))
    }
    this.schedule()
  }

  private enqueue(event: LiveEvent) {
    if (COALESCED_TOPICS.includes(event.topic)) {
      const key = `${event.topic}|${event.id}`
      const older = this.slotOf.get(key)
      if (older !== undefined) this.replaced.add(older)
      this.slotOf.set(key, this.pending.length)
    }
    this.pending.push(event)
  }

  // A message goes when the pacer allows: at once (after the events handed over together have
  // all been taken — a microtask), or when the next token is due.
  private schedule() {
    if (this.timer || this.flushQueued || this.pending.length === 0) return
    const wait = this.pacer.waitMs()
    if (wait === 0) {
      this.flushQueued = true
      queueMicrotask(() => {
        if (this.flushQueued) this.flush()
      })
    } else this.timer = setTimeout(() => this.flush(), wait)
  }

  flush() {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.flushQueued = false
    if (this.pending.length === 0) return
    const batch = this.batch()
    this.clearPending()
    this.pacer.spend()
    this.send(batch)
  }

  private batch() {
    return this.replaced.size ? this.pending.filter((_, i) => !this.replaced.has(i)) : this.pending
  }

  private clearPending() {
    this.pending = []
    this.slotOf.clear()
    this.replaced.clear()
  }

  close() {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.flushQueued = false
  }
}
