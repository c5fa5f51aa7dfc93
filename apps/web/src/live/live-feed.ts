import type {
  ClientToServerEvents,
  LiveEvent,
  LiveTopic,
  ServerToClientEvents,
  SubscribeAck,
} from '@cityops/domain'
import { io, type Socket } from 'socket.io-client'
import { LayerState, type LayerChanges, type LayerSnapshot } from './layer-state'
import { isMapTopic, MAP_TOPICS, type MapTopic } from './live-feature'

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline'

/** One animation frame's worth of news: layer changes and the events that caused them. */
export interface LiveFrame {
  layers: Partial<Record<MapTopic, LayerChanges>>
  events: LiveEvent[]
}

export interface LiveFeedOptions {
  /** Topics to subscribe to; map topics also get a layer loaded from their snapshot. */
  topics: readonly LiveTopic[]
  /** A layer's snapshot; null when this user may not see the layer (it stays empty). */
  fetchSnapshot: (topic: MapTopic) => Promise<LayerSnapshot | null>
  /** Opens the socket (same origin by default); tests pass a URL. */
  openSocket?: (auth: (cb: (data: object) => void) => void) => LiveSocket
  /** Called with each frame; the default is requestAnimationFrame. */
  scheduleFrame?: (run: () => void) => void
  onConnection?: (state: ConnectionState, detail?: string) => void
}

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>

// Disconnected for longer than this → "offline" rather than "reconnecting".
const OFFLINE_AFTER_MS = 4000

/**
 * The wall's live data: snapshots of each map layer, then the socket's events after them
 * (docs/LIVE.md). Resumes after a disconnect from the last applied seq, so the server replays
 * exactly what was missed; on `resync` it reloads the snapshots. Changes reach listeners at
 * most once per animation frame, never once per event.
 */
export class LiveFeed {
  readonly layers: Record<MapTopic, LayerState>
  /** Highest seq applied: the `since` of the next connection. */
  lastSeq: number | null = null
  connection: ConnectionState = 'connecting'
  private socket: LiveSocket | null = null
  private listeners = new Set<(frame: LiveFrame) => void>()
  private frameEvents: LiveEvent[] = []
  private framePending = false
  private offlineTimer: ReturnType<typeof setTimeout> | null = null
  private stopped = false

  constructor(private readonly options: LiveFeedOptions) {
    this.layers = Object.fromEntries(MAP_TOPICS.map((t) => [t, new LayerState(t)])) as Record<
      MapTopic,
      LayerState
    >
  }

  get mapTopics(): MapTopic[] {
    return this.options.topics.filter(isMapTopic)
  }

  onFrame(listener: (frame: LiveFrame) => void) {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async start() {
    await this.loadSnapshots()
    if (this.stopped) return
    const open = this.options.openSocket ?? defaultSocket
    const socket = open((cb) => cb(this.lastSeq === null ? {} : { since: this.lastSeq }))
    this.socket = socket
    socket.on('connect', () => void this.subscribe(socket))
    socket.on('events', (batch) => this.receive(batch))
    socket.on('resync', () => void this.resync())
    socket.on('disconnect', (reason) => this.lost(reason))
    socket.on('connect_error', (error) => this.lost(error.message))
  }

  stop() {
    this.stopped = true
    if (this.offlineTimer) clearTimeout(this.offlineTimer)
    this.socket?.disconnect()
    this.socket = null
    this.listeners.clear()
  }

  /** The browser says the network is gone: say so now rather than after a ping timeout. */
  goOffline() {
    if (this.stopped || !this.socket) return
    this.socket.disconnect()
    this.setConnection('offline', 'browser offline')
  }

  /** Back online: reconnect from the last applied seq; the server replays what was missed. */
  goOnline() {
    if (this.stopped || !this.socket || this.socket.connected) return
    this.setConnection('reconnecting', 'browser online')
    this.socket.connect()
  }

  private async loadSnapshots() {
    const topics = this.mapTopics
    const snapshots = await Promise.all(topics.map((t) => this.options.fetchSnapshot(t)))
    snapshots.forEach((s, i) => {
      const topic = topics[i]
      if (topic && s) this.layers[topic].load(s)
    })
    // Resume from the oldest snapshot: each layer skips what its own snapshot holds. With no
    // snapshot at all (a desk that only listens) the connection starts at the live end.
    const oldest = Math.min(...snapshots.flatMap((s) => (s ? [s.seq] : [])))
    this.lastSeq = Number.isFinite(oldest) ? oldest : null
    this.requestFrame()
  }

  private async subscribe(socket: LiveSocket) {
    const ack = (await socket
      .timeout(15_000)
      .emitWithAck('subscribe', { topics: [...this.options.topics] })
      .catch((error: unknown) => ({
        ok: false as const,
        error: error instanceof Error ? error.message : String(error),
      }))) as SubscribeAck
    if (!ack.ok) return this.setConnection('reconnecting', ack.error)
    if (this.offlineTimer) clearTimeout(this.offlineTimer)
    this.offlineTimer = null
    this.setConnection('live')
  }

  private receive(batch: LiveEvent[]) {
    for (const event of batch) {
      if (this.lastSeq !== null && event.seq <= this.lastSeq) continue
      this.lastSeq = event.seq
      if (isMapTopic(event.topic)) this.layers[event.topic].apply(event)
      this.frameEvents.push(event)
    }
    this.requestFrame()
  }

  private async resync() {
    const socket = this.socket
    socket?.disconnect()
    this.setConnection('reconnecting', 'resync')
    try {
      await this.loadSnapshots()
    } finally {
      if (!this.stopped) socket?.connect()
    }
  }

  private lost(reason: string) {
    if (this.stopped || this.connection === 'offline') return
    if (this.connection === 'live' || this.connection === 'connecting')
      this.setConnection('reconnecting', reason)
    this.offlineTimer ??= setTimeout(() => {
      this.offlineTimer = null
      if (this.connection !== 'live') this.setConnection('offline', reason)
    }, OFFLINE_AFTER_MS)
  }

  private setConnection(state: ConnectionState, detail?: string) {
    this.connection = state
    this.options.onConnection?.(state, detail)
  }

  private requestFrame() {
    if (this.framePending) return
    this.framePending = true
    const schedule = this.options.scheduleFrame ?? ((run) => requestAnimationFrame(run))
    schedule(() => this.emitFrame())
  }

  private emitFrame() {
    this.framePending = false
    const frame: LiveFrame = { layers: {}, events: this.frameEvents }
    this.frameEvents = []
    for (const topic of MAP_TOPICS) {
      const layer = this.layers[topic]
      if (layer.dirty) frame.layers[topic] = layer.takeChanges()
    }
    for (const listener of this.listeners) listener(frame)
  }
}

function defaultSocket(auth: (cb: (data: object) => void) => void): LiveSocket {
  return io({ transports: ['websocket'], withCredentials: true, auth })
}
