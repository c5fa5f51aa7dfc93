import type { LiveEvent, SubscribeAck, Subscription } from '@cityops/domain'
import { io as connect, type Socket } from 'socket.io-client'

/** A real socket.io client that records every batch it is sent. */
export class LiveClient {
  readonly events: LiveEvent[] = []
  readonly batches: LiveEvent[][] = []
  resync: { oldestSeq: number; latestSeq: number } | null = null
  readonly socket: Socket

  constructor(url: string, cookie: string, since?: number) {
    this.socket = connect(url, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin: url },
      reconnection: false,
      auth: since === undefined ? {} : { since },
    })
    this.socket.on('events', (batch: LiveEvent[]) => {
      this.batches.push(batch)
      this.events.push(...batch)
    })
    this.socket.on('resync', (info: { oldestSeq: number; latestSeq: number }) => {
      this.resync = info
    })
  }

  subscribe(subscription: Subscription): Promise<SubscribeAck> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect_error', reject)
      this.socket.emit('subscribe', subscription, resolve)
    })
  }

  /** Waits until `count` events have arrived (or fails after `ms`). */
  async waitFor(count: number, ms = 10_000): Promise<LiveEvent[]> {
    const start = Date.now()
    while (this.events.length < count) {
      if (Date.now() - start > ms) throw new Error(`got ${this.events.length} of ${count} events`)
      await new Promise((r) => setTimeout(r, 20))
    }
    return this.events
  }

  close() {
    this.socket.close()
  }
}

export const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms))
