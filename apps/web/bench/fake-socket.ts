import type { LiveEvent, SubscribeAck } from '@cityops/domain'
import type { LiveFeedOptions } from '../src/live/live-feed'

type LiveSocket = ReturnType<NonNullable<LiveFeedOptions['openSocket']>>
type Handler = (...args: never[]) => void

/**
 * Stands in for the socket.io client so that the real LiveFeed runs without a server: it
 * implements exactly the calls LiveFeed makes (on, timeout().emitWithAck, connect, disconnect)
 * and lets the bench push `events` batches as the server would.
 */
export class FakeLiveSocket {
  connected = false
  private handlers = new Map<string, Handler[]>()

  on(name: string, handler: Handler) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler])
    return this
  }

  timeout(_ms: number) {
    return this
  }

  emitWithAck(_name: 'subscribe', _subscription: unknown): Promise<SubscribeAck> {
    return Promise.resolve({ ok: true, topics: ['units'], deniedTopics: [], resumedFrom: null })
  }

  connect() {
    this.connected = true
    this.fire('connect')
    return this
  }

  disconnect() {
    this.connected = false
    return this
  }

  /** A server message: one batch of events. */
  deliver(batch: LiveEvent[]) {
    this.fire('events', batch)
  }

  private fire(name: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(name) ?? [])
      (handler as (...a: unknown[]) => void)(...args)
  }
}

// LiveFeed only calls the members FakeLiveSocket implements (see above), so it can stand in
// for socket.io's Socket class, whose private fields no structural type can match.
export const asLiveSocket = (fake: FakeLiveSocket): LiveSocket => fake as unknown as LiveSocket
