import type { DatabaseHandle } from '../db/client'
import { EVENTS_CHANNEL, type StoredEvent } from './append-events'
import { logRange, readEventsAfter } from './read-events'

const PAGE = 1000
// NOTIFY is only a wake-up; the poll is what guarantees progress if a notification is lost.
const POLL_MS = 1000

export type EventListener = (events: readonly StoredEvent[]) => void

/**
 * Reads the event log in seq order, once per process, and hands each committed event to its
 * listeners exactly once. Every BFF node runs one against the shared database, so no event
 * depends on Redis or on the node that wrote it.
 */
export class EventPump {
  private lastSeq = 0
  private listeners = new Set<EventListener>()
  private draining: Promise<void> | null = null
  private again = false
  private timer: NodeJS.Timeout | null = null
  private unlisten: (() => Promise<void>) | null = null

  constructor(private readonly database: DatabaseHandle) {}

  /** The seq up to which events have been handed to listeners. */
  get position() {
    return this.lastSeq
  }

  async start() {
    this.lastSeq = (await logRange(this.database.db)).latest
    this.unlisten = await this.database.listen(EVENTS_CHANNEL, () => this.wake())
    this.timer = setInterval(() => this.wake(), POLL_MS)
  }

  async stop() {
    if (this.timer) clearInterval(this.timer)
    await this.unlisten?.()
    await this.draining
  }

  subscribe(listener: EventListener) {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Ask for a read now (after a local commit, on NOTIFY, on the poll); resolves when caught up. */
  wake(): Promise<void> {
    if (this.draining) {
      this.again = true
      return this.draining
    }
    this.draining = this.drain().finally(() => {
      this.draining = null
      if (this.again) {
        this.again = false
        void this.wake()
      }
    })
    return this.draining
  }

  private async drain() {
    for (;;) {
      let batch: StoredEvent[]
      try {
        batch = await readEventsAfter(this.database.db, { since: this.lastSeq, limit: PAGE })
      } catch {
        return // database briefly unreachable: the next poll retries from the same seq
      }
      if (batch.length === 0) return
      const last = batch.at(-1)
      for (const listener of this.listeners) listener(batch)
      this.lastSeq = last?.seq ?? this.lastSeq
      if (batch.length < PAGE) return
    }
  }
}
